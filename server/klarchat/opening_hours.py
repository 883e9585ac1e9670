"""Whether the site owner's staff are at work now (`handoff.opening_hours`).

Hours are local to `handoff.timezone`, so that a shop in Berlin says "9 to 17" and means
it in winter and summer alike; an empty table means always open.
"""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _span(text: str) -> tuple[time, time]:
    start, end = text.split("-")
    return time.fromisoformat(start), time.max if end == "24:00" else time.fromisoformat(end)


def is_open(hours: dict[str, list[str]], timezone: str, now: datetime) -> bool:
    if not hours:
        return True
    local = now.astimezone(ZoneInfo(timezone))
    moment = local.time().replace(tzinfo=None)
    return any(
        start <= moment < end or (end == time.max and moment >= start)
        for start, end in map(_span, hours.get(DAYS[local.weekday()], []))
    )
