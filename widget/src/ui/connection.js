// The websocket to the chat server: `hello` on every (re)connect, resuming the session
// with the token from the last `welcome`. The token lives in this closure; it is also kept
// in sessionStorage (one key per chat server, this tab only) while, and only while, the
// server's latest `persist` is true (the visitor's `transcript` consent), so that a reload
// of the page resumes the conversation. Storage is first read here, i.e. after the
// visitor has opened the chat. An unexpected close reconnects after 0.5 s, doubling to
// 8 s, with jitter (see `backoff`), for as long as the page is open.

const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 8000;
const PING_MS = 25000; // keeps proxies from closing an idle socket
// The server closes with this code when this page's origin may not open chats
// (`allowed_origins`): retrying cannot help, so the widget says so once and stops.
const REFUSED_ORIGIN = 4403;

/**
 * The delay before reconnect attempt `n` (0-based): the step 0.5 s · 2^n, at most 8 s,
 * of which a random 50-100 % is waited, so that many widgets do not retry in step.
 */
export const backoff = (n, random = Math.random) =>
  Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** n) * (0.5 + random() / 2);

/**
 * The stored token for this chat server: `keep.get()`, `keep.set(token)`, `keep.drop()`.
 * Storage may be unavailable (blocked, sandboxed): then nothing is kept, nothing fails.
 */
const keeper = (base) => {
  const key = "klarchat:session:" + new URL(base).origin;
  const use = (fn) => {
    try {
      return fn(window.sessionStorage);
    } catch {
      return null;
    }
  };
  return {
    get: () => use((s) => s.getItem(key)),
    set: (token) => use((s) => s.setItem(key, token)),
    drop: () => use((s) => s.removeItem(key)),
  };
};

/**
 * connect(base, lang, { frame(f), state(name, delayMs) })
 * state names: "connecting", "open" (after welcome), "retry" (with the delay), "refused"
 * (this site may not open chats; no further attempt).
 * Returns { send(frame) -> boolean, restart() }.
 */
export function connect(base, lang, on) {
  const url = new URL("ws", base);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  let socket = null;
  const keep = keeper(base);
  let token = keep.get();
  // Only a well-formed token is sent (the server refuses a `hello` with a malformed one).
  if (token && !/^[\w-]{16,128}$/.test(token)) token = (keep.drop(), null);
  let attempt = 0;
  let pinger = 0;
  // The highest message number seen on this page: a reconnect sends it, and the server
  // answers with exactly the messages after it (possibly from another instance).
  let lastSeq = -1;
  const saw = (seq) => {
    if (Number.isInteger(seq) && seq > lastSeq) lastSeq = seq;
  };

  const send = (frame) => {
    if (!socket || socket.readyState !== WebSocket.OPEN) return false;
    socket.send(JSON.stringify(frame));
    return true;
  };

  const open = () => {
    on.state("connecting");
    const ws = (socket = new WebSocket(url));
    ws.onopen = () => {
      const hello = { type: "hello", lang };
      if (token) hello.resume = token;
      if (token && lastSeq >= 0) hello.last_seq = lastSeq;
      send(hello);
      pinger = setInterval(() => send({ type: "ping" }), PING_MS);
    };
    ws.onmessage = (event) => {
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch {
        return;
      }
      if (!frame || typeof frame.type !== "string" || frame.type === "pong") return;
      if (frame.type === "welcome") {
        if (!frame.resumed) lastSeq = -1;
        (frame.history || []).forEach((item) => saw(item.seq));
        saw(frame.last_seq);
      } else if (frame.type === "erased") lastSeq = -1;
      else saw(frame.seq);
      // Kept only while the latest `persist` is true; `persist: false` (withdrawal, expiry,
      // a new session after `resumed: false`) or an erasure removes the stored token.
      if (frame.type === "welcome" || frame.type === "consent_recorded" || frame.type === "erased") {
        if (frame.type === "welcome") token = frame.session;
        if (frame.persist === true && frame.type !== "erased" && token) keep.set(token);
        else keep.drop();
      }
      if (frame.type === "welcome") {
        attempt = 0;
        on.frame(frame);
        on.state("open");
      } else {
        on.frame(frame);
      }
    };
    ws.onclose = (event) => {
      clearInterval(pinger);
      if (ws !== socket) return;
      if (event.code === REFUSED_ORIGIN) return on.state("refused");
      const delay = backoff(attempt++);
      on.state("retry", delay);
      setTimeout(open, delay);
    };
  };

  open();
  return {
    send,
    /** Drop the socket and say hello again (e.g. to fetch changed consent texts). */
    restart: () => socket && socket.close(),
  };
}
