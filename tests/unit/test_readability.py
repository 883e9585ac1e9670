"""Reading ease: German by Amstad, English by Flesch, computed offline."""

from __future__ import annotations

import nltk
import pytest

from klarchat.config import Settings
from klarchat.readability import THRESHOLDS, reading_ease, score_consent_texts


@pytest.fixture(autouse=True)
def _no_downloads(monkeypatch: pytest.MonkeyPatch) -> None:
    """textstat fetches NLTK's CMU dictionary for `en_US`; nothing may download at run time."""

    def refuse(*args: object, **kwargs: object) -> bool:
        raise AssertionError("readability tried to download NLTK data")

    monkeypatch.setattr(nltk, "download", refuse)


def test_german_uses_amstad() -> None:
    # Amstad: 180 - words per sentence - 58.5 x syllables per word.
    # "Das ist gut." 3 words, 3 syllables, 1 sentence: 180 - 3 - 58.5 = 118.5
    assert reading_ease("Das ist gut.", "de") == pytest.approx(118.5)
    # Flesch's English constants would give 206.835 - 3.045 - 84.6 = 119.19.
    assert reading_ease("Das ist gut.", "en") == pytest.approx(119.19, abs=0.01)


def test_long_words_and_sentences_score_low() -> None:
    hard = (
        "Die Einwilligungserklärung bezüglich der Datenverarbeitungsvorgänge umfasst "
        "sämtliche personenbezogenen Informationsbestandteile einschließlich der "
        "Kommunikationsinhalte gemäß der datenschutzrechtlichen Rahmenbedingungen."
    )
    assert reading_ease(hard, "de") < THRESHOLDS["de"]
    assert reading_ease("I agree. You may store it. I can stop.", "en") > THRESHOLDS["en"]


def test_the_default_consent_texts_are_easy_enough() -> None:
    scores = score_consent_texts(Settings())
    assert {score.key for score in scores} == {
        f"consent.{part}.{lang}"
        for lang in ("de", "en")
        for part in (
            "disclosure",
            "purposes.ai_chat.text",
            "purposes.transcript.text",
            "purposes.human_support.text",
        )
    }
    assert not [score.line() for score in scores if score.hard]
    assert all(score.grade is not None for score in scores if score.lang == "de")
