"""Later mentions of a person already named: "Anna Kowalski … Frau Kowalski … Kowalskis Antwort".

A model that saw "<PERSON_1>" in one message must not see "Kowalski" in the
next, so once a name is found, every further mention of it, and of its
surname alone, is a person too — in the same message and, through the
conversation's vault, in every later one.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

_PARTICLES = frozenset(
    {"von", "van", "der", "den", "dem", "de", "la", "del", "di", "da", "ter", "ten", "zu"}
)
_WORD = regex.compile(r"[\p{L}'’-]+")


def surname_of(name: str) -> str | None:
    """The last capitalised word of a name of two or more words, if it can stand alone."""
    words = [w for w in _WORD.findall(name) if w.lower() not in _PARTICLES]
    if len(words) < 2 or not words[-1][:1].isupper() or len(words[-1]) < 3:
        return None
    return words[-1]


def mentions(text: str, names: Iterable[str]) -> list[tuple[int, int]]:
    """Where each name stands in ``text`` as a whole word, or before a genitive s (left outside)."""
    distinct = sorted({n for n in names if len(n) >= 3 and n[:1].isupper()}, key=len, reverse=True)
    if not distinct:
        return []
    alternatives = "|".join(regex.escape(name) for name in distinct)
    pattern = regex.compile(
        rf"(?<![\p{{L}}\p{{N}}])(?:{alternatives})(?=(?:s|['’]s?)?(?![\p{{L}}\p{{N}}]))"
    )
    return [(m.start(), m.end()) for m in pattern.finditer(text)]
