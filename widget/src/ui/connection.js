// The websocket to the chat server: `hello` on every (re)connect, resuming the session
// with the token from the last `welcome`; that token lives in this closure only (never
// in a cookie or storage). An unexpected close reconnects after 0.5 s, doubling to 8 s,
// with jitter (see `backoff`), for as long as the page is open.

const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 8000;
const PING_MS = 25000; // keeps proxies from closing an idle socket

/**
 * The delay before reconnect attempt `n` (0-based): the step 0.5 s · 2^n, at most 8 s,
 * of which a random 50-100 % is waited, so that many widgets do not retry in step.
 */
export const backoff = (n, random = Math.random) =>
  Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** n) * (0.5 + random() / 2);

/**
 * connect(base, lang, { frame(f), state(name, delayMs) })
 * state names: "connecting", "open" (after welcome), "retry" (with the delay).
 * Returns { send(frame) -> boolean, restart() }.
 */
export function connect(base, lang, on) {
  const url = new URL("ws", base);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  let socket = null;
  let token = null;
  let attempt = 0;
  let pinger = 0;

  const send = (frame) => {
    if (!socket || socket.readyState !== WebSocket.OPEN) return false;
    socket.send(JSON.stringify(frame));
    return true;
  };

  const open = () => {
    on.state("connecting");
    const ws = (socket = new WebSocket(url));
    ws.onopen = () => {
      send(token ? { type: "hello", lang, resume: token } : { type: "hello", lang });
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
        token = frame.session;
        attempt = 0;
        on.frame(frame);
        on.state("open");
      } else {
        on.frame(frame);
      }
    };
    ws.onclose = () => {
      clearInterval(pinger);
      if (ws !== socket) return;
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
