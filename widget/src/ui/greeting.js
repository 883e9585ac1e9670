// The start of a conversation: the assistant's greeting with a few questions to pick once
// the visitor has consented (so the chat never opens onto an empty log), and, after a
// reload that resumed the session, the earlier messages the server still holds.

import { h, hiddenText } from "./dom.js";
import { render } from "./render.js";

/** `ask(text)` sends a suggested question as if the visitor had typed it. */
export function createGreeting(log, messages, ask) {
  let greeted = false;
  let choices = null;

  return {
    /** Greet once per page, and only while the log holds no conversation. */
    greet(welcome) {
      if (greeted || !welcome || log.querySelector(".msg")) return;
      greeted = true;
      messages.delta("greeting", welcome.greeting);
      messages.finish("greeting");
      log.lastChild.setAttribute("data-kc", "greeting");
      choices = h(
        "div",
        { class: "acts", "data-kc": "suggestions" },
        welcome.suggestions.map((q) =>
          h("button", { type: "button", class: "hb", "data-kc": "suggestion", onclick: () => ask(q) }, q),
        ),
      );
      log.append(choices);
    },

    /** The visitor has written: the suggestions have done their job. */
    dismiss() {
      choices?.remove();
    },

    /** Draw the messages of a resumed conversation, oldest first: the AI's with the AI label,
     * a person's with their name (as the handoff module draws them), the visitor's plain. */
    redraw(history) {
      history.forEach(({ role, name, text, seq }) => {
        if (role === "visitor") messages.user(text);
        else if (role === "ai") messages.delta("earlier" + seq, text), messages.finish("earlier" + seq);
        else
          log.append(
            h(
              "div",
              { class: "msg person", "data-kc": "message-person" },
              h("span", { class: "person-label", "data-kc": "person-label" }, name, hiddenText(":")),
              h("div", { class: "text", "data-kc": "person-text" }, render(text)),
            ),
          );
      });
    },
  };
}
