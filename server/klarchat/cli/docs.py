"""`klarchat docs`: write the site owner's compliance file from the running configuration.

Record of processing, technical and organisational measures, deletion concept, DPIA
screening and processor checklist, per language, as Markdown or printable HTML. The
configuration is checked first exactly as `check-config` checks it: documents built on a
configuration the privacy notice would refuse would state something false.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from klarchat.cli.common import Commands, UsageError
from klarchat.config import Settings

DEFAULT_OUT = Path("klarchat-docs")


def register(commands: Commands) -> None:
    docs = commands.add_parser(
        "docs", help="write the compliance file (Art. 30, 32, 35, 28 GDPR) from the config"
    )
    docs.add_argument("--lang", choices=("de", "en"), help="one language (default: all configured)")
    docs.add_argument("--format", choices=("md", "html"), default="md", help="default: md")
    docs.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help=f"folder (default: {DEFAULT_OUT})"
    )
    docs.set_defaults(run=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from klarchat.cli.check_config import checked_issues
    from klarchat.clock import clock_from_environment
    from klarchat.compliance.documents import DOCUMENTS, render
    from klarchat.compliance.facts import gather
    from klarchat.compliance.markdown import prose
    from klarchat.readability import score

    if args.lang and args.lang not in settings.languages:
        raise UsageError(f"--lang {args.lang}: not among the configured languages")
    _, issues = checked_issues(settings)
    today = clock_from_environment().now().date()
    args.out.mkdir(parents=True, exist_ok=True)
    print("reading ease of the documents (Amstad for German, Flesch for English):")
    for lang in [args.lang] if args.lang else settings.languages:
        facts = gather(settings, lang, today)
        for document in DOCUMENTS:
            path = args.out / document.filename(lang, args.format)
            path.write_text(render(document, facts, args.format), encoding="utf-8")
            markdown = render(document, facts, "md")
            print(f"  {score(str(path), prose(markdown), lang).line()}")
    for issue in issues:
        print(f"warning: {issue}", file=sys.stderr)
    return 0
