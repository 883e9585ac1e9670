// The chat UI, loaded by the loader on the first click on the launcher:
// `window.KlarchatUI.mount({ host, shadowRoot, launcher, base, lang, position, site })`
// builds the dialog inside the loader's shadow root, opens it and connects.
// This file wires the parts together and holds the conversation's state.

import { connect } from "./connection.js";
import { createConsent } from "./consent.js";
import { h, hiddenText, show } from "./dom.js";
import { createGreeting } from "./greeting.js";
import { createHandoff } from "./handoff.js";
import de from "./i18n/de.js";
import en from "./i18n/en.js";
import { createMessages } from "./messages.js";
import { createRights } from "./rights.js";
import css from "./styles.css";

function mount({ shadowRoot: root, launcher, base, lang }) {
  // Fixed when the bundle is built (one per language), so the other language's words are
  // left out of it; `lang` from the loader is the same.
  const t = __KLARCHAT_LANG__ === "en" ? en : de;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];

  let conn = null;
  let welcome = null;
  let current = false; // consent to ai_chat is given for the current policy
  let consentState = {}; // the latest `{purpose: {state, current}}` from the server
  let online = false;
  let dropped = false; // the socket closed after it had been open
  let pending = null; // { id, text, typed }: sent, not yet accepted by the server
  let answering = null; // id of the answer being streamed
  let withdrawnAt = null;
  let seq = 0;

  // -- elements -------------------------------------------------------------------------
  const status = h("div", { class: "vh", "data-kc": "status", role: "status", "aria-live": "polite" });
  const announce = (text) => status.replaceChildren(h("p", {}, text));

  const title = h("h2", { id: "kc-title", "data-kc": "title" }, t.title);
  const withdrawButton = h(
    "button",
    {
      type: "button",
      class: "hb",
      "data-kc": "withdraw",
      hidden: true,
      onclick: () => send({ type: "withdraw", purposes: "all" }),
    },
    t.withdraw,
  );
  const closeButton = h(
    "button",
    {
      type: "button",
      class: "close",
      "data-kc": "close",
      "aria-label": t.closeDialog,
      onclick: () => setOpen(false),
    },
    h("span", { "aria-hidden": "true" }, "\u00d7"),
  );
  const disclosure = h("p", { class: "disclosure", "data-kc": "disclosure", "data-responder": "ai", role: "note" }, t.disclosure);
  const connection = h("p", { class: "connection", "data-kc": "connection", hidden: true });

  const rights = createRights(t, send, announce);
  const log = h("div", { class: "log", "data-kc": "log", role: "log", "aria-live": "off", "aria-label": t.log });
  const messages = createMessages(t, log);
  const greeting = createGreeting(log, messages, (text) => {
    input.value = text;
    submit();
  });
  const consent = createConsent(t, base, lang, (choices) =>
    send({ type: "consent", policy_version: welcome.policy_version, choices }),
  );
  const scroller = h(
    "div",
    { class: "body", role: "region", "aria-label": t.area, tabindex: "0" },
    log,
    consent.withdrawn,
    consent.declined,
    consent.form,
  );

  const error = h("div", { class: "error", "data-kc": "error", role: "alert" });
  const showError = (text) => error.replaceChildren(h("p", {}, text));
  const clearError = () => error.replaceChildren();

  const input = h("textarea", {
    id: "kc-input",
    "data-kc": "input",
    rows: "2",
    disabled: true,
    placeholder: t.inputLocked,
    onkeydown: (event) => {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        submit();
      }
    },
  });
  const sendButton = h("button", { type: "submit", class: "send", "data-kc": "send", disabled: true }, t.send);
  const handoff = createHandoff(t, base, lang, {
    root,
    send,
    announce,
    update: (change, always) => update(change, always),
    current: () => current,
  });
  const composer = h(
    "form",
    { class: "composer", onsubmit: (event) => (event.preventDefault(), submit()) },
    h("label", { for: "kc-input", class: "vh" }, t.input),
    input,
    sendButton,
  );

  const dialog = h(
    "div",
    {
      class: "panel",
      id: "kc-dialog",
      "data-kc": "dialog",
      role: "dialog",
      "aria-labelledby": "kc-title",
      tabindex: "-1",
      hidden: true,
    },
    h(
      "div",
      { class: "head" },
      h("div", { class: "bar" }, title, withdrawButton, rights.toggle, closeButton),
      disclosure,
    ),
    rights.panel,
    connection,
    scroller,
    error,
    composer,
    handoff.request,
  );
  root.append(dialog, status);
  launcher.setAttribute("aria-controls", "kc-dialog");

  // -- keeping the newest content in view -----------------------------------------------
  // New content scrolls into view unless the visitor has scrolled up to read.
  const update = (change, always) => {
    const atEnd = always || scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 48;
    change();
    if (atEnd) scroller.scrollTop = scroller.scrollHeight;
  };

  // -- open and close -------------------------------------------------------------------
  let open = false;
  const focusInside = () =>
    (consent.focusTarget() || handoff.focusTarget() || (input.disabled ? dialog : input)).focus();

  function setOpen(next) {
    open = next;
    show(dialog, open);
    launcher.setAttribute("aria-expanded", String(open));
    launcher.textContent = open ? t.close : t.open;
    if (open) {
      if (!conn) conn = connect(base, lang, { frame: onFrame, state: onState });
      if (current) scroller.scrollTop = scroller.scrollHeight;
      focusInside();
    } else {
      launcher.focus();
    }
  }

  launcher.onclick = () => setOpen(!open);
  root.addEventListener("keydown", (event) => {
    if (open && event.key === "Escape" && !event.isComposing) {
      event.preventDefault();
      setOpen(false);
    }
  });

  // -- sending --------------------------------------------------------------------------
  function send(frame) {
    const sent = !!conn && online && conn.send(frame);
    if (!sent) showError(t.errors.offline);
    return sent;
  }

  function submit() {
    const typed = input.value;
    const text = typed.trim();
    if (!current || !text || pending) return;
    const id = "m" + ++seq + "-" + Date.now().toString(36);
    if (send({ type: "message", id, text })) pending = { id, text, typed };
  }

  // -- consent state --------------------------------------------------------------------
  function applyConsent(state, recorded) {
    consentState = state || {};
    const ai = consentState.ai_chat || { state: "none", current: false };
    const was = current;
    let focus = null;
    current = !!ai.current;
    input.disabled = sendButton.disabled = !current;
    input.placeholder = current ? t.input : t.inputLocked;
    show(withdrawButton, current);
    if (current) {
      consent.setMode("none");
      greeting.greet(welcome);
      if (recorded && !was) {
        announce(t.consentGiven);
        focus = input;
      }
    } else if (ai.state === "withdrawn") {
      const event = recorded && recorded.events.find((e) => e.purpose === "ai_chat");
      if (event) withdrawnAt = event.at || recorded.at;
      consent.setMode("withdrawn", withdrawnAt);
      if (recorded) focus = consent.withdrawn;
    } else if (ai.state === "declined") {
      consent.setMode("declined");
      if (recorded) focus = consent.declined;
    } else if (ai.state === "given" || ai.state === "expired") {
      // Renewal: consent that was given no longer counts (changed terms, or it expired).
      consent.setMode(
        "form",
        null,
        ai.state === "given" ? "changed" : "expired",
        Object.keys(consentState).filter(
          (p) => !consentState[p].current && /^(given|expired)$/.test(consentState[p].state),
        ),
      );
    } else {
      consent.setMode("form");
    }
    // Focus on a control that has just been disabled or hidden moves to the consent step.
    const active = root.activeElement;
    if (!focus && active && dialog.contains(active) && (active.disabled || !active.getClientRects().length)) {
      focus = consent.focusTarget() || dialog;
    }
    if (open && focus) focus.focus();
  }

  // -- frames from the server -----------------------------------------------------------
  function onFrame(f) {
    switch (f.type) {
      case "welcome": {
        const version = welcome && welcome.policy_version;
        // The first welcome of this page resumed a session (with the token kept in this tab
        // while the visitor allowed keeping the conversation): the visitor is told so, and
        // the messages the server still holds are drawn again.
        if (!welcome && f.resumed === true) {
          update(() => {
            log.append(h("p", { class: "note", "data-kc": "resumed" }, t.resumed));
            greeting.redraw(f.history);
          }, true);
          announce(t.resumed);
        } else if (welcome && f.resumed === true && f.history && f.history.length) {
          // A reconnect (perhaps to another server): the messages missed meanwhile.
          update(() => greeting.redraw(f.history), true);
        }
        welcome = f;
        title.replaceChildren(
          t.title,
          f.assistant ? h("span", { class: "name" }, hiddenText(" \u2013 "), f.assistant) : "",
        );
        disclosure.textContent = f.disclosure || t.disclosure;
        if (f.limits && f.limits.max_message_chars) input.maxLength = f.limits.max_message_chars;
        consent.setup(f, version);
        show(rights.toggle, true);
        applyConsent(f.consent);
        if (open && root.activeElement === dialog) focusInside();
        break;
      }
      case "consent_recorded":
        clearError();
        rights.receipt(f.receipt);
        applyConsent(f.consent, f);
        break;
      case "consent_required":
        if (pending && pending.id === f.id) pending = null;
        showError(t.errors.consent_required);
        if (welcome && f.policy_version !== welcome.policy_version) conn.restart();
        // Consent this widget took as current no longer counts (it expired on the server):
        // the step comes back, unticked, and the message stays in the textarea.
        else applyConsent(current ? { ...consentState, ai_chat: { state: "expired" } } : consentState);
        consent.focusTarget()?.focus();
        break;
      case "redacted":
        if (!pending || pending.id !== f.id) break;
        greeting.dismiss();
        update(() => messages.user(pending.text, f.entities, f.categories), true);
        if (input.value === pending.typed) input.value = "";
        answering = f.id;
        pending = null;
        clearError();
        break;
      case "delta":
        update(() => messages.delta(f.id, String(f.text)));
        break;
      case "done": {
        let text = "";
        update(() => (text = messages.finish(f.id, f.outcome)));
        if (f.outcome !== "cancelled" && text) announce(t.answered.replace("{x}", () => text));
        if (answering === f.id) answering = null;
        break;
      }
      case "export":
        rights.exported(f.data);
        break;
      case "erased":
        if (answering) messages.finish(answering, "cancelled");
        answering = null;
        messages.clear();
        clearError();
        rights.erased(f, open);
        break;
      case "error":
        if (f.code === "special_category" && pending && pending.id === f.id) {
          blocked(String(f.message || ""));
          break;
        }
        if (pending && pending.id === f.id) pending = null;
        if (f.id && answering === f.id) {
          messages.finish(f.id, "interrupted");
          answering = null;
        }
        showError(
          (Object.prototype.hasOwnProperty.call(t.errors, f.code) && t.errors[f.code]) ||
            String(f.message || t.errors.internal_error),
        );
        if (f.code === "stale_policy" || f.code === "unknown_purpose") conn.restart();
        break;
    }
    handoff.frame(f);
  }

  // The server refused the pending message for what it contains (a special category set to
  // "block"): it stays in the log marked as not sent, with the server's reason, and goes back
  // into the textarea to be rephrased, unless the visitor has typed something else since.
  function blocked(reason) {
    update(() => messages.blocked(pending.text, reason), true);
    if (!input.value.trim()) input.value = pending.typed;
    pending = null;
    clearError();
    announce(t.notSent + " " + reason);
    if (open && composer.contains(root.activeElement)) input.focus();
  }

  function onState(name, delay) {
    if (name === "open") {
      if (dropped) {
        announce(t.connected);
        clearError();
      }
      online = true;
      dropped = false;
      show(connection, false);
      return;
    }
    if (name === "refused") {
      online = false;
      connection.textContent = t.refused;
      show(connection, true);
      announce(t.refused);
      return;
    }
    if (name === "connecting") {
      if (!welcome) {
        connection.textContent = t.connecting;
        show(connection, true);
      }
      return;
    }
    // "retry": the socket closed; whatever was in flight is gone, the textarea keeps its text.
    const text = t.reconnecting.replace("{x}", Math.max(1, Math.round(delay / 1000)));
    if (online) announce(text);
    online = false;
    dropped = true;
    pending = null;
    if (answering) {
      messages.finish(answering, "interrupted");
      answering = null;
    }
    connection.textContent = text;
    show(connection, true);
  }

  setOpen(true);
  return { open: () => setOpen(true), close: () => setOpen(false) };
}

window.KlarchatUI = window.KlarchatUI || { mount };
