"""Write docs/protocol.schema.json from the frame models in klarchat/protocol.py.

    .venv/bin/python scripts/protocol_schema.py

A test fails while the committed file differs from what this writes.
"""

from __future__ import annotations

import json
from pathlib import Path

from klarchat.protocol import json_schema

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "docs" / "protocol.schema.json"


def render() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    SCHEMA_FILE.write_text(render(), encoding="utf-8")
    print(f"wrote {SCHEMA_FILE}")
