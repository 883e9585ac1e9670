// The visitor's side of the handoff to a person: the "talk to a person" button, the consent
// to `human_support` asked at that moment (not before the chat), the waiting notice, the
// switch between the AI and a person (banner, title, an event in the log), messages a person
// wrote, the other ways to reach the site owner when nobody can take over, and the end of
// the conversation. The server decides every state (`handoff` frames); this only shows it.
// Built into its own bundle (static/klarchat-handoff.js), which the chat UI loads only when
// it is needed (see widget/src/ui/handoff.js).

import { h, hiddenText, show } from "../ui/dom.js";
import { render, safeUrl } from "../ui/render.js";
import de from "./i18n/de.js";
import en from "./i18n/en.js";
import css from "./styles.css";

/**
 * `t`: the chat UI's texts; `ui`: the shadow `root`, `send(frame)`, `announce(text)`,
 * `update(change, always)` (keeps the newest content in view), `current()` (`ai_chat`
 * consent is current) and the `request` button. The chat UI's other elements are found by
 * their `data-kc`. Each frame comes here after the chat UI has handled it.
 */
function createHandoff(t, base, lang, ui) {
  const { root, send, announce, update, current, request } = ui;
  const kc = (name) => root.querySelector(`[data-kc="${name}"]`);
  const [log, title, disclosure, input, sendButton] = ["log", "title", "disclosure", "input", "send"].map(kc);
  const x = lang === "en" ? en : de;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  // The error for a message after the end (code `closed`) can only follow this module's
  // `closed` state, so its text comes with it rather than with the chat UI.
  t.errors.closed = x.closed;
  let offered = false; // welcome.handoff, and a purpose to ask for
  let purpose = null; // the purpose asked at handoff (`ask: "handoff"`)
  let policy = null;
  let state = "ai";
  let aiTitle = null; // the AI's title while a person answers, to put back afterwards

  // -- the consent prompt: one unticked box, Continue and Cancel styled alike ----------
  const hint = h("p", { class: "hint", id: "kc-ho-hint", "data-kc": "handoff-hint", hidden: true }, x.hint);
  const box = h("input", {
    type: "checkbox",
    id: "kc-ho",
    "data-kc": "handoff-purpose",
    "aria-describedby": "kc-ho-text",
    onchange: () => box.checked && invalid(false),
  });
  const about = h("div");
  // Why a person is offered without being asked for: the message touched a sensitive topic.
  const sensitive = h("p", { "data-kc": "handoff-sensitive", hidden: true }, x.sensitive);
  const decide = (yes) => send({ type: "consent", policy_version: policy, choices: { [purpose.id]: yes } });
  const prompt = h(
    "form",
    {
      class: "consent",
      "data-kc": "handoff-consent",
      "aria-labelledby": "kc-ho-h",
      novalidate: true,
      onsubmit: (event) => {
        event.preventDefault();
        if (box.checked) decide(true);
        else invalid(true), box.focus();
      },
    },
    h("h3", { id: "kc-ho-h" }, t.handoff),
    sensitive,
    h("p", {}, x.intro),
    hint,
    h("div", { class: "purpose" }, box, about),
    h(
      "div",
      { class: "choices" },
      h("button", { type: "submit", class: "choice", "data-kc": "handoff-continue" }, x.continue),
      h(
        "button",
        { type: "button", class: "choice", "data-kc": "handoff-decline", onclick: () => decide(false) },
        t.cancel,
      ),
    ),
  );

  // Continue without the tick: the hint says why nothing happened, as in the consent step.
  function invalid(on) {
    show(hint, on);
    box.setAttribute("aria-describedby", (on ? "kc-ho-hint " : "") + "kc-ho-text");
    if (on) box.setAttribute("aria-invalid", "true");
    else box.removeAttribute("aria-invalid");
  }

  /** The purpose's title, text, link to the privacy notice and details, as in the consent step. */
  function describe(p, privacyUrl) {
    const privacy = new URL(privacyUrl || "/privacy", base);
    if (privacy.origin === new URL(base).origin) privacy.searchParams.set("lang", lang);
    about.replaceChildren(
      h("label", { for: "kc-ho" }, p.title, " ", h("span", { class: "tag" }, "(", t.optional, ")")),
      h(
        "p",
        { class: "ptext", id: "kc-ho-text" },
        p.text,
        " ",
        h("a", { href: privacy.href, target: "_blank", rel: "noopener noreferrer" }, t.privacy, hiddenText(t.newTab)),
      ),
      (p.details || []).length > 0 && h("ul", { class: "pdetails" }, p.details.map((d) => h("li", {}, d))),
    );
  }

  // -- waiting for a person --------------------------------------------------------------
  const waitText = h("div");
  const waiting = h(
    "div",
    { class: "notice", "data-kc": "handoff-waiting" },
    waitText,
    h(
      "button",
      {
        type: "button",
        class: "choice",
        "data-kc": "handoff-cancel",
        onclick: () => send({ type: "handoff", action: "cancel" }),
      },
      x.stop,
    ),
  );
  // Below the log, so that the prompt and the waiting notice stay at the end.
  const panel = h("div", { "data-kc": "handoff", hidden: true }, prompt, waiting);
  log.after(panel);

  /** Email, phone, contact form and hours from a frame's `contact`; false when none is given. */
  function contact(c) {
    const url = c && c.url && safeUrl(c.url);
    const items = c
      ? [
          c.email && ["email", x.email, h("a", { href: "mailto:" + c.email }, c.email)],
          // tel: with digits and "+" only: "+49 30 1234 567" -> "+49301234567"
          c.phone && ["phone", x.phone, h("a", { href: "tel:" + c.phone.replace(/[^\d+]/g, "") }, c.phone)],
          // Only an absolute http(s) URL becomes the contact-form link (safeUrl).
          url && [
            "url",
            h("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, x.form, hiddenText(t.newTab)),
          ],
          c.hours && ["hours", x.hours, c.hours],
        ].filter(Boolean)
      : [];
    return (
      items.length > 0 &&
      h(
        "div",
        {},
        h("p", {}, x.reach),
        h(
          "ul",
          { class: "contact", "data-kc": "handoff-contact" },
          items.map(([kind, ...rest]) => h("li", { "data-kc": "contact-" + kind }, rest)),
        ),
      )
    );
  }

  // -- AI or person: banner, title, and a line in the log ----------------------------------
  function responder(who) {
    disclosure.dataset.responder = who ? "person" : "ai";
    if (who && !aiTitle) aiTitle = [[...title.childNodes], disclosure.textContent];
    if (who) {
      title.replaceChildren(x.title, h("span", { class: "name" }, hiddenText(" \u2013 "), who));
      disclosure.textContent = x.banner.replace("{x}", () => who);
    } else if (aiTitle) {
      title.replaceChildren(...aiTitle[0]);
      disclosure.textContent = aiTitle[1];
      aiTitle = null;
    }
  }

  /** A line in the log that says what changed; `data-state` is the new state. */
  function event(...content) {
    const node = h(
      "div",
      { class: "event", "data-kc": "handoff-event", "data-state": state, tabindex: "-1" },
      content,
    );
    update(() => log.append(node), true);
    return node;
  }

  /** Show what belongs to the state and to the consent (withdrawn: nothing of the handoff). */
  function sync() {
    const allowed = current();
    show(request, offered && allowed && (state === "ai" || state === "unavailable"));
    show(panel, allowed && (state === "consent" || state === "waiting"));
    show(prompt, state === "consent");
    show(waiting, state === "waiting");
    if (state === "closed") input.disabled = sendButton.disabled = true;
  }

  /** The conversation moved to `next`: show it, announce it, and look after focus. */
  function change(next, who, nobody, reason, channels) {
    const active = root.activeElement;
    const was = state;
    let said = null; // what the live region reads (an event in the log, or the waiting notice)
    state = next;
    if (next === "consent") {
      box.checked = false;
      invalid(false);
      show(sensitive, reason === "sensitive");
    } else if (next === "waiting") {
      said = waitText;
      const lines = [
        reason === "sensitive" && h("p", {}, x.sensitive),
        h("p", {}, x.waiting),
        nobody && h("p", {}, x.nobody),
        channels,
      ];
      waitText.replaceChildren(...lines.filter(Boolean));
    } else if (next === "unavailable") {
      said = event(h("p", {}, x.reasons[reason] || x.reasons.nobody_online, " ", x.goOn), channels);
    } else {
      // human, ai, closed: who answers now
      responder(next === "human" && who);
      if (next === "human") said = event(x.human.replace("{x}", () => who));
      else if (next === "closed") said = event(x.closed);
      else if (was === "human" || was === "waiting") said = event(x.ai);
    }
    sync();
    // The prompt and the waiting notice sit below the log: bring them into view.
    if (!panel.hidden) panel.scrollIntoView({ block: "nearest" });
    if (said) announce(said.innerText);
    // The prompt asks for a decision, so it gets focus; a control that has just been hidden
    // or locked hands focus on to the composer (or, when that is locked, to the line saying why).
    const visible = (el) => el.getClientRects().length > 0;
    const lost = active && (active.disabled || !visible(active));
    const target = next === "consent" ? box : lost && (input.disabled ? said : input);
    if (target && visible(target)) target.focus();
  }

  /** A message written by a person: like an answer, labelled with their name, no AI label. */
  function person(id, name, text) {
    const body = h("div", { class: "text", "data-kc": "person-text" }, render(text));
    update(() =>
      log.append(
        h(
          "div",
          { class: "msg person", "data-kc": "message-person", "data-id": id },
          h("span", { class: "person-label", "data-kc": "person-label" }, name, hiddenText(":")),
          body,
        ),
      ),
    );
    announce(x.said.replace("{n}", () => name).replace("{x}", () => body.textContent));
  }

  /** Every frame passes through here; this module acts on the ones about the handoff. */
  function onFrame(f) {
    switch (f.type) {
      case "welcome":
        // A new or resumed session: the AI answers unless a `handoff` frame follows at once.
        purpose = (f.purposes || []).find((p) => p.ask === "handoff") || null;
        offered = !!f.handoff && !!purpose;
        policy = f.policy_version;
        if (purpose) describe(purpose, f.privacy_url);
        state = "ai";
        aiTitle = null;
        disclosure.dataset.responder = "ai";
        break;
      case "handoff":
        change(
          f.state,
          f.team ? x.of.replace("{n}", () => f.operator).replace("{t}", () => f.team) : f.operator,
          f.available === false,
          f.reason,
          contact(f.contact),
        );
        break;
      case "person_message":
        person(f.id, String(f.author.name), String(f.text));
        break;
    }
    sync(); // also after a frame about consent: the button and the panel need it
  }

  return {
    frame: onFrame,
    /** Where focus goes when the dialog opens while the prompt waits for a decision. */
    focusTarget: () => (state === "consent" && current() ? box : null),
  };
}

window.KlarchatUI.handoff = createHandoff;
