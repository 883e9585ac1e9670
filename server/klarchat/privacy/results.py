"""One way to build the result of a hand-written (non-pattern) recognizer.

Presidio's pattern recognizers fill in the explanation and the recognizer's
name and id themselves; a ``LocalRecognizer`` of our own must do it, or the
analyzer's context enhancement and decision traces lose track of who found what.
"""

from __future__ import annotations

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult


def explained_result(
    recognizer: EntityRecognizer,
    entity_type: str,
    start: int,
    end: int,
    score: float,
    explanation: str,
) -> RecognizerResult:
    """A result that names ``recognizer`` and says why it matched."""
    return RecognizerResult(
        entity_type=entity_type,
        start=start,
        end=end,
        score=score,
        analysis_explanation=AnalysisExplanation(
            recognizer=recognizer.name, original_score=score, textual_explanation=explanation
        ),
        recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
        },
    )
