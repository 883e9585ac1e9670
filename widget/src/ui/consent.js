// The consent step: one unticked checkbox per purpose with its text and a link to the
// privacy notice, Accept and Decline styled alike, and the notices after declining
// (with a way back) and after withdrawing (with the server's confirmation time).

import { h, hiddenText, show } from "./dom.js";

const AI_CHAT = "ai_chat";

/** `decide(choices)` sends a consent frame. */
export function createConsent(t, base, lang, decide) {
  let purposes = [];
  let boxes = {};

  const list = h("fieldset", { class: "purposes", "aria-labelledby": "kc-consent-h" });
  const hint = h("p", { class: "hint", id: "kc-hint", "data-kc": "consent-hint", hidden: true });
  const required = (p) => p.required || p.id === AI_CHAT;

  const accept = (event) => {
    event.preventDefault();
    const missing = purposes.filter((p) => required(p) && !boxes[p.id].checked);
    if (missing.length) {
      hint.textContent = t.hint.replace("{x}", () => missing.map((p) => p.title).join(", "));
      show(hint, true);
      const box = boxes[missing[0].id];
      box.setAttribute("aria-invalid", "true");
      box.setAttribute("aria-describedby", "kc-hint " + box.dataset.text);
      box.focus();
      hint.scrollIntoView({ block: "nearest" });
      return;
    }
    clearHint();
    decide(Object.fromEntries(purposes.map((p) => [p.id, boxes[p.id].checked])));
  };

  const clearHint = () => {
    show(hint, false);
    for (const box of Object.values(boxes)) {
      box.removeAttribute("aria-invalid");
      box.setAttribute("aria-describedby", box.dataset.text);
    }
  };

  // The heading says why the step is back: changed terms or expired consent (renewal).
  const heading = h("h3", { id: "kc-consent-h", "data-kc": "consent-heading" }, t.consentHeading);
  const affected = h("p", { "data-kc": "consent-affected", hidden: true });

  const form = h(
    "form",
    {
      class: "consent",
      "data-kc": "consent",
      "aria-labelledby": "kc-consent-h",
      novalidate: true,
      hidden: true, // until `welcome` has brought the purposes
      onsubmit: accept,
    },
    heading,
    affected,
    h("p", {}, t.consentIntro),
    hint,
    list,
    h(
      "div",
      { class: "choices" },
      h("button", { type: "submit", class: "choice", "data-kc": "accept" }, t.accept),
      h(
        "button",
        {
          type: "button",
          class: "choice",
          "data-kc": "decline",
          onclick: () => {
            clearHint();
            decide(Object.fromEntries(purposes.map((p) => [p.id, false])));
          },
        },
        t.decline,
      ),
    ),
  );

  const reconsider = h("button", { type: "button", class: "choice", "data-kc": "reconsider" }, t.reconsider);
  const declined = h(
    "div",
    { class: "notice", "data-kc": "declined", tabindex: "-1", hidden: true },
    h("p", {}, t.declined),
    reconsider,
  );
  const withdrawn = h("div", { class: "notice", "data-kc": "withdrawn", tabindex: "-1", hidden: true });

  const firstBox = () => {
    const all = purposes.map((p) => boxes[p.id]);
    return all.find((box) => !box.checked) || all[0];
  };

  /**
   * "form" | "declined" | "withdrawn" (notice and form) | "none" (chatting).
   * `renew` ("changed" | "expired", with the ids of the purposes affected) only for "form".
   */
  let mode = "none";
  const setMode = (next, withdrawnAt, renew, ids) => {
    if (next !== mode && (next === "form" || next === "withdrawn")) {
      for (const box of Object.values(boxes)) box.checked = false;
      clearHint();
    }
    mode = next;
    show(form, next === "form" || next === "withdrawn");
    show(declined, next === "declined");
    show(withdrawn, next === "withdrawn");
    heading.textContent = renew ? t[renew] : t.consentHeading;
    affected.textContent = renew ? t.affected.replace("{x}", () =>
          purposes.filter((p) => ids.includes(p.id)).map((p) => p.title).join(", "),
        ) : "";
    show(affected, renew);
    if (next === "withdrawn") {
      const [before, after] = t.withdrawn.split("{x}");
      withdrawn.replaceChildren(
        h(
          "p",
          {},
          withdrawnAt
            ? [before, h("time", { datetime: withdrawnAt }, formatTime(withdrawnAt, t.locale)), after]
            : t.withdrawnNoTime,
        ),
      );
    }
  };

  reconsider.addEventListener("click", () => {
    setMode("form");
    firstBox()?.focus();
  });

  return {
    form,
    declined,
    withdrawn,
    setMode,
    /** Where focus goes when the dialog opens: the step's first unticked box, or the way back. */
    focusTarget: () => (mode === "declined" ? reconsider : !form.hidden ? firstBox() : null),

    /** Build the checkboxes from `welcome` (again only when the policy changed). */
    setup(welcome, version) {
      if (version === welcome.policy_version) return;
      // Only the purposes asked before the chat; `human_support` waits for the handoff.
      purposes = (welcome.purposes || []).filter((p) => p.ask === "start");
      boxes = {};
      const privacy = new URL(welcome.privacy_url || "/privacy", base);
      if (privacy.origin === new URL(base).origin) privacy.searchParams.set("lang", lang);
      list.replaceChildren(
        ...purposes.map((p) => {
          const id = "kc-p-" + p.id;
          const box = h("input", {
            type: "checkbox",
            id,
            name: p.id,
            "data-kc": "purpose-" + p.id,
            "data-text": id + "-text",
            "aria-describedby": id + "-text",
            onchange: () => box.checked && clearHint(),
          });
          boxes[p.id] = box;
          return h(
            "div",
            { class: "purpose" },
            box,
            h(
              "div",
              {},
              h(
                "label",
                { for: id },
                p.title,
                " ",
                h("span", { class: "tag" }, "(", required(p) ? t.required : t.optional, ")"),
              ),
              h(
                "p",
                { class: "ptext", id: id + "-text" },
                p.text,
                " ",
                h(
                  "a",
                  { href: privacy.href, target: "_blank", rel: "noopener noreferrer", "data-kc": "privacy-link" },
                  t.privacy,
                  hiddenText(t.newTab),
                ),
              ),
              // Legal basis, recipients, transfer, retention: part of what consent is given
              // to, and of the text hash the ledger records, so they are one click away; folded
              // so that Accept and Decline stay in sight on every screen.
              (p.details || []).length > 0 &&
                h(
                  "details",
                  { class: "more", "data-kc": "purpose-more" },
                  h("summary", {}, t.details),
                  h("ul", { class: "pdetails", "data-kc": "purpose-details" }, p.details.map((d) => h("li", {}, d))),
                ),
            ),
          );
        }),
      );
    },
  };
}

export function formatTime(at, locale) {
  const date = new Date(at);
  return isNaN(date)
    ? String(at)
    : date.toLocaleString(locale, { dateStyle: "medium", timeStyle: "medium" });
}
