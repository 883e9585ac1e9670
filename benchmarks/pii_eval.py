"""How well Klarchat finds personal data, next to stock Presidio, on a labelled set.

    python benchmarks/pii_eval.py [--data SET ...] [--no-stock] [--show-misses N]

With no ``--data`` every set is evaluated in one run, each beside stock Presidio,
and a summary table closes the output: the validation slice of the German
GermEval 2014 corpus (``germeval``: the documents never trained on, see
``training/de_ner/germeval.py``; needs ``../shared/corpora/germeval2014``), the
blind English set, the German prose set, the German customer-service sets and
the English development set. A SET is a JSONL file, one JSON record per line
(see ``benchmarks/pii_data/README.md``), or ``germeval``.
Each message goes through ``Redactor.find`` once; then, in the same process,
through Presidio's predefined recognizers with the same offline NLP engine
("stock"). For each detector the script prints a table per gold label, the
share of negative messages with a false positive, message-level scores per
special category, and the latency of one analysis. ``--show-misses N`` lists up
to N missed gold spans and N false positives per label, in context, and up to N
messages per category that were missed or wrongly flagged, for Klarchat (the
data is synthetic, so printing it is fine).

Matching rules
--------------
* A prediction's entity type is mapped to a gold label by ``TYPE_LABELS``
  (``LOCATION`` → ``ADDRESS``, ``DATE_TIME`` → ``DATE_OF_BIRTH``, …). A type
  missing from the table has no label, so it can never be right.
* A prediction *matches* a gold span when the character ranges overlap and the
  mapped label equals the gold label. Overlap, not exact boundaries: leaving
  "Herr" outside a name or taking the "#" of "#558812" in changes nothing.
* precision of label L: predictions mapped to L that match a gold span, over
  all predictions mapped to L. Unmapped types (e.g. ``DE_KFZ``) get a row of
  their own; all their predictions that match no gold span are false positives.
* recall of L: gold spans of L matched by at least one prediction.
* F2 (beta = 2) weighs recall four times as much as precision: a missed value
  leaks to the language model, an extra placeholder only costs readability.
* covered: gold spans whose characters all lie inside predictions of any entity
  type. A phone number found as a customer number is a miss for recall but does
  not leak; this column shows what reaches the model.
* Special-category types (``HEALTH``, ``RELIGION``, …) are not entity
  predictions: they are neither false positives nor coverage. Their lower-cased
  type is compared per message with the record's ``categories``.
* A negative message (``"negative": true``, no personal data) counts as failed
  when any entity prediction in it matches no gold span.
* person placeholder without a person: of the messages with no PERSON span, the
  share in which a PERSON prediction matches no gold span (the over-redaction
  that changes an answer most). In the GermEval slice a sentence counts as
  negative when it names no person (it may name places and organisations).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from presidio_analyzer import RecognizerRegistry

DATA = Path(__file__).resolve().parent / "pii_data"
GERMEVAL = "germeval"
DEFAULT_SETS = (
    GERMEVAL,
    str(DATA / "en_strangers.jsonl"),
    str(DATA / "de_prose.jsonl"),
    str(DATA / "de_holdout.jsonl"),
    str(DATA / "de.jsonl"),
    str(DATA / "en.jsonl"),
)
BETA = 2.0
WARM_UP_MESSAGES = 10
MID_LENGTH = (250, 350)
CONTEXT_CHARS = 30

# The one place where detector types meet gold labels.
TYPE_LABELS: dict[str, str] = {
    "PERSON": "PERSON",
    "EMAIL_ADDRESS": "EMAIL_ADDRESS",
    "PHONE_NUMBER": "PHONE_NUMBER",
    "IBAN_CODE": "IBAN_CODE",
    "CREDIT_CARD": "CREDIT_CARD",
    "LOCATION": "ADDRESS",
    "DATE_OF_BIRTH": "DATE_OF_BIRTH",
    # Stock Presidio has no birth-date type; its dates are its only chance at one
    # (and each delivery date it finds is then a false positive).
    "DATE_TIME": "DATE_OF_BIRTH",
    "IP_ADDRESS": "IP_ADDRESS",
    "URL": "URL",
    "DE_TAX_ID": "DE_TAX_ID",
    "DE_SOCIAL_SECURITY": "DE_SOCIAL_SECURITY",
    "DE_HEALTH_INSURANCE": "DE_HEALTH_INSURANCE",
    "DE_ID_CARD": "DE_ID_CARD",
    "DE_PASSPORT": "DE_PASSPORT",
    "ORDER_NUMBER": "ORDER_NUMBER",
    "CUSTOMER_NUMBER": "CUSTOMER_NUMBER",
}
CATEGORY_TYPES: dict[str, str] = {
    "HEALTH": "health",
    "RELIGION": "religion",
    "ETHNIC_ORIGIN": "ethnic_origin",
    "POLITICAL_OPINION": "political_opinion",
    "SEXUAL_ORIENTATION": "sexual_orientation",
    "TRADE_UNION": "trade_union",
    "BIOMETRIC": "biometric",
    "GENETIC": "genetic",
}
GOLD_LABELS = tuple(dict.fromkeys(TYPE_LABELS.values()))


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str


@dataclass(frozen=True)
class Prediction:
    start: int
    end: int
    entity_type: str

    @property
    def label(self) -> str | None:
        return TYPE_LABELS.get(self.entity_type)

    @property
    def is_category(self) -> bool:
        return self.entity_type in CATEGORY_TYPES


@dataclass(frozen=True)
class Record:
    id: str
    language: str
    text: str
    spans: tuple[Span, ...]
    categories: frozenset[str]
    negative: bool

    @classmethod
    def from_json(cls, line: str) -> Record:
        raw = json.loads(line)
        return cls(
            id=raw["id"],
            language=raw["language"],
            text=raw["text"],
            spans=tuple(Span(s["start"], s["end"], s["label"]) for s in raw["spans"]),
            categories=frozenset(raw["categories"]),
            negative=raw["negative"],
        )


Detector = Callable[[str, str], list[Prediction]]


# --------------------------------------------------------------------------
# Scoring


def matches(prediction: Prediction, gold: Span) -> bool:
    """Overlapping ranges and the prediction's type maps to the gold label."""
    overlap = prediction.start < gold.end and gold.start < prediction.end
    return overlap and prediction.label == gold.label


def is_covered(gold: Span, predictions: Sequence[Prediction]) -> bool:
    """Every character of ``gold`` lies inside some prediction, whatever its type."""
    reached = gold.start
    for prediction in sorted(predictions, key=lambda p: p.start):
        if prediction.start > reached:
            break
        reached = max(reached, prediction.end)
    return reached >= gold.end


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def f_beta(precision: float | None, recall: float | None, beta: float = BETA) -> float | None:
    """F-score weighting recall ``beta`` times; undefined when either input is."""
    if precision is None or recall is None:
        return None
    if precision == 0 and recall == 0:
        return 0.0
    weight = beta * beta
    return (1 + weight) * precision * recall / (weight * precision + recall)


@dataclass
class Counts:
    """Tallies behind one table row; for categories ``gold``/``predicted`` count messages."""

    gold: int = 0
    recalled: int = 0
    covered: int = 0
    predicted: int = 0
    correct: int = 0

    def add(self, other: Counts) -> None:
        self.gold += other.gold
        self.recalled += other.recalled
        self.covered += other.covered
        self.predicted += other.predicted
        self.correct += other.correct

    @property
    def precision(self) -> float | None:
        return ratio(self.correct, self.predicted)

    @property
    def recall(self) -> float | None:
        return ratio(self.recalled, self.gold)

    @property
    def f2(self) -> float | None:
        return f_beta(self.precision, self.recall)

    @property
    def covered_share(self) -> float | None:
        return ratio(self.covered, self.gold)


@dataclass
class Outcome:
    """What went wrong in one message."""

    record: Record
    predictions: list[Prediction]
    missed: list[Span] = field(default_factory=list)
    false_positives: list[Prediction] = field(default_factory=list)


def score_record(
    record: Record, predictions: Sequence[Prediction], rows: dict[str, Counts]
) -> Outcome:
    """Add one message's tallies to ``rows`` (keyed by gold label or unmapped type)."""
    entities = [p for p in predictions if not p.is_category]
    outcome = Outcome(record, list(predictions))
    for gold in record.spans:
        row = rows.setdefault(gold.label, Counts())
        row.gold += 1
        if any(matches(p, gold) for p in entities):
            row.recalled += 1
        else:
            outcome.missed.append(gold)
        row.covered += is_covered(gold, entities)
    for prediction in entities:
        row = rows.setdefault(prediction.label or prediction.entity_type, Counts())
        row.predicted += 1
        if any(matches(prediction, gold) for gold in record.spans):
            row.correct += 1
        else:
            outcome.false_positives.append(prediction)
    return outcome


def category_counts(
    records: Sequence[Record], predictions: Sequence[Sequence[Prediction]]
) -> dict[str, Counts]:
    """Per category, message-level: gold messages, predicted messages, both."""
    rows = {category: Counts() for category in CATEGORY_TYPES.values()}
    for record, found in zip(records, predictions, strict=True):
        predicted = {CATEGORY_TYPES[p.entity_type] for p in found if p.is_category}
        for category, row in rows.items():
            in_gold, in_found = category in record.categories, category in predicted
            row.gold += in_gold
            row.predicted += in_found
            row.correct += in_gold and in_found
            row.recalled += in_gold and in_found
    return rows


@dataclass
class Scores:
    rows: dict[str, Counts]
    outcomes: list[Outcome]
    categories: dict[str, Counts]

    @property
    def total(self) -> Counts:
        total = Counts()
        for row in self.rows.values():
            total.add(row)
        return total

    def failed_negatives(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.record.negative and o.false_positives]

    def stray_persons(self) -> tuple[int, int]:
        """Messages without a PERSON span that got a PERSON anyway, and how many lack one."""
        without = [
            o for o in self.outcomes if all(span.label != "PERSON" for span in o.record.spans)
        ]
        stray = sum(any(p.label == "PERSON" for p in o.false_positives) for o in without)
        return stray, len(without)

    @property
    def reports_categories(self) -> bool:
        return any(row.predicted for row in self.categories.values())


def score(records: Sequence[Record], predictions: Sequence[Sequence[Prediction]]) -> Scores:
    rows: dict[str, Counts] = {}
    outcomes = [
        score_record(record, found, rows)
        for record, found in zip(records, predictions, strict=True)
    ]
    return Scores(rows, outcomes, category_counts(records, predictions))


# --------------------------------------------------------------------------
# Running the detectors


@dataclass
class Run:
    name: str
    predictions: list[list[Prediction]]
    latencies_ms: list[float]


def run_detector(name: str, detector: Detector, records: Sequence[Record]) -> Run:
    """One timed analysis per message, after a few untimed ones that pay lazy costs."""
    for record in records[:WARM_UP_MESSAGES]:
        detector(record.text, record.language)
    predictions, latencies = [], []
    for record in records:
        started = time.perf_counter()
        predictions.append(detector(record.text, record.language))
        latencies.append((time.perf_counter() - started) * 1000)
    return Run(name, predictions, latencies)


# Presidio and Klarchat are imported where the detectors are built: the scoring
# above can then be imported (and unit-tested) without loading either, and the
# stock registry can be loaded before Klarchat's recognizers exist.


def klarchat_detector(languages: list[str]) -> tuple[Detector, float]:
    """``Redactor.find``, and the score threshold the Redactor applies."""
    from klarchat.privacy.redactor import Redactor

    redactor = Redactor(languages=languages)

    def detect(text: str, language: str) -> list[Prediction]:
        return [Prediction(r.start, r.end, r.entity_type) for r in redactor.find(text, language)]

    return detect, redactor.score_threshold


def stock_registry(languages: list[str]) -> RecognizerRegistry:
    """Presidio's predefined recognizers, loaded before Klarchat's are imported.

    Presidio finds a predefined recognizer by class name among all subclasses of
    ``EntityRecognizer``: a Klarchat class of the same name, once imported, could be
    picked instead. The assertion below keeps the comparison honest.
    """
    import tldextract
    from presidio_analyzer import RecognizerRegistry

    # EmailRecognizer calls tldextract.extract, whose default instance downloads
    # the public suffix list; the snapshot shipped in the package must do.
    tldextract.extract = tldextract.TLDExtract(
        suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True
    )
    registry = RecognizerRegistry(supported_languages=languages)
    registry.load_predefined_recognizers(languages=languages)
    foreign = [r.name for r in registry.recognizers if not _is_presidio_class(r)]
    assert not foreign, f"stock registry holds non-Presidio recognizers: {foreign}"
    return registry


def stock_detector(
    registry: RecognizerRegistry, languages: list[str], score_threshold: float
) -> Detector:
    """The stock recognizers on Klarchat's offline NLP engine and score threshold.

    Overlaps are resolved as Klarchat resolves its own, so both detectors are
    judged on what would actually be replaced.
    """
    from presidio_analyzer import AnalyzerEngine

    from klarchat.privacy.nlp_engine import BlankSpacyNlpEngine
    from klarchat.privacy.redactor import resolve_overlaps

    analyzer = AnalyzerEngine(
        registry=registry,
        nlp_engine=BlankSpacyNlpEngine(languages),
        supported_languages=languages,
        default_score_threshold=score_threshold,
    )

    def detect(text: str, language: str) -> list[Prediction]:
        found = resolve_overlaps(analyzer.analyze(text, language=language))
        return [Prediction(r.start, r.end, r.entity_type) for r in found]

    return detect


def _is_presidio_class(recognizer: object) -> bool:
    return type(recognizer).__module__.startswith("presidio_analyzer.")


# --------------------------------------------------------------------------
# Printing


def fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def entity_table(scores: Scores) -> list[str]:
    ordered = [label for label in GOLD_LABELS if label in scores.rows]
    ordered += sorted(key for key in scores.rows if key not in GOLD_LABELS)
    names = {key: key if key in GOLD_LABELS else f"{key} (no label)" for key in ordered}
    width = max(22, *(len(name) + 2 for name in names.values()))
    header = (
        f"{'label':<{width}}{'gold':>6}{'pred':>6}{'prec':>7}{'recall':>8}{'F2':>7}{'covered':>9}"
    )
    lines = [header, "-" * len(header)]
    rows = [(names[key], scores.rows[key]) for key in ordered] + [("all", scores.total)]
    for name, row in rows:
        if name == "all":
            lines.append("-" * len(header))
        lines.append(
            f"{name:<{width}}{row.gold:>6}{row.predicted:>6}{fmt(row.precision):>7}"
            f"{fmt(row.recall):>8}{fmt(row.f2):>7}{fmt(row.covered_share):>9}"
        )
    return lines


def negatives_line(scores: Scores) -> str:
    negatives = sum(o.record.negative for o in scores.outcomes)
    failed = scores.failed_negatives()
    share = fmt(ratio(len(failed), negatives))
    types = Counter(p.entity_type for o in failed for p in o.false_positives)
    by_type = ", ".join(f"{t} {n}" for t, n in types.most_common()) or "none"
    return (
        f"negative messages with a false positive: {len(failed)} of {negatives} "
        f"(share {share}); false positives there by type: {by_type}"
    )


def stray_persons_line(scores: Scores) -> str:
    stray, without = scores.stray_persons()
    return (
        f"messages without a person that got a person placeholder: {stray} of {without} "
        f"(share {fmt(ratio(stray, without))})"
    )


def category_table(scores: Scores) -> list[str]:
    if not scores.reports_categories:
        return ["special categories: the detector reports none"]
    header = f"{'category':<22}{'gold':>6}{'pred':>6}{'prec':>7}{'recall':>8}"
    lines = ["special categories (per message):", header, "-" * len(header)]
    for category, row in scores.categories.items():
        lines.append(
            f"{category:<22}{row.gold:>6}{row.predicted:>6}"
            f"{fmt(row.precision):>7}{fmt(row.recall):>8}"
        )
    return lines


def percentiles(values: Sequence[float]) -> str:
    if len(values) < 2:
        return f"too few messages (n={len(values)})"
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return f"p50 {cuts[49]:.1f} ms, p95 {cuts[94]:.1f} ms (n={len(values)})"


def latency_lines(run: Run, records: Sequence[Record]) -> list[str]:
    low, high = MID_LENGTH
    mid = [
        ms
        for ms, record in zip(run.latencies_ms, records, strict=True)
        if low <= len(record.text) <= high
    ]
    return [
        f"latency per message: {percentiles(run.latencies_ms)}",
        f"latency, messages of {low}–{high} chars: {percentiles(mid)}",
    ]


def in_context(text: str, start: int, end: int) -> str:
    """The value in ⟦brackets⟧ with some text either side, on one line."""
    left = text[max(0, start - CONTEXT_CHARS) : start]
    right = text[end : end + CONTEXT_CHARS]
    return f"…{left}⟦{text[start:end]}⟧{right}…".replace("\n", "⏎")


def misses_lines(scores: Scores, limit: int) -> list[str]:
    """Up to ``limit`` missed gold spans and false positives per label, in context."""
    missed: dict[str, list[str]] = {}
    wrong: dict[str, list[str]] = {}
    for outcome in scores.outcomes:
        text = outcome.record.text
        for gold in outcome.missed:
            overlapping = [
                p.entity_type
                for p in outcome.predictions
                if p.start < gold.end and gold.start < p.end
            ]
            found = f"  [found as {', '.join(overlapping)}]" if overlapping else ""
            line = f"  {outcome.record.id}  {in_context(text, gold.start, gold.end)}{found}"
            missed.setdefault(gold.label, []).append(line)
        for prediction in outcome.false_positives:
            line = f"  {outcome.record.id}  {in_context(text, prediction.start, prediction.end)}"
            wrong.setdefault(prediction.label or prediction.entity_type, []).append(line)
    lines: list[str] = []
    for title, groups in (("missed", missed), ("false positives", wrong)):
        for label, entries in sorted(groups.items()):
            lines.append(f"{title} {label} ({min(limit, len(entries))} of {len(entries)}):")
            lines.extend(entries[:limit])
    return lines


def category_misses_lines(scores: Scores, limit: int) -> list[str]:
    """Up to ``limit`` messages per category that were missed or wrongly flagged.

    A missed category has no span to point at, so the message's opening is
    shown; a wrong one is shown at the words that raised it.
    """
    missed: dict[str, list[str]] = {}
    wrong: dict[str, list[str]] = {}
    for outcome in scores.outcomes:
        record, text = outcome.record, outcome.record.text
        raised: dict[str, list[Prediction]] = {}
        for prediction in outcome.predictions:
            if prediction.is_category:
                raised.setdefault(CATEGORY_TYPES[prediction.entity_type], []).append(prediction)
        for category in sorted(record.categories - raised.keys()):
            opening = text[: 4 * CONTEXT_CHARS].replace("\n", "⏎")
            missed.setdefault(category, []).append(f"  {record.id}  {opening}…")
        for category in sorted(raised.keys() - record.categories):
            first = raised[category][0]
            line = f"  {record.id}  {in_context(text, first.start, first.end)}"
            wrong.setdefault(category, []).append(line)
    lines: list[str] = []
    for title, groups in (("missed category", missed), ("wrong category", wrong)):
        for category, entries in sorted(groups.items()):
            lines.append(f"{title} {category} ({min(limit, len(entries))} of {len(entries)}):")
            lines.extend(entries[:limit])
    return lines


def report(run: Run, records: Sequence[Record], show_misses: int) -> Scores:
    scores = score(records, run.predictions)
    lines = [f"== {run.name} ==", *entity_table(scores), "", negatives_line(scores)]
    lines.append(stray_persons_line(scores))
    lines += ["", *category_table(scores), "", *latency_lines(run, records)]
    if show_misses:
        lines += ["", *misses_lines(scores, show_misses)]
        lines += category_misses_lines(scores, show_misses)
    print("\n".join(lines) + "\n")
    return scores


# --------------------------------------------------------------------------


def load(name: str) -> list[Record]:
    if name == GERMEVAL:
        return germeval_records()
    with Path(name).open(encoding="utf-8") as lines:
        return [Record.from_json(line) for line in lines if line.strip()]


_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "“", "'", "%"}
_NO_SPACE_AFTER = {"(", "[", "„", "\""}


def germeval_records() -> list[Record]:
    """The validation slice of GermEval 2014 as records with PERSON spans.

    Tokens are joined with the spaces a writer would put between them, so the
    text reads like prose and the tokenizer sees it as a visitor's message.
    """
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training" / "de_ner"))
    from germeval import sentences, spans

    records = []
    for number, sentence in enumerate(s for s in sentences() if s.validation):
        text, starts, ends = "", [], []
        for i, word in enumerate(sentence.words):
            glue = i and word not in _NO_SPACE_BEFORE and sentence.words[i - 1] not in _NO_SPACE_AFTER
            text += " " if glue else ""
            starts.append(len(text))
            text += word
            ends.append(len(text))
        people = tuple(
            Span(starts[first], ends[last - 1], "PERSON")
            for first, last in spans(sentence.labels, "PER")
        )
        records.append(
            Record(f"ge-{number:04d}", "de", text, people, frozenset(), not people)
        )
    return records


@dataclass
class Summary:
    """One line of the closing table: the figures the issue asks for, per set and detector."""

    data: str
    detector: str
    scores: Scores
    run: Run

    def cells(self) -> list[str]:
        def recall(label: str) -> str:
            row = self.scores.rows.get(label)
            return fmt(row.recall) if row and row.gold else "–"

        stray, without = self.scores.stray_persons()
        negatives = sum(o.record.negative for o in self.scores.outcomes)
        cuts = statistics.quantiles(self.run.latencies_ms, n=100, method="inclusive")
        return [
            self.data,
            self.detector,
            recall("PERSON"),
            recall("ADDRESS"),
            recall("PHONE_NUMBER"),
            recall("CREDIT_CARD"),
            fmt(self.scores.total.recall),
            fmt(ratio(stray, without)),
            fmt(ratio(len(self.scores.failed_negatives()), negatives)),
            f"{cuts[49]:.1f}/{cuts[94]:.1f}",
        ]


def summary_table(summaries: Sequence[Summary]) -> str:
    header = [
        "set", "detector", "person", "address", "phone", "card", "all",
        "stray-person", "neg-altered", "p50/p95 ms",
    ]  # fmt: skip
    rows = [header, *(s.cells() for s in summaries)]
    widths = [max(len(row[i]) for row in rows) + 2 for i in range(len(header))]
    lines = ["".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "-" * len(lines[0]))
    return "== summary: recall per type, stray person placeholders, altered negatives ==\n" + "\n".join(lines)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data",
        action="append",
        help=f"a JSONL evaluation set or {GERMEVAL!r}; repeat for several (default: all sets)",
    )
    parser.add_argument("--no-stock", action="store_true", help="skip stock Presidio")
    parser.add_argument(
        "--show-misses",
        type=int,
        default=0,
        metavar="N",
        help="print up to N misses and N false positives per label (Klarchat)",
    )
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    sets = {name: load(name) for name in args.data or DEFAULT_SETS}
    languages = sorted({r.language for records in sets.values() for r in records})
    registry = None if args.no_stock else stock_registry(languages)
    klarchat, threshold = klarchat_detector(languages)
    stock = None if registry is None else stock_detector(registry, languages, threshold)
    if stock is not None:
        print(
            "Stock Presidio: predefined recognizers, Klarchat's blank NLP engine, score "
            f"threshold {threshold}. The spaCy NER model that gives stock Presidio its "
            "PERSON and LOCATION cannot be installed from the package registries, so stock "
            "runs without NER.\n"
        )
    summaries = []
    for name, records in sets.items():
        label = Path(name).stem
        print(
            f"{name}: {len(records)} messages ({sum(r.negative for r in records)} negative), "
            f"languages {', '.join(sorted({r.language for r in records}))}\n"
        )
        run = run_detector(f"Klarchat on {label}: Redactor.find", klarchat, records)
        summaries.append(Summary(label, "Klarchat", report(run, records, args.show_misses), run))
        if stock is not None:
            run = run_detector(f"Stock Presidio on {label}", stock, records)
            summaries.append(Summary(label, "stock", report(run, records, 0), run))
    print(summary_table(summaries))


if __name__ == "__main__":
    main()
