// The operator console: who am I, the list of conversations, the live stream of changes,
// availability, and alerts for anyone newly waiting for a person.

import { Alerts } from "./alerts.js";
import { api, setCsrf } from "./api.js";
import { ConversationView } from "./conversation.js";
import { kc } from "./dom.js";
import { ConversationList } from "./list.js";
import { T, errorText, format } from "./texts.js";

const status = kc("status");
const availability = kc("availability");
const alerts = new Alerts();
const waiting = new Set();

function noteWaiting(summary, { alert }) {
  if (summary.state !== "waiting") {
    waiting.delete(summary.id);
    return;
  }
  if (waiting.has(summary.id)) return;
  waiting.add(summary.id);
  if (!alert) return;
  const text = format(T.new_waiting, { lang: summary.lang });
  alerts.announce(text);
  if (availability.checked) alerts.ring(text);
}

async function start() {
  const me = await api("/me");
  setCsrf(me.csrf);
  availability.checked = Boolean(me.available);
  availability.disabled = false;
  const view = new ConversationView(me);
  const list = new ConversationList(async (id) => {
    list.selected = id;
    list.render();
    await view.open(id);
  });

  availability.addEventListener("change", async () => {
    const wanted = availability.checked;
    if (wanted) alerts.unlockSound();
    try {
      const answer = await api("/me/availability", { method: "POST", body: { available: wanted } });
      availability.checked = Boolean(answer.available);
      status.textContent = "";
    } catch (error) {
      availability.checked = !wanted;
      status.textContent = errorText(error);
    }
  });
  alerts.setUpPermissionButton(kc("notify-permission"), status);

  async function reloadList() {
    const data = await api("/conversations");
    list.entries.clear();
    for (const summary of data.conversations) {
      list.put(summary);
      noteWaiting(summary, { alert: false });
    }
    list.available(data.operators_available ?? 0);
    list.render();
  }
  await reloadList();

  /** The live stream. The browser reconnects by itself after a dropped connection; a
   * refused one (an HTTP error) it gives up, so the console asks `/me` (which leads to the
   * login page when the session has ended) and opens a new stream a little later. After a
   * reconnection the list is read afresh: events may have been missed meanwhile. */
  let connected = false;
  function listen() {
    const stream = new EventSource("/admin/api/events");
    stream.addEventListener("open", () => {
      status.textContent = "";
      if (connected) {
        reloadList().catch((error) => {
          status.textContent = errorText(error);
        });
      }
      connected = true;
    });
    stream.addEventListener("error", async () => {
      status.textContent = T.live_lost;
      if (stream.readyState !== EventSource.CLOSED) return;
      await api("/me").catch(() => null);
      setTimeout(listen, 5000);
    });
    stream.addEventListener("conversation", (event) => {
      const summary = JSON.parse(event.data);
      noteWaiting(summary, { alert: true });
      list.put(summary);
      list.render();
      view.update(summary);
    });
    stream.addEventListener("gone", (event) => {
      const { id } = JSON.parse(event.data);
      waiting.delete(id);
      list.remove(id);
      list.render();
      view.gone(id);
    });
    stream.addEventListener("operators", (event) => {
      list.available(JSON.parse(event.data).available);
    });
  }
  listen();

  setInterval(() => list.tick(), 1000);
}

start().catch((error) => {
  status.textContent = errorText(error);
});
