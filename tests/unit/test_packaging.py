"""The wheel must carry the widget and both backends' migrations: `pip install .` is the
whole installation."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_built_wheel_contains_static_templates_and_migrations(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        timeout=300,
    )
    wheel = next(tmp_path.glob("klarchat-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in (
        "klarchat/static/klarchat.js",
        "klarchat/templates/demo.html",
        "klarchat/store/migrations/sqlite/0001_initial.py",
        "klarchat/store/migrations/postgres/0001_initial.sql",
        "klarchat/cli/__init__.py",
    ):
        assert expected in names, expected
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[klarchat.adapters]" in text and "offline = " in text
