"""Word lists that tell a name from an ordinary word or a place.

German capitalises every noun, so "Bäcker" and "Becker" look alike; what
separates them is whether the word is an ordinary noun (Wiktionary's German
nouns, via the ``german-nouns`` package), a surname (Faker's per-locale
lists), a first name (:mod:`klarchat.privacy.lexicon`) or a town (GeoNames,
shipped as ``data/towns.txt``). The lists are features for the German name
model and evidence for the town recognizer; each is read once per process,
from installed files only.
"""

from __future__ import annotations

import csv
import importlib
import re
from functools import cache
from importlib import resources

# Locales whose surnames visitors of German and English sites carry.
_SURNAME_LOCALES = (
    "de_DE", "de_AT", "de_CH", "en_US", "en_GB", "en_IE", "tr_TR", "pl_PL", "it_IT",
    "hr_HR", "cs_CZ", "sk_SK", "sl_SI", "ro_RO", "hu_HU", "vi_VN", "ru_RU", "uk_UA",
    "fr_FR", "es_ES", "nl_NL", "pt_PT", "el_GR", "fa_IR", "ar_AA", "en_IN", "en_PK",
    "bg_BG", "lt_LT", "lv_LV", "sv_SE", "da_DK", "no_NO", "fi_FI", "zh_CN", "ko_KR",
)  # fmt: skip
_SUFFIX = re.compile(r" (?:am|an der|im|in der|ob der|vor der|bei) | \(")
# The noun forms people write most: the dictionary form, its plural and genitive.
_NOUN_FORMS = (
    "lemma",
    "nominativ singular",
    "nominativ plural",
    "genitiv singular",
    "dativ plural",
)
# Wiktionary tags proper nouns among its nouns; they are not ordinary words.
_PROPER = ("Toponym", "Vorname", "Nachname", "Eigenname")


@cache
def towns() -> frozenset[str]:
    """Towns of Germany, Austria and Switzerland (≥ 500 inhabitants) and large towns elsewhere."""
    text = resources.files("klarchat.privacy").joinpath("data/towns.txt").read_text("utf-8")
    names = {line for line in text.splitlines() if line and not line.startswith("#")}
    # People drop the official suffix: "Bad Homburg" for "Bad Homburg vor der Höhe".
    names.update(_SUFFIX.split(name, maxsplit=1)[0] for name in list(names))
    return frozenset(name for name in names if len(name) > 2)


@cache
def surnames() -> frozenset[str]:
    """Surnames from Faker's person providers, longer than two letters: the model's feature list.

    It is narrower than :func:`klarchat.privacy.lexicon.surnames` (fewer locales, no
    two-letter names) on purpose: the German model was trained on this list, and with the
    wider one its validation recall fell (0.79 to 0.77) and stray person placeholders rose.
    """
    names: set[str] = set()
    for locale in _SURNAME_LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except ModuleNotFoundError:
            continue
        for attribute in ("last_names", "last_names_male", "last_names_female"):
            names.update(getattr(provider, attribute, ()) or ())
    return frozenset(n for n in names if len(n) > 2 and n[0].isupper() and " " not in n)


@cache
def common_nouns() -> frozenset[str]:
    """German common nouns in the forms people write most, with Wiktionary's proper nouns left out."""
    nouns: set[str] = set()
    # german-nouns is a namespace package: its CSV is found through importlib.resources.
    csv_file = resources.files("german_nouns").joinpath("nouns.csv")
    with csv_file.open(encoding="utf-8", newline="") as file:
        rows = csv.reader(file)
        header = next(rows)
        columns = [header.index(name) for name in _NOUN_FORMS]
        for row in rows:
            if any(tag in row[1] for tag in _PROPER):
                continue
            nouns.update(row[i] for i in columns if row[i])
    return frozenset(nouns)
