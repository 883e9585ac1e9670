"""Reading ease of the consent texts, printed by `klarchat check-config`.

Consent counts only if the visitor understood what they agreed to (GDPR Art. 7(2): "clear
and plain language"), so every text a visitor must read before consenting (the AI
disclosure and each purpose's text) is scored per language with the `textstat` library:

- German: Amstad's adaptation of Flesch reading ease (Toni Amstad, 1978:
  180 - words per sentence - 58.5 x syllables per word). textstat 0.7 computes it with
  `flesch_reading_ease` when the language is `de` (its `LANG_CONFIGS["de"]`: base 180,
  sentence length 1, syllables per word 58.5), syllables counted with Pyphen's German
  hyphenation dictionary. The Wiener Sachtextformel (variant 1, a school grade from 4 to
  15; `wiener_sachtextformel(text, 1)`) is printed beside it for information.
- English: Flesch reading ease (206.835 - 1.015 x words per sentence - 84.6 x syllables
  per word), syllables counted with Pyphen's `en_US` dictionary.

Both scales run from about 0 (very hard) to 100 (very easy); 50-60 is "fairly difficult"
(Amstad: "mittelschwer"), 30-50 "difficult" ("schwer"). A text below `THRESHOLDS` (50 for
both, i.e. harder than "fairly difficult") gets a warning.

Offline: for an `en`/`en_*` language textstat 0.7 looks syllables up in NLTK's CMU
dictionary, which it downloads at the first call. Nothing may download at run time, so
English is scored with the language tag `en-US`: textstat then finds no CMU dictionary
(its language root is taken before `_`) and counts syllables with Pyphen, whose
dictionaries ship inside the package; Pyphen maps `en-US` to `en_US`, and the Flesch
constants fall back to textstat's English defaults. A unit test fails if a score ever
tries to download.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from klarchat.config import Settings

# The textstat language tag per configured language (see the module docstring for `en-US`).
TEXTSTAT_LANG = {"de": "de", "en": "en-US"}
FORMULA = {"de": "Amstad", "en": "Flesch"}
# Below this a text is "difficult" (Flesch 30-50) or harder, and check-config warns.
THRESHOLDS = {"de": 50.0, "en": 50.0}


@dataclass(frozen=True, slots=True)
class Score:
    key: str
    lang: str
    formula: str
    score: float
    threshold: float
    # German only: Wiener Sachtextformel variant 1 (school grade), for information.
    grade: float | None = None

    @property
    def hard(self) -> bool:
        return self.score < self.threshold

    def line(self) -> str:
        grade = f", Wiener Sachtextformel {self.grade:.1f}" if self.grade is not None else ""
        verdict = "HARD TO READ" if self.hard else "ok"
        return (
            f"{self.key}: {self.formula} {self.score:.1f}{grade} "
            f"({verdict}; warn below {self.threshold:.0f})"
        )


def reading_ease(text: str, lang: str) -> float:
    """Amstad (de) or Flesch (en) reading ease of `text`; 0-100, higher is easier."""
    return _stats(lang).flesch_reading_ease(text)


def _stats(lang: str):  # -> textstat.textstat.textstatistics
    from textstat.textstat import textstatistics

    stats = textstatistics()
    stats.set_lang(TEXTSTAT_LANG[lang])
    return stats


def consent_texts(settings: Settings) -> Iterator[tuple[str, str, str]]:
    """(key, lang, text) of every text a visitor reads before consenting."""
    for lang in settings.languages:
        yield f"consent.disclosure.{lang}", lang, settings.consent.disclosure[lang]
        for pid, purpose in settings.consent.purposes.items():
            yield f"consent.purposes.{pid}.text.{lang}", lang, purpose.text[lang]


def score(key: str, text: str, lang: str) -> Score:
    """The reading ease of one text, named `key` in what check-config or docs print."""
    stats = _stats(lang)
    return Score(
        key=key,
        lang=lang,
        formula=FORMULA[lang],
        score=stats.flesch_reading_ease(text),
        threshold=THRESHOLDS[lang],
        grade=stats.wiener_sachtextformel(text, 1) if lang == "de" else None,
    )


def score_consent_texts(settings: Settings) -> list[Score]:
    return [score(key, text, lang) for key, lang, text in consent_texts(settings)]
