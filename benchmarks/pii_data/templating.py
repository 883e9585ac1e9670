"""The template engine the blind evaluation sets share: alternatives, slots, spans, output.

A template is text with alternatives ``⟨a|b|c⟩`` and slots ``{kind[index][.field]}``. The
generator's context turns a slot into ``(value, label)`` — or a list of such pairs — and a
label makes the value a gold span. Spans are recorded while the text is assembled, never
found by searching it afterwards, and every span is checked against the text.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

ALT = re.compile(r"⟨([^⟨⟩]*)⟩")
SLOT = re.compile(r"\{([a-z]+?)(\d*)(?:\.([A-Za-z]+))?\}")
_LEFTOVER = re.compile(r"\{[a-z]+\d*(\.\w+)?\}")
FILLS = 3
TRIES = 40

Value = tuple[str, str | None]


class Context(Protocol):
    def get(self, kind: str, idx: str, field: str | None) -> Value | list[Value]: ...


def expand(template: str, rng: random.Random) -> str:
    """Choose one alternative of every ``⟨…|…⟩``, innermost first."""
    while True:
        m = ALT.search(template)
        if not m:
            return template
        template = template[: m.start()] + rng.choice(m.group(1).split("|")) + template[m.end():]


def fill(template: str, context: Context, rng: random.Random) -> tuple[str, list[dict]]:
    """The text of one message and its gold spans."""
    s = expand(template, rng)
    parts: list[str] = []
    spans: list[tuple[int, int, str, str]] = []
    n = 0
    pos = 0
    for m in SLOT.finditer(s):
        lit = s[pos: m.start()]
        parts.append(lit)
        n += len(lit)
        got = context.get(m.group(1), m.group(2), m.group(3))
        for value, label in got if isinstance(got, list) else [got]:
            if label:
                spans.append((n, n + len(value), label, value))
            parts.append(value)
            n += len(value)
        pos = m.end()
    parts.append(s[pos:])
    text = "".join(parts)
    assert not _LEFTOVER.search(text) and "⟨" not in text and "⟩" not in text, text
    out = []
    for start, end, label, value in spans:
        assert text[start:end] == value, (text, value)
        out.append({"start": start, "end": end, "label": label})
    return text, out


def write_set(
    *,
    positive: Sequence[tuple],
    negative: Sequence[tuple],
    make: Callable[[str, dict], tuple[str, list[dict]]],
    who_of: Callable[[dict], dict],
    positive_ok: Callable[[list[dict]], bool],
    language: str,
    prefix: str,
    header: str,
    out: Path,
) -> None:
    """Fill every template ``FILLS`` times with distinct texts, number them, write and count.

    Templates are ``(name, text[, options])``; ``options`` may hold ``cats`` (special
    categories) and whatever ``who_of`` picks out for the generator's context. Negatives may
    hold order numbers only. The first record carries a ``_comment`` saying the data is
    synthetic (``Record.from_json`` ignores unknown keys).
    """
    records: list[dict] = []
    seen: set[str] = set()
    per_template: Counter = Counter()
    for group, is_negative in ((positive, False), (negative, True)):
        for entry in group:
            name, template = entry[0], entry[1]
            opts = entry[2] if len(entry) > 2 else {}
            cats = opts.get("cats", [])
            made, tries = 0, 0
            while made < FILLS and tries < TRIES:
                tries += 1
                text, spans = make(template, who_of(opts))
                if text in seen:
                    continue
                seen.add(text)
                if is_negative:
                    assert all(s["label"] == "ORDER_NUMBER" for s in spans), (name, spans)
                else:
                    assert positive_ok(spans), name
                made += 1
                per_template[name] += 1
                records.append({"id": "", "language": language, "text": text, "spans": spans,
                                "categories": cats, "negative": is_negative, "template": name})
    for i, r in enumerate(records, 1):
        r["id"] = f"{prefix}-{i:04d}"
    records[0] = {"_comment": header, **records[0]}
    names = [e[0] for e in (*positive, *negative)]
    assert len(names) == len(set(names))
    with out.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    labels = Counter(s["label"] for r in records for s in r["spans"])
    pos = sum(not r["negative"] for r in records)
    print(header)
    print(f"{out.name}: {len(records)} messages, {pos} positive, {len(records) - pos} negative, "
          f"{len(names)} templates ({len(positive)} positive, {len(negative)} negative)")
    short = [n for n in names if per_template[n] < FILLS]
    if short:
        print(f"templates filled fewer than {FILLS} times:", short)
    for label, n in labels.most_common():
        print(f"  {label:<20}{n:>5}")
