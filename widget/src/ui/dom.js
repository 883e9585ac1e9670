// The one way the UI makes elements: attributes via setAttribute, text as text nodes.
// No HTML parsing anywhere, so nothing a server or a visitor sends can become markup.

/**
 * h("button", { type: "button", "data-kc": "send", onclick: fn }, "Senden")
 * `on…` keys add listeners; null, undefined and false attributes and children are skipped;
 * `true` sets an empty attribute.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const key in attrs) {
    const value = attrs[key];
    if (value == null || value === false) continue;
    if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? "" : value);
  }
  el.append(...children.flat(Infinity).filter((c) => c != null && c !== false));
  return el;
}

/** Text that screen readers read but that takes no space on screen. */
export const hiddenText = (text) => h("span", { class: "vh" }, text);

export const show = (el, visible) => {
  el.hidden = !visible;
};
