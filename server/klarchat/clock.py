"""The one clock the server reads, so that tests can move time instead of waiting for it.

`Clock.now()` gives wall time for timestamps (ledger rows, consent age);
`Clock.monotonic()` gives a monotonic count of seconds for durations (idle sessions,
resume tokens), so that a wall-clock step from NTP never ends a session early. A test
shifts both by the same offset.

`KLARCHAT_TESTING_CLOCK_FILE` is for tests only: it names a file holding a number of
seconds (may be fractional or negative; a missing or empty file means 0) that is added to
both clocks, read again at every call. A test server started with it can be moved a year
ahead by writing `31622400` into the file, without a restart and without sleeping. It is
deliberately not a `Settings` key, so no `klarchat.toml` can turn it on, and the server
logs a warning at start when it is set. Never set it in production.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path

TESTING_CLOCK_ENV = "KLARCHAT_TESTING_CLOCK_FILE"

logger = logging.getLogger("klarchat.clock")


def iso_ms(moment: datetime) -> str:
    """The stored timestamp format (UTC, milliseconds, `Z`), which sorts as text."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_iso(value: str) -> datetime:
    """A stored timestamp back to an aware datetime (`Z` or an offset)."""
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class Clock:
    """The real time, shifted by `offset()` seconds (always 0 outside tests)."""

    def __init__(self, offset: Callable[[], float] | None = None) -> None:
        self._offset = offset or (lambda: 0.0)

    def now(self) -> datetime:
        return datetime.now(UTC) + timedelta(seconds=self._offset())

    def now_ms(self) -> str:
        return iso_ms(self.now())

    def monotonic(self) -> float:
        return time.monotonic() + self._offset()

    def epoch_ms(self) -> int:
        """Wall-clock milliseconds: what instances on several hosts compare (session
        idle and resume windows, waiting times), where a monotonic clock means nothing."""
        return int(self.now().timestamp() * 1000)


def clock_from_environment(env: Mapping[str, str] | None = None) -> Clock:
    """The real clock, unless the test-only `KLARCHAT_TESTING_CLOCK_FILE` is set."""
    path = (os.environ if env is None else env).get(TESTING_CLOCK_ENV)
    if not path:
        return Clock()
    logger.warning(
        "%s is set: time is shifted for testing; never use this in production", TESTING_CLOCK_ENV
    )
    return Clock(_FileOffset(Path(path)))


class _FileOffset:
    def __init__(self, path: Path) -> None:
        self._path = path

    def __call__(self) -> float:
        try:
            text = self._path.read_text(encoding="ascii").strip()
        except FileNotFoundError:
            return 0.0
        return float(text) if text else 0.0
