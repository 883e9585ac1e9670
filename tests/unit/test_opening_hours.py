"""Opening hours are local to the configured zone, in winter and in summer."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from klarchat.config import Handoff
from klarchat.opening_hours import is_open

WEEKDAYS = {"mon": ["09:00-17:00"], "tue": ["09:00-12:00", "13:00-17:00"], "sat": ["10:00-24:00"]}


@pytest.mark.parametrize(
    ("utc", "expected"),
    [
        (datetime(2026, 1, 5, 7, 59, tzinfo=UTC), False),  # Monday 08:59 in Berlin (CET)
        (datetime(2026, 1, 5, 8, 0, tzinfo=UTC), True),  # 09:00 CET
        (datetime(2026, 7, 6, 7, 30, tzinfo=UTC), True),  # Monday 09:30 CEST
        (datetime(2026, 7, 6, 15, 0, tzinfo=UTC), False),  # 17:00 CEST: closed
        (datetime(2026, 1, 6, 11, 30, tzinfo=UTC), False),  # Tuesday 12:30, lunch break
        (datetime(2026, 1, 6, 12, 0, tzinfo=UTC), True),  # 13:00
        (datetime(2026, 1, 10, 22, 59, tzinfo=UTC), True),  # Saturday 23:59
        (datetime(2026, 1, 4, 12, 0, tzinfo=UTC), False),  # Sunday: not listed
    ],
)
def test_hours_in_the_configured_zone(utc: datetime, expected: bool) -> None:
    assert is_open(WEEKDAYS, "Europe/Berlin", utc) is expected


def test_no_table_means_always_open() -> None:
    assert is_open({}, "Europe/Berlin", datetime(2026, 1, 4, 3, 0, tzinfo=UTC))


@pytest.mark.parametrize(
    ("settings", "key"),
    [
        ({"timezone": "Europe/Berlinn"}, "timezone"),
        ({"opening_hours": {"mon": ["17:00-09:00"]}}, "opening_hours"),
        ({"opening_hours": {"mon": ["9-17"]}}, "opening_hours.mon.0"),
        ({"opening_hours": {"monday": ["09:00-17:00"]}}, "opening_hours.monday"),
    ],
)
def test_bad_hours_are_refused_naming_the_key(settings: dict[str, object], key: str) -> None:
    with pytest.raises(ValidationError) as refused:
        Handoff.model_validate(settings)
    locations = {".".join(str(part) for part in error["loc"]) for error in refused.value.errors()}
    assert any(location.startswith(key) for location in locations), locations
