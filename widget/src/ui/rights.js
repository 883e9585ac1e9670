// "Ihre Rechte": a small panel opened from the header. It offers the signed receipt of the
// latest consent decision (kept in memory only, saved without any request), an export of
// everything the server holds about the visitor (GDPR Art. 15, 20) and erasure (Art. 17)
// after a confirmation step that Escape cancels.

import { formatTime } from "./consent.js";
import { h, show } from "./dom.js";

/** Save `data` as a pretty-printed JSON file straight from memory (a Blob, no request). */
export function download(name, data) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
  h("a", { href: url, download: name }).click();
  setTimeout(() => URL.revokeObjectURL(url), 9999);
}

/** `send(frame)` returns whether the frame went out; `announce(text)` uses the live region. */
export function createRights(t, send, announce) {
  let receipt = null;
  let exporting = false;

  const button = (kc, text, onclick, attrs) =>
    h("button", { type: "button", class: "hb", "data-kc": kc, onclick, ...attrs }, text);

  const receiptButton = button(
    "receipt-download",
    t.receipt,
    () => download("klarchat-receipt-" + String(receipt.events[0].event_id).slice(0, 8) + ".json", receipt),
    { "aria-describedby": "kc-receipt-info" },
  );
  const receiptBox = h(
    "div",
    { hidden: true },
    receiptButton,
    h("p", { class: "note", id: "kc-receipt-info", "data-kc": "receipt-info" }, t.receiptInfo),
  );
  const exportButton = button("export", t.exportData, () => (exporting = send({ type: "export" })));
  const eraseButton = button("erase", t.erase, () => confirming(true));
  const actions = h("div", { class: "acts" }, receiptBox, exportButton, eraseButton);

  const cancel = h("button", { type: "button", class: "choice", "data-kc": "erase-cancel", onclick: () => confirming(false) }, t.cancel);
  const confirm = h(
    "div",
    {
      class: "notice",
      role: "alertdialog",
      "aria-labelledby": "kc-erase-q",
      "aria-describedby": "kc-erase-d",
      "data-kc": "erase-confirm",
      hidden: true,
      onkeydown: (event) => {
        if (event.key === "Escape" && !event.isComposing) {
          event.preventDefault();
          event.stopPropagation(); // cancels this step only; the chat stays open
          confirming(false);
        }
      },
    },
    h("p", { id: "kc-erase-q" }, h("strong", {}, t.eraseQuestion)),
    h("p", { id: "kc-erase-d" }, t.eraseDetails),
    h(
      "div",
      { class: "choices" },
      h(
        "button",
        {
          type: "button",
          class: "choice danger",
          "data-kc": "erase-yes",
          onclick: () => send({ type: "erase" }) && confirming(false),
        },
        t.eraseYes,
      ),
      cancel,
    ),
  );
  const erased = h("p", { class: "notice", "data-kc": "erased", tabindex: "-1", hidden: true });

  const panel = h(
    "section",
    { class: "rights", id: "kc-rights", "data-kc": "rights", "aria-labelledby": "kc-rights-h", hidden: true },
    h("h3", { id: "kc-rights-h" }, t.rights),
    actions,
    confirm,
    erased,
  );
  const toggle = button("rights-toggle", t.rights, () => setOpen(panel.hidden), {
    "aria-expanded": "false",
    "aria-controls": "kc-rights",
    hidden: true,
  });

  function confirming(on) {
    if (on) show(erased, false);
    show(confirm, on);
    show(actions, !on);
    (on ? cancel : eraseButton).focus();
  }

  function setOpen(on) {
    show(panel, on);
    toggle.setAttribute("aria-expanded", String(on));
    if (on) (receipt ? receiptButton : exportButton).focus();
    else confirming(false), toggle.focus();
  }

  return {
    toggle,
    panel,
    /** Keep the latest receipt that records something. */
    receipt(r) {
      if (r && r.events && r.events.length) {
        receipt = r;
        show(receiptBox, true);
      }
    },
    /** The `export` frame: saved only when the visitor asked for it. */
    exported(data) {
      if (!exporting) return;
      exporting = false;
      download("klarchat-data-" + String((data && data.exported_at) || "").slice(0, 10) + ".json", data);
      announce(t.exported);
    },
    /** The `erased` frame: "Gelöscht am … (3 Nachrichten)", announced and focused. */
    erased(f, focus) {
      const n = Number(f.deleted && f.deleted.messages) || 0;
      const [before, after] = t.erased.split("{x}");
      erased.replaceChildren(
        before,
        h("time", { datetime: f.at }, formatTime(f.at, t.locale)),
        after.replace("{n}", n + " " + t.messageCount[n === 1 ? 0 : 1]),
      );
      show(erased, true);
      announce(erased.textContent);
      if (focus && !panel.hidden) erased.focus();
    },
  };
}
