"""`klarchat`: with no arguments it serves; subcommands check the config and the ledger.

Exit codes: 0 success, 1 a check failed (e.g. the ledger does not verify),
2 the configuration or the command line is wrong.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from klarchat.cli import (
    admin,
    check_config,
    docs,
    ledger,
    metrics,
    migrate_store,
    rights,
    serve,
)
from klarchat.cli.common import EXIT_BAD_CONFIG, UsageError
from klarchat.config import ConfigError, Settings, config_path, load_settings
from klarchat.store.factory import StoreUnavailable

COMMAND_GROUPS = (serve, check_config, docs, ledger, rights, metrics, admin, migrate_store)
"""Each module registers its commands with `register(commands)`, in this order in `--help`."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="klarchat", description=__doc__)
    parser.add_argument(
        "--config", help="path to klarchat.toml (default: $KLARCHAT_CONFIG or ./klarchat.toml)"
    )
    commands = parser.add_subparsers(dest="command")
    for group in COMMAND_GROUPS:
        group.register(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    run = getattr(args, "run", serve.run)
    try:
        return run(args, _settings(args))
    except ConfigError as exc:
        print(f"klarchat: configuration error\n{exc}", file=sys.stderr)
        return EXIT_BAD_CONFIG
    except (UsageError, StoreUnavailable) as exc:
        print(f"klarchat: {exc}", file=sys.stderr)
        return EXIT_BAD_CONFIG


def _settings(args: argparse.Namespace) -> Settings:
    args.config_source = config_path(args.config, dict(os.environ))
    settings = load_settings(args.config_source)
    overrides: dict[str, Any] = {
        key: getattr(args, key, None) for key in ("host", "port", "data_dir")
    }
    return settings.model_copy(update={k: v for k, v in overrides.items() if v is not None})
