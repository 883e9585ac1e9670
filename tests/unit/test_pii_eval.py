"""The PII scorer itself, on tiny hand-made records: the figures are only as good as it."""

import json

import pytest

from benchmarks.pii_eval import (
    Counts,
    Prediction,
    Record,
    Span,
    f_beta,
    is_covered,
    matches,
    score,
)

TEXT = "Ich bin Anna Schmidt, Hauptstraße 5, 10115 Berlin, Tel 030 1234567."
NAME = Span(8, 20, "PERSON")
STREET = Span(22, 35, "ADDRESS")
TOWN = Span(37, 49, "ADDRESS")
PHONE = Span(55, 66, "PHONE_NUMBER")


def record(spans=(), categories=(), negative=False, text=TEXT, id="de-0001"):
    return Record(id, "de", text, tuple(spans), frozenset(categories), negative)


def test_overlap_with_mapped_type_matches():
    assert matches(Prediction(22, 34, "LOCATION"), STREET)
    assert matches(Prediction(0, 12, "PERSON"), NAME)  # "Ich bin Anna": overlap is enough
    assert not matches(Prediction(22, 35, "PHONE_NUMBER"), STREET)
    assert not matches(Prediction(20, 22, "PERSON"), NAME)  # touching is not overlapping


def test_unmapped_type_never_matches():
    assert not matches(Prediction(8, 20, "DE_KFZ"), NAME)


def test_covered_needs_every_character_whatever_the_type():
    assert is_covered(NAME, [Prediction(8, 13, "PERSON"), Prediction(13, 20, "LOCATION")])
    assert is_covered(NAME, [Prediction(0, 30, "URL")])
    assert not is_covered(NAME, [Prediction(8, 12, "PERSON"), Prediction(13, 20, "PERSON")])
    assert not is_covered(NAME, [])


def test_f2_weighs_recall():
    assert f_beta(1.0, 0.5) == pytest.approx(5 * 0.5 / (4 + 0.5))
    assert f_beta(0.5, 1.0) == pytest.approx(5 * 0.5 / (4 * 0.5 + 1))
    assert f_beta(0.0, 0.0) == 0.0
    assert f_beta(None, 1.0) is None
    assert Counts().precision is None and Counts().f2 is None


def test_rows_count_precision_recall_and_coverage():
    found = [
        Prediction(8, 20, "PERSON"),
        Prediction(22, 35, "LOCATION"),
        Prediction(55, 66, "CUSTOMER_NUMBER"),  # wrong type: miss, but covered
        Prediction(0, 3, "DE_KFZ"),  # no label at all
    ]
    scores = score([record([NAME, STREET, TOWN, PHONE])], [found])
    rows = scores.rows
    assert (rows["PERSON"].recall, rows["PERSON"].precision) == (1.0, 1.0)
    assert (rows["ADDRESS"].gold, rows["ADDRESS"].recalled) == (2, 1)
    assert (rows["PHONE_NUMBER"].recall, rows["PHONE_NUMBER"].covered_share) == (0.0, 1.0)
    assert (rows["CUSTOMER_NUMBER"].predicted, rows["CUSTOMER_NUMBER"].correct) == (1, 0)
    assert (rows["DE_KFZ"].predicted, rows["DE_KFZ"].correct) == (1, 0)
    total = scores.total
    assert (total.gold, total.recalled, total.covered) == (4, 2, 3)
    assert (total.predicted, total.correct) == (4, 2)
    outcome = scores.outcomes[0]
    assert outcome.missed == [TOWN, PHONE]
    assert [p.entity_type for p in outcome.false_positives] == ["CUSTOMER_NUMBER", "DE_KFZ"]


def test_negative_fails_only_on_an_unmatched_prediction():
    text = "Bestellung 4711-2025 kam am 05.10. nicht an, Filiale in Köln?"
    order = Span(11, 20, "ORDER_NUMBER")
    clean = record([order], negative=True, text=text, id="de-0001")
    noisy = record([order], negative=True, text=text, id="de-0002")
    scores = score(
        [clean, noisy],
        [
            [Prediction(11, 20, "ORDER_NUMBER")],
            [Prediction(11, 20, "ORDER_NUMBER"), Prediction(56, 60, "LOCATION")],
        ],
    )
    assert [o.record.id for o in scores.failed_negatives()] == ["de-0002"]


def test_category_predictions_are_scored_per_message_not_as_entities():
    sick = record([NAME], categories=["health"], text="Anna Schmidt hat Diabetes.")
    plain = record(text="Die Krankenkasse hat die Rechnung.", id="de-0002")
    scores = score(
        [sick, plain],
        [
            [Prediction(0, 12, "PERSON"), Prediction(17, 25, "HEALTH")],
            [Prediction(4, 16, "HEALTH"), Prediction(17, 20, "RELIGION")],
        ],
    )
    assert scores.total.predicted == 1 and not scores.outcomes[1].false_positives
    health = scores.categories["health"]
    assert (health.gold, health.predicted, health.correct) == (1, 2, 1)
    assert (health.precision, health.recall) == (0.5, 1.0)
    assert scores.categories["religion"].precision == 0.0
    assert scores.reports_categories


def test_record_reads_the_jsonl_format():
    line = json.dumps(
        {
            "id": "de-0007",
            "language": "de",
            "text": TEXT,
            "spans": [{"start": 8, "end": 20, "label": "PERSON"}],
            "categories": ["health"],
            "negative": False,
            "template": "t17",
        }
    )
    parsed = Record.from_json(line)
    assert parsed.spans == (NAME,)
    assert parsed.categories == frozenset({"health"})
    assert TEXT[NAME.start : NAME.end] == "Anna Schmidt"
