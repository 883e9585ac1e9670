// The list of live conversations: waiting ones first (longest wait on top), then those a
// person answers, then the rest by latest activity. Waiting times tick every second
// without rebuilding the list, so keyboard focus stays where it is.

import { el, kc } from "./dom.js";
import { T, duration, format } from "./texts.js";

const ORDER = { waiting: 0, human: 1, consent: 2, ai: 3, closed: 4 };

export function waitingSeconds(entry) {
  if (entry.summary.state !== "waiting") return null;
  return (entry.summary.waiting_seconds ?? 0) + (performance.now() - entry.received) / 1000;
}

function describeConsent(consent) {
  const parts = Object.entries(consent ?? {}).map(
    ([purpose, state]) => `${purpose}: ${T.consent_states[state] ?? state}`,
  );
  return parts.length ? parts.join(", ") : T.none;
}

export function describeEntities(entities) {
  const parts = Object.entries(entities ?? {}).map(([type, count]) => `${type} ${count}`);
  return parts.length ? parts.join(", ") : T.none;
}

function sorted(entries) {
  return [...entries].sort((a, b) => {
    const byState = (ORDER[a.summary.state] ?? 9) - (ORDER[b.summary.state] ?? 9);
    if (byState) return byState;
    const waited = (waitingSeconds(b) ?? 0) - (waitingSeconds(a) ?? 0);
    if (waited) return waited;
    return String(b.summary.last_activity_at).localeCompare(String(a.summary.last_activity_at));
  });
}

function item(entry, selected, onOpen) {
  const s = entry.summary;
  const state = T.states[s.state] ?? s.state;
  const wait = waitingSeconds(entry);
  const open = el(
    "button",
    { type: "button", class: "secondary", "data-kc": "open-conversation" },
    `${T.open}: ${state} (${s.lang})`,
  );
  open.addEventListener("click", () => onOpen(s.id));
  const details = el(
    "dl",
    {},
    el("dt", {}, T.language),
    el("dd", {}, s.lang),
    el("dt", {}, T.consent),
    el("dd", { "data-kc": "consent" }, describeConsent(s.consent)),
    el("dt", {}, T.entities),
    el("dd", { "data-kc": "entities" }, describeEntities(s.entities)),
    el("dt", {}, T.messages),
    el("dd", {}, s.messages ?? 0),
    el("dt", {}, T.waiting),
    el("dd", { "data-kc": "waiting-time" }, wait === null ? "–" : duration(wait)),
  );
  const claimed = s.operator_name ? el("p", {}, `${T.claimed_by} ${s.operator_name}`) : null;
  return el(
    "li",
    {
      class: "conversation-item",
      "data-kc": "conversation-item",
      "data-id": s.id,
      "data-state": s.state,
      "aria-current": selected ? "true" : false,
    },
    el("p", { class: "state", "data-kc": "state" }, state),
    details,
    claimed,
    open,
  );
}

export class ConversationList {
  constructor(onOpen) {
    this.root = kc("conversation-list");
    this.empty = kc("empty");
    this.onOpen = onOpen;
    this.entries = new Map();
    this.selected = null;
  }

  put(summary) {
    this.entries.set(summary.id, { summary, received: performance.now() });
  }

  remove(id) {
    this.entries.delete(id);
  }

  render() {
    const focusedId = document.activeElement?.closest?.("[data-kc=conversation-item]")?.dataset.id;
    const items = sorted(this.entries.values()).map((entry) =>
      item(entry, entry.summary.id === this.selected, this.onOpen),
    );
    this.root.replaceChildren(...items);
    this.empty.hidden = items.length > 0;
    this.empty.textContent = T.no_conversations;
    if (focusedId) {
      this.root
        .querySelector(`[data-id="${CSS.escape(focusedId)}"] [data-kc=open-conversation]`)
        ?.focus();
    }
  }

  tick() {
    for (const node of this.root.querySelectorAll("[data-kc=conversation-item]")) {
      const entry = this.entries.get(node.dataset.id);
      const wait = entry ? waitingSeconds(entry) : null;
      if (wait !== null) kc("waiting-time", node).textContent = duration(wait);
    }
  }

  available(count) {
    kc("operators-available").textContent = format(T.operators_available, { n: count });
  }
}
