"""What every command shares: the exit codes, the error that means "wrong command line",
and how a verdict is printed."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from klarchat.config import ConfigError, Settings
from klarchat.config_sources import variable_for

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


def adapter_config_error(exc: Exception, source: Path | None) -> ConfigError:
    """An adapter's complaint (`adapters.openai.model: ...`), said of the variable or file
    that holds the key, like every other configuration error."""
    message = str(exc)
    key = message.split(":", 1)[0].strip()
    variable = variable_for(key.split("."), os.environ)
    if variable:
        return ConfigError(f"environment variable {variable}, key {message}")
    if source:
        return ConfigError(f"{source}, key {message}")
    name = "KLARCHAT_" + key.upper().replace(".", "__")
    return ConfigError(f"{message} (no config file: set it in klarchat.toml or as {name})")


def read_json(path: Path, what: str) -> dict[str, Any]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"cannot read {what} {path}: {exc.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise UsageError(f"{what} {path} is not JSON") from None
    if not isinstance(document, dict):
        raise UsageError(f"{what} {path} is not a JSON object")
    return document
