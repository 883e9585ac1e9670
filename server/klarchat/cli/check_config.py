"""`klarchat check-config`: validate the configuration, the privacy notice and the facts
the compliance documents need, and show how readable the consent texts are, without
starting anything."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from klarchat.cli.common import EXIT_CHECK_FAILED, Commands, adapter_config_error
from klarchat.config import ConfigError, Settings

if TYPE_CHECKING:
    from klarchat.adapters.base import Adapter
    from klarchat.adapters.probe import ProbeResult
    from klarchat.consent.policy import NoticeIssue


def register(commands: Commands) -> None:
    check = commands.add_parser("check-config", help="validate the configuration without starting")
    check.add_argument(
        "--probe",
        action="store_true",
        help="also ask the LLM backend one fixed question and say whether it answers (exit 1 if not)",
    )
    check.set_defaults(run=run)


def checked_issues(
    settings: Settings, source: Path | None = None
) -> tuple[str | None, list[NoticeIssue]]:
    """Raise `ConfigError` for what the notice or the documents would state falsely (an
    adapter that cannot start, an unnamed remote provider); return the adapter's model and
    the warnings."""
    # Imported here, as every command's work is: `klarchat` registers all commands at
    # start, and the fast ones (`ledger verify` from cron) must not pay for these.
    from klarchat.adapters.base import AdapterConfigError
    from klarchat.adapters.registry import load_adapter
    from klarchat.compliance.gaps import document_issues
    from klarchat.consent.policy import notice_issues

    try:
        adapter = load_adapter(settings.adapter, settings.adapter_options())
    except AdapterConfigError as exc:
        raise adapter_config_error(exc, source) from None
    asyncio.run(adapter.aclose())
    issues = notice_issues(settings) + document_issues(settings)
    errors = [str(issue) for issue in issues if issue.error]
    if errors:
        raise ConfigError("privacy notice:\n  " + "\n  ".join(errors))
    return adapter.model, issues


def run(args: argparse.Namespace, settings: Settings) -> int:
    from klarchat.consent.policy import Policy
    from klarchat.readability import score_consent_texts

    model, issues = checked_issues(settings, getattr(args, "config_source", None))
    policy = Policy.from_settings(settings)
    print(
        f"configuration OK\n"
        f"  adapter: {settings.adapter}{f' ({model})' if model else ''}\n"
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
    if args.probe:
        from klarchat.adapters.registry import load_adapter

        adapter = load_adapter(settings.adapter, settings.adapter_options())
        probe = asyncio.run(_probe_and_close(adapter, settings.default_language))
        print(probe.line(), file=sys.stdout if probe.ok else sys.stderr)
        return 0 if probe.ok else EXIT_CHECK_FAILED
    return 0


async def _probe_and_close(adapter: Adapter, language: str) -> ProbeResult:
    """The adapter's client is closed in the event loop it was used in."""
    from klarchat.adapters.probe import probe

    try:
        return await probe(adapter, language)
    finally:
        await adapter.aclose()
