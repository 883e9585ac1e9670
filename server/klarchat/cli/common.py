"""What every command shares: the exit codes, the error that means "wrong command line",
and how a verdict is printed."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from klarchat.config import Settings

EXIT_CHECK_FAILED = 1
EXIT_NOT_FOUND = 1
EXIT_BAD_CONFIG = 2

Run = Callable[[argparse.Namespace, Settings], int]
Commands = Any
"""`argparse`'s subparsers object (its class is private)."""


class UsageError(Exception):
    """A file or key that cannot be used: the command was wrong, not the data (exit 2)."""


def failed(verdict: str, reason: str) -> int:
    print(f"{verdict}: {reason}", file=sys.stderr)
    return EXIT_CHECK_FAILED
