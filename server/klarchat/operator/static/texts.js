// The console's words, rendered by the server into a JSON data block in its language.

const block = document.getElementById("console-texts");
export const T = block ? JSON.parse(block.textContent) : {};

/** `format("{n} s", {n: 3})` → "3 s". */
export function format(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
}

export function duration(seconds) {
  const whole = Math.max(0, Math.floor(seconds));
  if (whole < 60) return format(T.seconds, { n: whole });
  return format(T.minutes, { m: Math.floor(whole / 60), s: whole % 60 });
}

/** An API error in the console's language; the server's own message as a fallback. */
export function errorText(error) {
  const least = error.code === "reason_required" && /\d+/.exec(error.message ?? "");
  if (least) return format(T.reveal_too_short, { n: least[0] });
  const known = T.errors[error.code];
  if (known) return known;
  return error.message || format(T.errors.other, { code: error.code });
}
