"""`klarchat check-config`: validate the configuration and the privacy notice, and show
how readable the consent texts are, without starting anything."""

from __future__ import annotations

import argparse
import asyncio
import sys

from klarchat.cli.common import Commands, adapter_config_error
from klarchat.config import ConfigError, Settings


def register(commands: Commands) -> None:
    check = commands.add_parser("check-config", help="validate the configuration without starting")
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
