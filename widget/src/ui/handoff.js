// The "talk to a person" button, and the door to the rest of the handoff: its code, texts
// and styles (static/klarchat-handoff.js, from widget/src/handoff/) load only once a person
// is asked for, or the server says the conversation is already with one. Most visitors
// never need them. Until then the AI answers and this shows only the button.

import { h, show } from "./dom.js";

/** `ui`: `root`, `send(frame)`, `announce(text)`, `update(change, always)`, `current()`. */
export function createHandoff(t, base, lang, ui) {
  let full = null; // the handoff module, once loaded
  let script = null; // its <script>, once asked for
  let offered = false; // welcome.handoff
  const later = []; // the frames for the module until it has loaded, in order

  const request = h(
    "button",
    {
      type: "button",
      class: "hb ask",
      "data-kc": "handoff-request",
      hidden: true,
      onclick: () => ui.send({ type: "handoff", action: "request" }) && load(),
    },
    t.handoff,
  );

  // Loaded like the chat UI itself: a script from the chat server, which the page's CSP
  // allows already. A failed load is tried again with the next frame about the handoff.
  function load() {
    script ||= document.head.appendChild(
      h("script", {
        src: base + "static/klarchat-handoff.js",
        onload: () => {
          full = window.KlarchatUI.handoff(t, base, lang, { ...ui, request });
          later.forEach(full.frame);
        },
        onerror: () => (script = null),
      }),
    );
  }

  /**
   * Every frame passes through here once the chat UI has handled it: the module gets those
   * it needs, or they wait for it. The button needs `ai_chat` consent, which only a frame
   * changes, so it is shown or hidden afterwards.
   */
  function onFrame(f) {
    if (full) return full.frame(f);
    switch (f.type) {
      case "welcome":
        offered = f.handoff;
        later.push(f);
        break;
      case "handoff":
      case "person_message":
        later.push(f);
        load();
    }
    show(request, offered && ui.current());
  }

  return {
    request,
    frame: onFrame,
    focusTarget: () => full && full.focusTarget(),
  };
}
