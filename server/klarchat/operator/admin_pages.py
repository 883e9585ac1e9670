"""The records pages (admin role): consent events, chain verification, the oversight log,
the consent figures with their chart, and CSV downloads of each.

Everything shown here holds no message text: the ledger holds pseudonymous decisions,
the oversight log who looked at which conversation and why, the figures counts only.
The figures are the store's own (`Store.metrics`, what `klarchat metrics` prints); this
module draws and lists them, it does not count.
"""

from __future__ import annotations

import math
from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from klarchat.chain import Verification
from klarchat.consent.state import Action
from klarchat.operator.auth import Login, require_account, require_login
from klarchat.operator.chart import Group, bar_chart
from klarchat.operator.csv_export import csv_download, csv_text
from klarchat.operator.rendering import render
from klarchat.operator.texts import page_language, texts
from klarchat.services import Services
from klarchat.store.records import METRIC_COUNTERS, ConsentEventRow, MetricsRow

PAGE_SIZE = 50
AUDIT_ROWS = 200
LEDGER_COLUMNS = (
    "seq",
    "event_id",
    "at",
    "subject",
    "purpose",
    "action",
    "policy_version",
    "variant",
    "text_sha256",
    "lang",
    "origin",
    "prev_hash",
    "hash",
)
OVERSIGHT_COLUMNS = (
    "seq",
    "event_id",
    "at",
    "operator",
    "operator_name",
    "action",
    "conversation",
    "subject",
    "entity_type",
    "reason",
    "prev_hash",
    "hash",
)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """The records page's choice of consent events; unknown values mean "any"."""

    since: str = ""
    until: str = ""
    purpose: str = ""
    action: str = ""

    @classmethod
    def from_query(cls, request: Request, purposes: list[str]) -> EventFilter:
        query = request.query_params
        purpose = query.get("purpose", "")
        action = query.get("action", "")
        return cls(
            since=_iso_date(query.get("from", "")),
            until=_iso_date(query.get("to", "")),
            purpose=purpose if purpose in purposes else "",
            action=action if action in {a.value for a in Action} else "",
        )

    def matches(self, row: ConsentEventRow) -> bool:
        day = row.at[:10]
        return (
            (not self.since or day >= self.since)
            and (not self.until or day <= self.until)
            and (not self.purpose or row.purpose == self.purpose)
            and (not self.action or row.action == self.action)
        )

    def query(self) -> dict[str, str]:
        chosen = {
            "from": self.since,
            "to": self.until,
            "purpose": self.purpose,
            "action": self.action,
        }
        return {key: value for key, value in chosen.items() if value}


def _iso_date(text: str) -> str:
    """A `YYYY-MM-DD` date as given by `<input type=date>`, or "" for anything else."""
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        return ""


async def _matching(
    rows: AsyncIterator[ConsentEventRow], chosen: EventFilter
) -> list[ConsentEventRow]:
    """The chosen events, newest first. The whole chain is read once per request: it is
    the ledger's one index-free pass, like verification, and rows are small."""
    return [row async for row in rows if chosen.matches(row)][::-1]


def _page_number(request: Request, pages: int) -> int:
    try:
        asked = int(request.query_params.get("page", "1"))
    except ValueError:
        asked = 1
    return min(max(asked, 1), pages)


_REASON_MARKERS = (("missing", "is missing"), ("link", "prev_hash"), ("hash", "hash does not"))


def reason_text(reason: str, t: Mapping[str, Any]) -> str:
    """The chain check's reason in the page's language; a wording it does not know is
    shown as the check gave it."""
    for key, marker in _REASON_MARKERS:
        if marker in reason:
            return t["verify_reasons"][key]
    return reason


def figure_groups(rows: list[MetricsRow], no_variant: str) -> list[Group]:
    return [
        Group(
            f"{row.policy_version} · {row.variant or no_variant}",
            [(counter, getattr(row, counter)) for counter in METRIC_COUNTERS],
        )
        for row in rows
    ]


async def records_page(request: Request) -> Response:
    """Someone not (or no longer) signed in is sent to the login page, not shown a 401."""
    try:
        login = await require_login(request, role="admin")
    except HTTPException as refused:
        if refused.status_code == 401:
            return RedirectResponse("/admin/login", status_code=303)
        raise
    return await _render_records(request, login, verification=None)


async def verify(request: Request) -> Response:
    """Runs both chain checks now, on the admin's request, and shows the page with the result."""
    login = await require_login(request, role="admin", write=True)
    services: Services = request.app.state.services
    results = {
        "ledger": await services.ledger.verify(),
        "oversight": await services.oversight.verify(),
    }
    return await _render_records(request, login, verification=results)


async def _render_records(
    request: Request, login: Login, verification: Mapping[str, Verification] | None
) -> Response:
    services: Services = request.app.state.services
    lang = page_language(request)
    t = texts(lang)
    purposes = list(services.settings.consent.purposes)
    chosen = EventFilter.from_query(request, purposes)
    events = await _matching(services.store.consent_events(), chosen)
    pages = max(1, math.ceil(len(events) / PAGE_SIZE))
    page = _page_number(request, pages)
    figures = await services.store.metrics()
    chart = (
        bar_chart(
            figure_groups(figures, t["no_variant"]),
            t["counters"],
            title=t["chart_title"],
            desc=t["chart_desc"],
            ident="figures-chart",
        )
        if figures
        else None
    )
    return render(
        request,
        "admin.html",
        {
            "lang": lang,
            "account": login.account,
            "csrf": login.csrf,
            "page_name": "records",
            "verification": None
            if verification is None
            else {
                chain: replace(result, reason=reason_text(result.reason, t))
                for chain, result in verification.items()
            },
            "filter": chosen,
            "filter_query": chosen.query(),
            "purposes": purposes,
            "actions": [action.value for action in Action],
            "events": events[(page - 1) * PAGE_SIZE : page * PAGE_SIZE],
            "total": len(events),
            "page": page,
            "pages": pages,
            "audit": await services.oversight.rows(limit=AUDIT_ROWS),
            "figures": figures,
            "counters": METRIC_COUNTERS,
            "chart": chart,
        },
    )


async def _chain_csv(
    filename: str, columns: Sequence[str], chain: AsyncIterator[object]
) -> Response:
    """Every row of a hash chain (ledger or oversight log), in seq order, as CSV."""
    rows = [[getattr(row, column) for column in columns] async for row in chain]
    return csv_download(filename, csv_text(columns, rows))


async def ledger_csv(request: Request) -> Response:
    await require_account(request, role="admin")
    store = request.app.state.services.store
    return await _chain_csv("klarchat-ledger.csv", LEDGER_COLUMNS, store.consent_events())


async def oversight_csv(request: Request) -> Response:
    await require_account(request, role="admin")
    store = request.app.state.services.store
    return await _chain_csv("klarchat-oversight.csv", OVERSIGHT_COLUMNS, store.oversight_events())


async def figures_csv(request: Request) -> Response:
    await require_account(request, role="admin")
    services: Services = request.app.state.services
    header = ("policy_version", "variant", *METRIC_COUNTERS)
    rows = [
        [row.policy_version, row.variant, *(getattr(row, c) for c in METRIC_COUNTERS)]
        for row in await services.store.metrics()
    ]
    return csv_download("klarchat-figures.csv", csv_text(header, rows))


routes: list[BaseRoute] = [
    Route("/admin/records", records_page, methods=["GET"]),
    Route("/admin/records/verify", verify, methods=["POST"]),
    Route("/admin/ledger.csv", ledger_csv, methods=["GET"]),
    Route("/admin/oversight.csv", oversight_csv, methods=["GET"]),
    Route("/admin/figures.csv", figures_csv, methods=["GET"]),
]
