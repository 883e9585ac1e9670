"""The records page's choice of consent events: dates by UTC day, both ends included;
unknown purposes, actions and malformed dates mean "any"."""

from __future__ import annotations

from starlette.requests import Request

from klarchat.chain import verify_chain
from klarchat.operator.admin_pages import EventFilter, figure_groups, reason_text
from klarchat.operator.texts import TEXTS
from klarchat.store.records import METRIC_COUNTERS, ConsentEventRow, MetricsRow


def row(at: str, purpose: str = "ai_chat", action: str = "given") -> ConsentEventRow:
    return ConsentEventRow(1, "e", "s", purpose, action, "v1", "sha", "de", "o", at, "p", "h")


def chosen(query: str) -> EventFilter:
    request = Request({"type": "http", "query_string": query.encode(), "headers": []})
    return EventFilter.from_query(request, ["ai_chat", "transcript"])


def test_dates_include_both_days() -> None:
    days = chosen("from=2026-11-02&to=2026-11-03")
    assert not days.matches(row("2026-11-01T23:59:59.999Z"))
    assert days.matches(row("2026-11-02T00:00:00.000Z"))
    assert days.matches(row("2026-11-03T23:59:59.999Z"))
    assert not days.matches(row("2026-11-04T00:00:00.000Z"))


def test_purpose_and_action() -> None:
    given = chosen("purpose=transcript&action=withdrawn")
    assert given.matches(row("2026-11-02T10:00:00.000Z", "transcript", "withdrawn"))
    assert not given.matches(row("2026-11-02T10:00:00.000Z", "ai_chat", "withdrawn"))
    assert not given.matches(row("2026-11-02T10:00:00.000Z", "transcript", "given"))


def test_unknown_values_mean_any_and_are_not_echoed() -> None:
    loose = chosen("purpose=<x>&action=stolen&from=yesterday&to=2026-13-01")
    assert loose == EventFilter()
    assert loose.query() == {}
    assert loose.matches(row("1999-01-01T00:00:00.000Z", "transcript", "expired"))


def test_figure_groups_name_version_and_variant() -> None:
    groups = figure_groups(
        [MetricsRow("v1", "", 9, 5, 2, 1, 1), MetricsRow("v1", "B", 4, 1, 3, 0, 0)], "ohne"
    )
    assert [g.label for g in groups] == ["v1 · ohne", "v1 · B"]
    assert [c for c, _ in groups[0].values] == list(METRIC_COUNTERS)
    assert dict(groups[1].values)["declined"] == 3


class Link:
    def __init__(self, seq: int, prev_hash: str, hash: str) -> None:
        self.seq, self.prev_hash, self.hash = seq, prev_hash, hash


async def reasons_of_broken_chains() -> list[str]:
    """What the real chain check says for each kind of break."""

    async def rows(*links: Link):
        for link in links:
            yield link

    first = Link(1, "0" * 64, "a")
    checks = [
        verify_chain(rows(first, Link(3, "a", "b")), lambda row: row.hash),
        verify_chain(rows(first, Link(2, "x", "b")), lambda row: row.hash),
        verify_chain(rows(first), lambda row: "other"),
    ]
    return [(await check).reason for check in checks]


async def test_every_reason_of_the_chain_check_is_translated() -> None:
    reasons = await reasons_of_broken_chains()
    assert [reason_text(r, TEXTS["de"]) for r in reasons] == list(
        TEXTS["de"]["verify_reasons"].values()
    )
    assert reason_text("something new", TEXTS["en"]) == "something new"
