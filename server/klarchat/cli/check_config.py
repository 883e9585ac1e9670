"""`klarchat check-config`: validate the configuration, the privacy notice and the facts
the compliance documents need, and show how readable the consent texts are, without
starting anything."""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import TYPE_CHECKING

from klarchat.cli.common import Commands
from klarchat.config import ConfigError, Settings

if TYPE_CHECKING:
    from klarchat.consent.policy import NoticeIssue


def register(commands: Commands) -> None:
    check = commands.add_parser("check-config", help="validate the configuration without starting")
    check.set_defaults(run=run)


def checked_issues(settings: Settings) -> tuple[str | None, list[NoticeIssue]]:
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
        raise ConfigError(str(exc)) from None
    asyncio.run(adapter.aclose())
    issues = notice_issues(settings) + document_issues(settings)
    errors = [str(issue) for issue in issues if issue.error]
    if errors:
        raise ConfigError("privacy notice:\n  " + "\n  ".join(errors))
    return adapter.model, issues


def run(args: argparse.Namespace, settings: Settings) -> int:
    from klarchat.consent.policy import Policy
    from klarchat.readability import score_consent_texts

    model, issues = checked_issues(settings)
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
    return 0
