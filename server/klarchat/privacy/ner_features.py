"""What the German name model sees of each word: one definition for training and for use.

A model trained on 6,000 sentences cannot learn every name; it can learn what
names look like and where they stand. So each word is described by its shape
and affixes, by the word lists of :mod:`klarchat.privacy.gazetteer` (first
name? surname? town? ordinary noun?), by how common it is in German
(``wordfreq``), and by the same facts about its neighbours ("Frau" before,
"sagte" after). Training (``training/de_ner/train.py``) and the recognizer
(:mod:`klarchat.privacy.ner_de`) both call :func:`sentence_features`, so the
two cannot drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from wordfreq import zipf_frequency

from klarchat.privacy.gazetteer import common_nouns, surnames, towns
from klarchat.privacy.lexicon import is_first_name

Features = dict[str, str | float]

_SHAPE_RUNS = re.compile(r"(.)\1+")
# Neighbour features: how far, and which of the word's own features travel.
_NEAR = ("low", "shape", "first", "surname", "town", "noun", "freq", "proper")
_FAR = ("low", "shape")


def _shape(word: str) -> str:
    """ "Merkel" -> "Xx", "A7" -> "Xd", "06.12." -> "d.d."; runs collapsed."""
    mapped = "".join(
        "X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else c for c in word
    )
    return _SHAPE_RUNS.sub(r"\1", mapped)[:6]


@lru_cache(maxsize=65536)
def word_features(word: str) -> Features:
    """The facts about one word that do not depend on where it stands."""
    lower = word.lower()
    capitalised = word[:1].upper() + word[1:].lower()
    features: Features = {
        "low": lower,
        "shape": _shape(word),
        "suf2": lower[-2:],
        "suf3": lower[-3:],
        "suf4": lower[-4:],
        "pre3": lower[:3],
        "len": str(min(len(word), 12)),
        "freq": str(round(zipf_frequency(lower, "de", wordlist="small"))),
    }
    flags = {
        "title": word[:1].isupper(),
        "first": word.isalpha() and is_first_name(word, alone=False),
        "surname": capitalised in surnames(),
        "town": word in towns(),
        "noun": capitalised in common_nouns(),
    }
    if word[-1:] == "s" and len(word) > 4:
        # The genitive of a name ("Schröders Plan", "Annas Auto").
        stem = capitalised[:-1]
        flags["gen_name"] = stem in surnames() or is_first_name(stem, alone=False)
    flags["proper"] = flags["title"] and not flags["noun"] and word.isalpha()
    features.update({flag: 1.0 for flag, present in flags.items() if present})
    return features


def sentence_features(words: Sequence[str]) -> list[Features]:
    """Features of every word of one sentence, each with its neighbours' facts."""
    own = [word_features(word) for word in words]
    result: list[Features] = []
    for i, features in enumerate(own):
        item = dict(features)
        if i == 0:
            item["bos"] = 1.0
        if i == len(own) - 1:
            item["eos"] = 1.0
        for offset, keys in ((-1, _NEAR), (1, _NEAR), (-2, _FAR), (2, _FAR)):
            j = i + offset
            if 0 <= j < len(own):
                for key in keys:
                    if key in own[j]:
                        item[f"{offset}:{key}"] = own[j][key]
        result.append(item)
    return result
