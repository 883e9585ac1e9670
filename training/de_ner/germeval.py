"""Reading the GermEval 2014 files, and the one fixed split into training and validation.

The split goes by source document (the ``#`` line before each sentence), so
two sentences of one article never land on both sides; a document belongs to
the validation slice when the SHA-256 of its address ends in a byte below
``VALIDATION_SHARE * 256``. The validation slice is never trained on.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "germeval2014"
FILES = ("NER-de-dev.tsv", "NER-de-test.tsv")
VALIDATION_SHARE = 0.2
# Outer labels kept; derived and partial ones ("deutsche", "Merkel-Regierung") are not names.
KEPT = {"PER", "LOC", "ORG", "OTH"}


@dataclass(frozen=True)
class Sentence:
    source: str
    words: tuple[str, ...]
    labels: tuple[str, ...]  # BIO over KEPT, e.g. "B-PER"

    @property
    def validation(self) -> bool:
        return hashlib.sha256(self.source.encode()).digest()[-1] < VALIDATION_SHARE * 256


def _label(raw: str) -> str:
    if raw == "O":
        return "O"
    prefix, kind = raw.split("-", 1)
    return f"{prefix}-{kind}" if kind in KEPT else "O"


def sentences(corpus: Path = CORPUS) -> Iterator[Sentence]:
    for name in FILES:
        source, words, labels = "", [], []
        for line in (corpus / name).read_text(encoding="utf-8").splitlines():
            if line.startswith("#"):
                source = line.split("\t")[1] if "\t" in line else line
            elif not line.strip():
                if words:
                    yield Sentence(source, tuple(words), tuple(labels))
                words, labels = [], []
            else:
                columns = line.split("\t")
                words.append(columns[1])
                labels.append(_label(columns[2]))
        if words:
            yield Sentence(source, tuple(words), tuple(labels))


def spans(labels: tuple[str, ...], kind: str) -> list[tuple[int, int]]:
    """Word ranges [start, end) labelled ``kind``."""
    found, start = [], None
    for i, label in enumerate((*labels, "O")):
        if start is not None and label != f"I-{kind}":
            found.append((start, i))
            start = None
        if label == f"B-{kind}":
            start = i
    return found
