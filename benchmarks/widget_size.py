"""Size of the built widget: raw and gzip (level 9) bytes of the loader and the chat UI.

    python benchmarks/widget_size.py

One line per file: path, raw bytes, gzip bytes, the gzip aim in bytes, and "ok" or
"over". The loader is what every visitor of a site downloads; the UI only those who
open the chat; the handoff only those who ask for a person. Exit code 0 when all meet
their aim, 1 otherwise.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AIMS = {
    "static/klarchat.js": 1536,  # 1.5 KB gzip
    "static/klarchat-ui.de.js": 12288,  # 12 KB gzip, the German chat UI
    "static/klarchat-ui.en.js": 12288,  # 12 KB gzip, the English chat UI
    "static/klarchat-handoff.js": 5120,  # 5 KB gzip, loaded only when a person is asked for
}


def main() -> int:
    all_ok = True
    for name, aim in AIMS.items():
        data = (ROOT / name).read_bytes()
        packed = len(gzip.compress(data, compresslevel=9, mtime=0))
        ok = packed <= aim
        all_ok &= ok
        print(f"{name} {len(data)} {packed} {aim} {'ok' if ok else 'over'}")
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
