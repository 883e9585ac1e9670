"""`klarchat check-config`: validate the configuration and the privacy notice, and show
how readable the consent texts are, without starting anything."""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import TYPE_CHECKING

from klarchat.cli.common import EXIT_CHECK_FAILED, Commands, adapter_config_error
from klarchat.config import ConfigError, Settings

if TYPE_CHECKING:
    from klarchat.adapters.base import Adapter
    from klarchat.adapters.probe import ProbeResult


def register(commands: Commands) -> None:
    check = commands.add_parser("check-config", help="validate the configuration without starting")
    check.add_argument(
        "--probe",
        action="store_true",
        help="also ask the LLM backend one fixed question and say whether it answers (exit 1 if not)",
    )
    check.set_defaults(run=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    # Imported here, as every command's work is: `klarchat` registers all commands at
    # start, and the fast ones (`ledger verify` from cron) must not pay for these.
    from klarchat.adapters.base import AdapterConfigError
    from klarchat.adapters.registry import load_adapter
    from klarchat.consent.policy import Policy, notice_issues
    from klarchat.readability import score_consent_texts

    try:
        adapter = load_adapter(settings.adapter, settings.adapter_options())
    except AdapterConfigError as exc:
        raise adapter_config_error(exc, args) from None
    probe = asyncio.run(_probe_and_close(adapter, settings.default_language if args.probe else ""))
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
    if probe is not None:
        print(probe.line(), file=sys.stdout if probe.ok else sys.stderr)
        return 0 if probe.ok else EXIT_CHECK_FAILED
    return 0


async def _probe_and_close(adapter: Adapter, language: str) -> ProbeResult | None:
    """Probe in `language` (no language: do not probe); the adapter's client is closed in
    the event loop it was used in."""
    from klarchat.adapters.probe import probe

    try:
        return await probe(adapter, language) if language else None
    finally:
        await adapter.aclose()
