// A small, safe subset of Markdown, rendered into DOM nodes (never into HTML strings):
// paragraphs (blank line), line breaks, `-`/`*` and `1.` lists, **bold**, `#` headings
// (as bold paragraphs, to keep the page outline), [text](url) and bare URLs.
// Only https:, http: and mailto: become links; anything else stays plain text.
// The whole text is rendered again on every delta, so half-received syntax simply shows
// as text until the rest arrives.

import { h } from "./dom.js";

const LINK_PROTOCOLS = ["https:", "http:", "mailto:"];

/** The normalised URL if it is absolute and of an allowed protocol, else null. */
export function safeUrl(raw) {
  try {
    const url = new URL(raw);
    return LINK_PROTOCOLS.includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

const link = (href, text) =>
  h("a", { href, target: "_blank", rel: "noopener noreferrer nofollow" }, text);

// [text](url, one level of parentheses allowed) | **bold** | bare http(s) URL (not ending in punctuation or a bracket)
const INLINE =
  /\[([^\]\n]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)|\*\*(?=\S)([^*\n]*?\S)\*\*|\b(https?:\/\/[^\s<>"'()[\]]*[^\s<>"'()[\].,;:!?])/g;

function inline(text) {
  const out = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    if (m[1] !== undefined) {
      const href = safeUrl(m[2]);
      out.push(href ? link(href, m[1]) : m[1]);
    } else if (m[3] !== undefined) {
      out.push(h("strong", {}, inline(m[3])));
    } else {
      const href = safeUrl(m[4]);
      out.push(href ? link(href, m[4]) : m[4]);
    }
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

const ITEM = /^\s*(?:([-*+•])|(\d{1,9})[.)])\s+(.*)$/;
const HEADING = /^\s{0,3}#{1,6}\s+(.*)$/;

/** The nodes for `text`: <p>, <ul>, <ol> blocks with inline content. */
export function render(text) {
  const blocks = [];
  for (const chunk of text.replace(/\r\n?/g, "\n").split(/\n[ \t]*\n/)) {
    let para = null;
    let list = null;
    let item = null;
    for (const line of chunk.split("\n")) {
      if (!line.trim()) continue;
      const m = ITEM.exec(line);
      const heading = HEADING.exec(line);
      if (m) {
        const tag = m[1] ? "ul" : "ol";
        if (!list || list.localName !== tag) {
          const start = tag === "ol" && m[2] !== "1" ? String(Number(m[2])) : null;
          list = h(tag, { start });
          blocks.push(list);
        }
        item = h("li", {}, inline(m[3]));
        list.append(item);
        para = null;
      } else if (heading) {
        blocks.push(h("p", {}, h("strong", {}, inline(heading[1]))));
        para = list = item = null;
      } else if (item && /^\s/.test(line)) {
        // An indented line continues the list item above it.
        item.append(h("br"), ...inline(line.trim()));
      } else {
        list = item = null;
        if (para) para.append(h("br"));
        else blocks.push((para = h("p")));
        para.append(...inline(line.trim()));
      }
    }
  }
  return blocks;
}
