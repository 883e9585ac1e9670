// Building elements from text only: every string goes in as a text node, never as markup,
// so a visitor's message or a revealed value can never become HTML in the console.

/** `el("li", {class: "x", "data-kc": "y"}, "text", child)`; a `hidden` attribute of false is left out. */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

export function kc(name, root = document) {
  return root.querySelector(`[data-kc="${name}"]`);
}
