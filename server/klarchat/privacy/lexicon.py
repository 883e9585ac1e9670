"""Known first names, taken from the name lists that Faker ships.

Without an NER model, a first-name lexicon is what lets us spot "Thomas Weber"
in the middle of a sentence with no cue around it. Faker's per-locale person
providers are plain Python tuples inside the installed package, so reading them
costs no network and no model download.
"""

from __future__ import annotations

import importlib
from functools import cache

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
)

# Entries of those lists that are far more often an ordinary capitalised word,
# a month, a place or a brand than a person in a support chat. Recall on these
# names comes from cues ("ich heiße April") instead of the bare lexicon.
_AMBIGUOUS = frozenset(
    """
    Alba Alexandria Angel April Asia August Aurora Austin Autumn Baba Bali Baptist
    Basil Beat Bergen Beste Bill Brandy Brooklyn Cal Can Canal Carolina Chad Chase
    Che Chelsea Christian Cord Crystal Dakota Dale Darin Dawn Destiny Diamond Don
    Döner Drew Eden Edel Edit Eimer Else Ernst Eve Faith Florence Fügen Gabel Gene
    Georgia German Grace Grant Guy Hagen Harm Heide Hunter India Iris Jade Jena
    Jesus Jo Jordan Joy June Kader Kent Lean Line Lore Marine Mark Mason Melody
    Mentor Mercedes Meta Mile Milan Nas Nazi Neo Nova Orlando Otto Peer Penny Pier
    Preston Raven Roman Romane Rose Said Santiago Savannah Server Sierra Silvester
    Solange Sole Summer Sydney Tan Tea Til Till Tory Toy Urban Us Van Victoria
    Virginia Viola Wolf
    """.split()
)


@cache
def first_names() -> frozenset[str]:
    """Return the lexicon, built once per process (a few thousand names)."""
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
        and name not in _AMBIGUOUS
    )


def is_first_name(word: str) -> bool:
    """Case-insensitive membership, so "anna" typed in lower case still counts."""
    return word in first_names() or word[:1].upper() + word[1:].lower() in first_names()
