"""`klarchat metrics [--data-dir D] [--json]`: the consent counters, per policy version and
wording variant. Counts only (see `klarchat.metrics`), so the output holds no personal data.

Exit codes: 0 printed, 1 no database.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from dataclasses import asdict
from pathlib import Path

from klarchat.cli.common import EXIT_NOT_FOUND, Commands
from klarchat.config import Settings
from klarchat.store.factory import existing_store, store_location
from klarchat.store.records import METRIC_COUNTERS, MetricsRow

_HEADINGS = ("policy version", "variant", *METRIC_COUNTERS)


def register(commands: Commands) -> None:
    metrics = commands.add_parser(
        "metrics", help="consent counts per policy version and variant (no personal data)"
    )
    metrics.add_argument("--data-dir", type=Path, help="folder holding klarchat.sqlite3")
    metrics.add_argument("--json", action="store_true", help="print JSON instead of a table")
    metrics.set_defaults(run=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    rows = asyncio.run(_read(settings))
    if rows is None:
        print(f"klarchat: no database at {store_location(settings)}", file=sys.stderr)
        return EXIT_NOT_FOUND
    print(as_json(rows) if args.json else as_table(rows))
    return 0


async def _read(settings: Settings) -> list[MetricsRow] | None:
    async with existing_store(settings) as store:
        return None if store is None else await store.metrics()


def as_json(rows: list[MetricsRow]) -> str:
    """`{"metrics": [{policy_version, variant (null without one), counters...}]}`."""
    entries = [{**asdict(row), "variant": row.variant or None} for row in rows]
    return json.dumps({"metrics": entries}, indent=2)


def as_table(rows: list[MetricsRow]) -> str:
    if not rows:
        return "no consent metrics yet"
    lines = [
        [row.policy_version, row.variant or "-", *(str(getattr(row, c)) for c in METRIC_COUNTERS)]
        for row in rows
    ]
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(_HEADINGS)]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in [list(_HEADINGS), *lines]
    )
