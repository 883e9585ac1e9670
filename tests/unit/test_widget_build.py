"""The committed widget files in static/ are exactly what the widget sources build to.

The built files are committed so that `pip install .` needs no Node; this test keeps
them from drifting away from `widget/src/`.
"""

from __future__ import annotations

import base64
import hashlib
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUILT = ("klarchat.js", "klarchat-ui.de.js", "klarchat-ui.en.js", "klarchat-handoff.js")


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


def test_each_script_pins_the_next_with_its_hash() -> None:
    """Subresource Integrity: the loader carries the UI bundle's sha384, the UI bundle the
    handoff bundle's, so that pinning the loader pins everything that runs."""
    static = Path(__file__).resolve().parents[2] / "static"

    def sri(name: str) -> str:
        digest = hashlib.sha384((static / name).read_bytes()).digest()
        return "sha384-" + base64.b64encode(digest).decode()

    loader = (static / "klarchat.js").read_text(encoding="utf-8")
    for lang in ("de", "en"):
        ui = f"klarchat-ui.{lang}.js"
        assert sri(ui) in loader
        assert sri("klarchat-handoff.js") in (static / ui).read_text(encoding="utf-8")


def test_each_language_bundle_holds_only_its_own_words() -> None:
    static = ROOT / "static"
    german = (static / "klarchat-ui.de.js").read_text(encoding="utf-8")
    english = (static / "klarchat-ui.en.js").read_text(encoding="utf-8")
    assert "Zustimmen" in german and "Zustimmen" not in english
    assert "Accept" in english and "Accept" not in german
