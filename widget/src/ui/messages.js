// The conversation log: the visitor's messages with what was removed from them, and the
// AI's answers, each with an AI label that is visible and read by screen readers.

import { h, hiddenText } from "./dom.js";
import { render } from "./render.js";

/** `map[key]` when it is the map's own entry (not e.g. "constructor"), else undefined. */
const own = (map, key) => (Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined);

/**
 * "1 E-Mail-Adresse, 1 Name": entity counts in the visitor's language, known types in
 * alphabetical order of their code, every other type (DE_…, …) summed up last as
 * "persönliche Angaben".
 */
export function describeEntities(t, entities) {
  const parts = [];
  let other = 0;
  for (const code of Object.keys(entities || {}).sort()) {
    const count = Number(entities[code]) || 0;
    if (count <= 0) continue;
    const names = own(t.entities, code);
    if (names) parts.push([count, names]);
    else other += count;
  }
  if (other) parts.push([other, t.otherEntity]);
  return parts.map(([n, [one, many]]) => `${n} ${n === 1 ? one : many}`).join(", ");
}

/**
 * One note per special category (GDPR Art. 9) the server found, for the actions this widget
 * can describe: "Angaben der Kategorie „Gesundheit“ entfernt: Diabetes". An unknown category
 * id is shown as it is.
 */
function categoryNotes(t, categories) {
  return (Array.isArray(categories) ? categories : [])
    .filter((c) => c && own(t.categoryActions, c.action))
    .map(({ category, action, words }) => {
      const values = {
        c: own(t.categories, category) || String(category),
        w: [].concat(words || []).join(", "),
      };
      return h(
        "p",
        { class: "note", "data-kc": "category-note", "data-category": category, "data-action": action },
        t.categoryActions[action].replace(/\{([cw])\}/g, (_, key) => values[key]),
      );
    });
}

export function createMessages(t, log) {
  const answers = new Map(); // message id -> { body, text, node }

  return {
    /** Empty the log (after erasure). */
    clear() {
      answers.clear();
      log.replaceChildren();
    },

    /**
     * The visitor's message, once the server has accepted it, with what was removed from it
     * and a note per special category the server found.
     */
    user(text, entities, categories) {
      const removed = describeEntities(t, entities);
      log.append(
        h(
          "div",
          { class: "turn" },
          hiddenText(t.you),
          h("p", { class: "msg user", "data-kc": "message-user" }, text),
          removed && h("p", { class: "note", "data-kc": "redaction-note" }, t.removed + removed),
          categoryNotes(t, categories),
        ),
      );
    },

    /** The visitor's message that the server refused to process, with the server's reason. */
    blocked(text, reason) {
      log.append(
        h(
          "div",
          { class: "turn" },
          hiddenText(t.you),
          h("p", { class: "msg user held", "data-kc": "message-blocked" }, text),
          h("p", { class: "note", "data-kc": "blocked-note" }, h("strong", {}, t.notSent), " ", reason),
        ),
      );
    },

    /** Append streamed text to the answer for `id` and render it again. */
    delta(id, text) {
      let answer = answers.get(id);
      if (!answer) {
        const body = h("div", { class: "ai-text", "data-kc": "ai-text" });
        const node = h(
          "div",
          { class: "msg ai", "data-kc": "message-ai", "data-id": id },
          h(
            "span",
            { class: "ai-label", "data-kc": "ai-label" },
            h("span", { "aria-hidden": "true" }, t.aiBadge),
            hiddenText(t.aiSpoken),
          ),
          body,
        );
        answer = { body, node, text: "" };
        answers.set(id, answer);
        log.append(node);
      }
      answer.text += text;
      answer.body.replaceChildren(...render(answer.text));
    },

    /**
     * The answer for `id` is over: "complete", "cancelled" or "interrupted".
     * Returns its rendered text (for the live region), "" when there was none.
     */
    finish(id, outcome) {
      const answer = answers.get(id);
      if (!answer) return "";
      answers.delete(id);
      if (outcome === "cancelled" || outcome === "interrupted") {
        answer.node.append(h("p", { class: "ai-end" }, t[outcome]));
      }
      return answer.body.textContent;
    },
  };
}
