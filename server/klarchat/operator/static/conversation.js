// One open conversation: its summary, the staff actions its state allows, the redacted
// transcript, the reply box (only for the operator who claimed it) and a reveal form per
// placeholder. Every text from the server is set with textContent.

import { api } from "./api.js";
import { el, kc } from "./dom.js";
import { describeEntities } from "./list.js";
import { T, errorText, format } from "./texts.js";

const path = (id, action = "") => `/conversations/${encodeURIComponent(id)}${action}`;

export class ConversationView {
  constructor(me) {
    this.me = me;
    this.id = null;
    this.summary = null;
    this.loadedMessages = -1;
    this.root = kc("conversation");
    this.heading = document.getElementById("detail-heading");
    this.error = kc("action-error");
    this.transcript = kc("transcript");
    this.sendForm = kc("send-form");
    this.reply = kc("reply");
    this.buttons = { claim: kc("claim"), release: kc("release"), close: kc("close") };
    for (const [action, button] of Object.entries(this.buttons)) {
      button.textContent = T[action];
      button.addEventListener("click", () => this.act(action));
    }
    this.buttons.release.classList.add("secondary");
    this.buttons.close.classList.add("secondary");
    kc("reply-label").textContent = T.reply_label;
    kc("send").textContent = T.send;
    kc("placeholders-heading").textContent = T.placeholders;
    this.sendForm.addEventListener("submit", (event) => {
      event.preventDefault();
      this.send();
    });
  }

  async open(id) {
    this.id = id;
    await this.load();
    this.heading.focus();
  }

  async load() {
    const id = this.id;
    this.error.textContent = "";
    try {
      const data = await api(path(id));
      if (id !== this.id) return;
      this.loadedMessages = data.conversation.messages ?? -1;
      this.show(data);
    } catch (error) {
      this.error.textContent = errorText(error);
      kc("no-selection").hidden = true;
      this.root.hidden = false;
    }
  }

  show(data) {
    kc("no-selection").hidden = true;
    this.root.hidden = false;
    this.transcript.replaceChildren(...data.transcript.map((line) => this.line(line)));
    this.placeholders(data.placeholders ?? []);
    this.applySummary(data.conversation);
  }

  line(line) {
    const role = T.roles[line.role] ?? line.role;
    const who = line.author ? `${role} · ${line.author}` : role;
    return el(
      "li",
      { "data-kc": "line", "data-role": line.role },
      el("span", { class: "author" }, who, line.at ? ` · ${line.at.slice(11, 19)}` : ""),
      el("span", { class: "text", "data-kc": "line-text" }, line.text),
    );
  }

  /** A new summary from the live stream or an action: reload the transcript only when
   * messages were added (each load is recorded as a view). */
  update(summary) {
    if (summary.id !== this.id) return;
    if ((summary.messages ?? -1) !== this.loadedMessages) {
      this.load();
      return;
    }
    this.applySummary(summary);
  }

  gone(id) {
    if (id !== this.id) return;
    this.error.textContent = T.gone;
    this.setButtons({ claim: false, release: false, close: false });
    this.sendForm.hidden = true;
  }

  applySummary(summary) {
    this.summary = summary;
    const mine = summary.state === "human" && summary.operator === this.me.username;
    const state = T.states[summary.state] ?? summary.state;
    const parts = [state, `${T.language} ${summary.lang}`, `${T.entities}: ${describeEntities(summary.entities)}`];
    if (summary.operator_name) parts.push(`${T.claimed_by} ${summary.operator_name}`);
    const line = kc("conversation-summary");
    line.textContent = parts.join(" · ");
    line.dataset.state = summary.state;
    this.setButtons({
      claim: summary.state === "waiting" || summary.state === "ai",
      release: mine,
      close: summary.state !== "closed" && (summary.state !== "human" || mine),
    });
    this.sendForm.hidden = !mine;
  }

  setButtons(visible) {
    for (const [action, show] of Object.entries(visible)) this.buttons[action].hidden = !show;
  }

  async act(action) {
    this.error.textContent = "";
    try {
      const answer = await api(path(this.id, `/${action}`), { method: "POST" });
      const summary = answer?.conversation ?? (answer?.state ? answer : null);
      if (summary) this.applySummary(summary);
      if (action === "claim") this.reply.focus();
    } catch (error) {
      this.error.textContent = errorText(error);
    }
  }

  async send() {
    const text = this.reply.value.trim();
    if (!text) return;
    this.error.textContent = "";
    try {
      await api(path(this.id, "/messages"), { method: "POST", body: { text } });
      this.reply.value = "";
      this.transcript.append(
        this.line({ role: "person", author: this.me.display_name, text, at: "" }),
      );
      this.loadedMessages += 1;
    } catch (error) {
      this.error.textContent = errorText(error);
    }
  }

  placeholders(items) {
    const section = kc("placeholders");
    section.hidden = items.length === 0;
    kc("placeholder-list").replaceChildren(...items.map((item, index) => this.revealItem(item, index)));
  }

  revealItem({ placeholder, entity_type: type }, index) {
    const formId = `reveal-form-${index}`;
    const inputId = `reveal-reason-${index}`;
    const toggle = el(
      "button",
      { type: "button", "data-kc": "reveal", "aria-expanded": "false", "aria-controls": formId },
      T.reveal,
    );
    const input = el("input", { id: inputId, type: "text", autocomplete: "off", "data-kc": "reveal-reason" });
    const problem = el("p", { class: "error", role: "alert", "data-kc": "reveal-error" });
    const result = el("p", { class: "revealed", role: "status", "data-kc": "revealed" });
    const cancel = el("button", { type: "button", class: "secondary", "data-kc": "reveal-cancel" }, T.reveal_cancel);
    const form = el(
      "form",
      { id: formId, class: "reveal-form", "data-kc": "reveal-form", novalidate: true, hidden: true },
      el("label", { for: inputId }, T.reveal_reason),
      input,
      problem,
      el(
        "div",
        { class: "buttons" },
        el("button", { type: "submit", "data-kc": "reveal-submit" }, T.reveal_submit),
        cancel,
      ),
    );
    const setOpen = (open) => {
      form.hidden = !open;
      toggle.setAttribute("aria-expanded", String(open));
      (open ? input : toggle).focus();
    };
    toggle.addEventListener("click", () => setOpen(form.hidden));
    cancel.addEventListener("click", () => setOpen(false));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      problem.textContent = "";
      const reason = input.value.trim();
      if (!reason) {
        problem.textContent = T.errors.reason_required;
        input.setAttribute("aria-invalid", "true");
        input.focus();
        return;
      }
      input.removeAttribute("aria-invalid");
      try {
        const answer = await api(path(this.id, "/reveal"), {
          method: "POST",
          body: { placeholder, reason },
        });
        result.textContent = format(T.revealed, { placeholder, value: answer.value });
        input.value = "";
        setOpen(false);
      } catch (error) {
        problem.textContent = errorText(error);
        input.focus();
      }
    });
    return el(
      "li",
      { "data-kc": "placeholder", "data-placeholder": placeholder },
      el("code", {}, placeholder),
      ` (${type}) `,
      toggle,
      form,
      result,
    );
  }
}
