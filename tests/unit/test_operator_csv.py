"""CSV downloads: what a spreadsheet would run as a formula is defused, everything else is
written as it is, and the file parses back with Python's own reader."""

from __future__ import annotations

import csv
import io

import pytest

from klarchat.operator.csv_export import csv_text, safe_cell


@pytest.mark.parametrize(
    "value",
    ['=HYPERLINK("http://x")', "+1+2", "-2+3", "@SUM(A1)", "\tcmd", "\r=1"],
)
def test_cells_a_spreadsheet_would_evaluate_get_a_quote(value: str) -> None:
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize(
    "value", ["given", "https://shop.example", "a=b", "2026-11-29T17:00:00.000Z", ""]
)
def test_ordinary_cells_stay_as_they_are(value: str) -> None:
    assert safe_cell(value) == value


def test_numbers_and_none() -> None:
    assert safe_cell(42) == "42"
    assert safe_cell(None) == ""


def test_the_file_parses_back_with_quotes_commas_and_line_breaks() -> None:
    rows = [[1, 'Grund, mit "Anführung"\nund Umbruch', "=1+1"], [2, "ok", None]]
    text = csv_text(["seq", "reason", "origin"], rows)
    parsed = list(csv.reader(io.StringIO(text, newline="")))
    assert parsed == [
        ["seq", "reason", "origin"],
        ["1", 'Grund, mit "Anführung"\nund Umbruch', "'=1+1"],
        ["2", "ok", ""],
    ]
