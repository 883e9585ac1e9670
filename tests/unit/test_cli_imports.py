"""Commands that do not redact start without Presidio and spaCy (seconds of import time):
`ledger verify` must answer quickly, e.g. from cron or a monitoring check."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HEAVY = ("presidio_analyzer", "spacy")


def loaded_after(code: str) -> list[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    return result.stdout.split()


def test_config_imports_nothing_heavy() -> None:
    assert loaded_after("import klarchat.config") == []


def test_ledger_verify_does_not_load_the_redactor(tmp_path: Path) -> None:
    code = (
        "from klarchat.cli import main\n"
        f"assert main(['ledger', 'verify', '--data-dir', {str(tmp_path)!r}]) == 1"
    )
    assert loaded_after(code) == []


def test_docs_does_not_load_the_redactor(tmp_path: Path) -> None:
    code = (
        "import contextlib, io\n"
        "from klarchat.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['docs', '--out', {str(tmp_path / 'docs')!r}]) == 0"
    )
    assert loaded_after(code) == []
    assert (tmp_path / "docs" / "record-of-processing.de.md").exists()
