"""`klarchat`: with no arguments it serves; subcommands check the config and the ledger.

Exit codes: 0 success, 1 a check failed (e.g. the ledger does not verify),
2 the configuration or the command line is wrong.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from pathlib import Path
from typing import Any

from klarchat import cli_data, metrics_cli
from klarchat.config import ConfigError, Settings, config_path, load_settings

EXIT_CHECK_FAILED = 1
EXIT_BAD_CONFIG = 2
UVICORN_MIN_WS_MAX_SIZE = 1_048_576


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="klarchat", description=__doc__)
    parser.add_argument(
        "--config", help="path to klarchat.toml (default: $KLARCHAT_CONFIG or ./klarchat.toml)"
    )
    commands = parser.add_subparsers(dest="command")

    serve = commands.add_parser("serve", help="start the chat server (the default)")
    serve.add_argument("--host", help="interface to listen on (default from config: 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port to listen on (default from config: 8000)")
    serve.add_argument("--data-dir", type=Path, help="folder for the database and the secret")

    commands.add_parser("check-config", help="validate the configuration without starting")

    ledger = commands.add_parser("ledger", help="consent ledger tools")
    ledger_commands = ledger.add_subparsers(dest="ledger_command", required=True)
    verify = ledger_commands.add_parser("verify", help="prove the hash chain is intact")
    verify.add_argument("--data-dir", type=Path, help="folder holding klarchat.sqlite3")
    verify.add_argument("--checkpoint", type=Path, help="also prove this signed checkpoint holds")
    verify.add_argument("--public-key", type=Path, help="PEM public key (default: the data dir's)")
    receipt = ledger_commands.add_parser("verify-receipt", help="check a signed consent receipt")
    receipt.add_argument("file", type=Path, help="the receipt as JSON")
    receipt.add_argument("--data-dir", type=Path, help="folder holding the key and the ledger")
    receipt.add_argument("--public-key", type=Path, help="PEM public key (default: the data dir's)")
    checkpoint = ledger_commands.add_parser("checkpoint", help="sign the ledger's head")
    checkpoint.add_argument("--data-dir", type=Path, help="folder holding the key and the ledger")
    checkpoint.add_argument(
        "--out", type=Path, help="file to write (default: data dir/checkpoints/)"
    )
    cli_data.add_commands(commands)
    metrics_cli.add_command(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = _settings(args)
        if args.command in (None, "serve"):
            return _serve(settings)
        if args.command == "check-config":
            return _check_config(settings)
        if args.command in cli_data.COMMANDS:
            return asyncio.run(cli_data.run(args, settings))
        if args.command == metrics_cli.COMMAND:
            return metrics_cli.run(args, settings)
        from klarchat import ledger_cli

        if args.ledger_command in ("verify-receipt", "checkpoint"):
            return ledger_cli.run(args, settings)
        chain = asyncio.run(_verify_ledger(settings))
        if args.checkpoint is None:
            return chain
        return max(
            chain, ledger_cli.verify_checkpoint_file(settings, args.checkpoint, args.public_key)
        )
    except ConfigError as exc:
        print(f"klarchat: configuration error\n{exc}", file=sys.stderr)
        return EXIT_BAD_CONFIG


def _settings(args: argparse.Namespace) -> Settings:
    settings = load_settings(config_path(args.config, dict(os.environ)))
    overrides: dict[str, Any] = {
        key: getattr(args, key, None) for key in ("host", "port", "data_dir")
    }
    return settings.model_copy(update={k: v for k, v in overrides.items() if v is not None})


def _check_config(settings: Settings) -> int:
    from klarchat.adapters.base import AdapterConfigError
    from klarchat.adapters.registry import load_adapter
    from klarchat.consent.policy import Policy, notice_issues
    from klarchat.readability import score_consent_texts

    try:
        adapter = load_adapter(settings.adapter, settings.adapter_options())
    except AdapterConfigError as exc:
        raise ConfigError(str(exc)) from None
    asyncio.run(adapter.aclose())
    issues = notice_issues(settings)
    errors = [str(issue) for issue in issues if issue.error]
    if errors:
        raise ConfigError("privacy notice:\n  " + "\n  ".join(errors))
    policy = Policy.from_settings(settings)
    print(
        f"configuration OK\n"
        f"  adapter: {settings.adapter}{f' ({adapter.model})' if adapter.model else ''}\n"
        f"  languages: {', '.join(settings.languages)}\n"
        f"  purposes: {', '.join(policy.purposes)}\n"
        f"  policy version: {policy.version}\n"
        f"  data dir: {settings.data_dir}\n"
        f"  allowed origins: {', '.join(sorted(settings.origins()))}"
    )
    scores = score_consent_texts(settings)
    print("reading ease of the consent texts (Amstad for German, Flesch for English):")
    print("\n".join(f"  {score.line()}" for score in scores))
    for issue in issues:
        print(f"warning: {issue}", file=sys.stderr)
    for score in scores:
        if score.hard:
            print(
                f"warning: {score.key} is hard to read ({score.formula} {score.score:.1f}, "
                f"below {score.threshold:.0f}): use shorter sentences and shorter words",
                file=sys.stderr,
            )
    return 0


def _serve(settings: Settings) -> int:
    import uvicorn

    from klarchat.app import create_app

    logging.basicConfig(
        level=settings.log_level.upper(), format="%(levelname)s %(name)s: %(message)s"
    )
    # Below INFO these loggers print websocket frames and matched values: message text.
    logging.getLogger("presidio-analyzer").setLevel(max(logging.WARNING, logging.root.level))
    logging.getLogger("websockets").setLevel(max(logging.INFO, logging.root.level))
    uvicorn.run(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        log_level="info" if settings.log_level == "debug" else settings.log_level,
        access_log=settings.access_log,
        ws_max_size=max(4 * settings.limits.max_frame_bytes, UVICORN_MIN_WS_MAX_SIZE),
    )
    return 0


async def _verify_ledger(settings: Settings) -> int:
    from klarchat.consent.ledger import Ledger
    from klarchat.services import DATABASE_FILE
    from klarchat.store.sqlite import SqliteStore

    path = settings.data_dir / DATABASE_FILE
    if not path.exists():
        print(f"klarchat: no ledger at {path}", file=sys.stderr)
        return EXIT_CHECK_FAILED
    store = SqliteStore(path)
    await store.open()
    try:
        result = await Ledger(store).verify()
    finally:
        await store.close()
    if result.ok:
        print(f"ledger OK: {result.checked} events, hash chain intact ({path})")
        return 0
    print(
        f"ledger BROKEN at seq {result.bad_seq}: {result.reason} "
        f"({result.checked} events verified before it)",
        file=sys.stderr,
    )
    return EXIT_CHECK_FAILED


if __name__ == "__main__":
    sys.exit(main())
