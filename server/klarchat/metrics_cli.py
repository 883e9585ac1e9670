"""`klarchat metrics [--data-dir D] [--json]`: the consent counters, per policy version and
wording variant. Counts only (see `klarchat.metrics`), so the output holds no personal data.

Exit codes as in `klarchat.cli`: 0 printed, 1 no database.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from klarchat.config import Settings
from klarchat.store.records import METRIC_COUNTERS, MetricsRow

COMMAND = "metrics"
EXIT_NOT_FOUND = 1
_HEADINGS = ("policy version", "variant", *METRIC_COUNTERS)


def add_command(commands: Any) -> None:
    metrics = commands.add_parser(
        COMMAND, help="consent counts per policy version and variant (no personal data)"
    )
    metrics.add_argument("--data-dir", type=Path, help="folder holding klarchat.sqlite3")
    metrics.add_argument("--json", action="store_true", help="print JSON instead of a table")


def run(args: argparse.Namespace, settings: Settings) -> int:
    from klarchat.services import DATABASE_FILE

    path = settings.data_dir / DATABASE_FILE
    if not path.exists():
        print(f"klarchat: no database at {path}", file=sys.stderr)
        return EXIT_NOT_FOUND
    rows = asyncio.run(_read(path))
    print(as_json(rows) if args.json else as_table(rows))
    return 0


async def _read(path: Path) -> list[MetricsRow]:
    from klarchat.store.sqlite import SqliteStore

    store = SqliteStore(path)
    await store.open()
    try:
        return await store.metrics()
    finally:
        await store.close()


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
