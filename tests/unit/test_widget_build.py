"""The committed widget files in static/ are exactly what the widget sources build to.

The built files are committed so that `pip install .` needs no Node; this test keeps
them from drifting away from `widget/src/`.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUILT = ("klarchat.js", "klarchat-ui.js", "klarchat-handoff.js")


def test_static_matches_a_fresh_build(tmp_path: Path) -> None:
    widget = tmp_path / "widget"
    shutil.copytree(ROOT / "widget", widget, ignore=shutil.ignore_patterns("node_modules"))
    (widget / "node_modules").symlink_to(ROOT / "widget" / "node_modules")
    (tmp_path / "static").mkdir()
    subprocess.run(["node", "build.mjs"], cwd=widget, check=True, timeout=120, capture_output=True)
    for name in BUILT:
        fresh = (tmp_path / "static" / name).read_bytes()
        assert fresh == (ROOT / "static" / name).read_bytes(), (
            f"static/{name} is stale: run `npm run build` in widget/ and commit it"
        )
