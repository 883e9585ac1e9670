"""Known first names, taken from the name lists that Faker ships.

Without an NER model, a first-name lexicon is what lets us spot "Thomas Weber"
in the middle of a sentence with no cue around it. Faker's per-locale person
providers are plain Python tuples inside the installed package, so reading them
costs no network and no model download.
"""

from __future__ import annotations

import importlib
from functools import cache

import regex

# Locales whose names people writing to a German or English site are likely to
# carry. Spanish, French and Dutch lists were left out on purpose: they add many
# names that are everyday words in German or English text (Luz, Sol, Floor, Job).
_LOCALES = (
    "de_DE",
    "de_AT",
    "de_CH",
    "en_US",
    "en_GB",
    "en_IE",
    "tr_TR",
    "pl_PL",
    "it_IT",
    "hr_HR",
    "cs_CZ",
    "sk_SK",
    "sl_SI",
    "ro_RO",
    "hu_HU",
    "vi_VN",
    "en_PK",
    "en_IN",
    "az_AZ",
)

# Names that are far more often an ordinary capitalised word, a month, a place
# or a brand. They count only where something else vouches for them: a
# surname after them ("Max Mustermann") or a cue before ("ich bin Max").
_NOT_ALONE = frozenset(
    """
    Alba Angel April August Aurora Austin Autumn Bill Brooklyn Carolina Chase
    Chelsea Christian Crystal Dakota Dale Dawn Destiny Diamond Don Drew Ernst Eve
    Faith Florence Gene Georgia Grace Grant Guy Hunter Iris Jade Jesus Jordan Joy
    June Kent Mark Mason Max Melody Mercedes Milan Nova Orlando Otto Penny Preston
    Raven Roman Rose Santiago Savannah Sierra Silvester Summer Sydney Urban
    Victoria Viola Virginia Wolf
    """.split()  # noqa: SIM905 (a word list reads better as a block)
)

# Entries that are everyday words even before a capitalised word ("Can You",
# "Said Ahmed" is rare next to "He said"), so they never count on their own.
_NEVER = frozenset(
    """
    Alexandria Asia Baba Bali Baptist Basil Beat Bergen Beste Brandy Cal Can Canal
    Chad Che Cord Darin Döner Eden Edel Edit Eimer Else Fügen Gabel German Hagen
    Harm Heide India Jena Jo Kader Lean Line Lore Marine Mentor Meta Mile Nas Nazi
    Neo Peer Pier Romane Said Server Sole Solange Tan Tea Til Till Tory Toy Us Van
    """.split()  # noqa: SIM905 (a word list reads better as a block)
)


# Brands that are a first name and a surname. Shop customers name them all the
# time ("Ist der Hugo Boss Anzug lieferbar?"), and no person is meant.
_BRANDS = (
    "Hugo Boss",
    "Tom Tailor",
    "Marc O'Polo",
    "Marc Cain",
    "Calvin Klein",
    "Tommy Hilfiger",
    "Ralph Lauren",
    "Jack Wolfskin",
    "Paul Hewitt",
    "Karl Lagerfeld",
    "Gerry Weber",
    "Betty Barclay",
    "Bruno Banani",
    "Peter Hahn",
    "Jil Sander",
    "Otto Kern",
    "Daniel Hechter",
    "Pierre Cardin",
    "Michael Kors",
    "Kate Spade",
    "Tory Burch",
    "Ted Baker",
    "Paul Smith",
    "Fred Perry",
    "Ben Sherman",
    "Tom Ford",
    "Giorgio Armani",
    "Emporio Armani",
    "Christian Dior",
    "Jean Paul Gaultier",
    "Carolina Herrera",
    "Estée Lauder",
    "Max Factor",
    "Mary Kay",
    "Steve Madden",
    "Kurt Geiger",
    "John Deere",
    "Jack Daniel's",
    "Johnnie Walker",
    "Jim Beam",
    "Levi's",
    "Levi Strauss",
    "Dolce Gabbana",
    "Victoria's Secret",
    "Ben Jerry's",
    "John Lewis",
    "Harry Potter",
    "Le Creuset",
    "Jo Malone",
    "Bobbi Brown",
    "Charlotte Tilbury",
    "Victoria Beckham",
    "Stella McCartney",
    "Vivienne Westwood",
    "Alexander McQueen",
    "Paul Mitchell",
    "Jimmy Choo",
    "Christian Louboutin",
    "Cath Kidston",
    "Laura Ashley",
    "Joe Browns",
    "Molton Brown",
    "Charles Tyrwhitt",
    "Thomas Sabo",
    "Hotel Chocolat",
    "Ben Sherman",
    "Tom Dixon",
    "Clarks Originals",
)


def brand_at(text: str, start: int) -> bool:
    """Does a brand made of person names start at ``text[start]`` ("Hugo Boss Anzug")?"""
    return any(
        text.startswith(brand, start)
        and not text[start + len(brand) : start + len(brand) + 1].isalpha()
        for brand in _BRANDS
    )


@cache
def _lexicon() -> frozenset[str]:
    """All usable names, built once per process (a few thousand)."""
    names: set[str] = set()
    for locale in _LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in ("first_names", "first_names_male", "first_names_female"):
            names.update(getattr(provider, attribute, ()) or ())
    return frozenset(
        name
        for name in names
        if len(name) > 2
        and name[0].isupper()
        and " " not in name
        and "." not in name
        and name not in _NEVER
    )


# Locales whose surnames (and, for pairs, given names) English messages carry:
# British, American and Irish ones, and the Nigerian, Ghanaian, Kenyan, Indian,
# Pakistani, Chinese, Vietnamese, Indonesian, Hispanic, Portuguese, French,
# Polish, Turkish and other names of people writing in English. Lists in other
# scripts are skipped by the Latin-letter check.
_WIDE_LOCALES = (
    *_LOCALES,
    "ga_IE",
    "en_NG",
    "yo_NG",
    "ig_NG",
    "ha_NG",
    "tw_GH",
    "en_KE",
    "zu_ZA",
    "id_ID",
    "es_ES",
    "es_MX",
    "pt_BR",
    "pt_PT",
    "fr_FR",
    "nl_NL",
    "ru_RU",
    "uk_UA",
    "el_GR",
    "lt_LT",
    "lv_LV",
    "fi_FI",
    "sv_SE",
    "da_DK",
    "no_NO",
    "zh_CN",
    "zh_TW",
)
_LATIN_NAME = regex.compile(r"\p{Lu}[\p{Latin}'’-]+")


def _names_of(attributes: tuple[str, ...]) -> frozenset[str]:
    names: set[str] = set()
    for locale in _WIDE_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in attributes:
            names.update(getattr(provider, attribute, ()) or ())
    return frozenset(
        name
        for name in names
        if len(name) > 1 and _LATIN_NAME.fullmatch(name) and name not in _NEVER
    )


@cache
def _surnames() -> frozenset[str]:
    """Surnames of many origins (some ten thousand), built once per process."""
    return _names_of(("last_names", "last_names_male", "last_names_female", "last_romanized_names"))


@cache
def _given_names() -> frozenset[str]:
    """Given names of many origins, for telling a pair of words is a name."""
    return _lexicon() | _names_of(
        ("first_names", "first_names_male", "first_names_female", "first_romanized_names")
    )


def _title_case(word: str) -> str:
    return word[:1].upper() + word[1:].lower()


def is_surname(word: str) -> bool:
    """Is ``word`` (in any letter case) a surname somewhere in the world?"""
    return word in _surnames() or _title_case(word) in _surnames()


def is_given_name(word: str) -> bool:
    """Is ``word`` (in any letter case) a given name in any of the wide locales?"""
    return word in _given_names() or _title_case(word) in _given_names()


def is_first_name(word: str, *, alone: bool) -> bool:
    """Is ``word`` a known first name, in any letter case?

    ``alone`` asks whether the word may count with nothing else vouching for
    it; names in ``_NOT_ALONE`` then do not.
    """
    for candidate in (word, word[:1].upper() + word[1:].lower()):
        if candidate in _lexicon():
            return not (alone and candidate in _NOT_ALONE)
    return False
