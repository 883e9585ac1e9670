"""Train the German entity model that Klarchat ships, and report on the validation slice.

    python training/de_ner/train.py [--iterations 150] [--c1 0.05] [--c2 0.02]

Needs the GermEval 2014 files in ``../shared/corpora/germeval2014`` (beside the
repository) and Klarchat installed (for the features). Trains on every sentence
outside the validation slice (see ``germeval.py``), writes
``server/klarchat/privacy/data/de_ner.crfsuite`` and prints, for a range of
thresholds, person-name recall and precision on the validation slice and the
share of its sentences without a person that get a person anyway. Training
takes a few minutes on one core.
"""

from __future__ import annotations

import argparse
import importlib
import random
import time
from pathlib import Path

import pycrfsuite
from germeval import Sentence, sentences, spans

from klarchat.privacy.gazetteer import surnames
from klarchat.privacy.ner_features import sentence_features
from klarchat.privacy.ner_model import MODEL_FILE, EntityModel, runs

OUT = Path(__file__).resolve().parents[2] / "server" / "klarchat" / "privacy" / MODEL_FILE
SURNAMES = sorted(surnames())
FIRST_NAMES = sorted(
    name
    for locale in ("de_DE", "en_GB", "tr_TR", "pl_PL", "it_IT", "hr_HR", "ru_RU", "vi_VN", "fr_FR")
    for name in importlib.import_module(f"faker.providers.person.{locale}").Provider.first_names
    if len(name) > 2 and " " not in name
)
ONSETS = ("b", "br", "d", "f", "g", "h", "k", "kr", "l", "m", "n", "p", "r", "s", "sch", "st",
          "t", "v", "w", "z", "j", "ch", "dr", "gr", "tr", "")  # fmt: skip
VOWELS = ("a", "e", "i", "o", "u", "ä", "ö", "ü", "ei", "au", "ie", "y")
ENDINGS = ("", "er", "mann", "ski", "ić", "ov", "ez", "i", "a", "sen", "el", "ke", "ow", "uk",
           "an", "oğlu", "ner", "ing", "ton", "s")  # fmt: skip
COPIES = 2
THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7)


def with_other_names(sentence: Sentence, rng: random.Random) -> Sentence:
    """The sentence with each person swapped for a name from elsewhere, same number of words.

    The corpus names about 1,900 people, most of them famous; visitors are not. Swapping
    in first names and surnames of many origins (and surnames that are also nouns, such
    as "Fischer") teaches the model where names stand rather than which names exist.
    """
    words = list(sentence.words)
    for start, end in spans(sentence.labels, "PER"):
        if end - start == 1:
            words[start] = surname(rng) if rng.random() < 0.75 else rng.choice(FIRST_NAMES)
        else:
            words[start] = rng.choice(FIRST_NAMES)
            for i in range(start + 1, end):
                words[i] = surname(rng)
    return Sentence(sentence.source, tuple(words), sentence.labels)


def surname(rng: random.Random) -> str:
    """A listed surname, or half of the time one made up, so that no list is needed to spot it."""
    if rng.random() < 0.5:
        return rng.choice(SURNAMES)
    syllables = rng.randint(1, 3)
    stem = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(syllables))
    return (stem + rng.choice(ENDINGS)).capitalize()


def train(training: list[Sentence], *, iterations: int, c1: float, c2: float) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    rng = random.Random(20141)
    for sentence in training:
        trainer.append(sentence_features(sentence.words), list(sentence.labels))
        if spans(sentence.labels, "PER"):
            for _ in range(COPIES):
                swapped = with_other_names(sentence, rng)
                trainer.append(sentence_features(swapped.words), list(swapped.labels))
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": iterations,
            "feature.possible_transitions": True,
            "feature.minfreq": 2,
        }
    )
    trainer.train(str(OUT))


def report(model: EntityModel, validation: list[Sentence], kind: str = "PER") -> None:
    probabilities = [model.probabilities(s.words, kind) for s in validation]
    gold = [spans(s.labels, kind) for s in validation]
    without = [i for i, g in enumerate(gold) if not g]
    print(f"validation: {len(validation)} sentences, {sum(map(len, gold))} {kind} spans, "
          f"{len(without)} sentences without one")
    print("threshold  recall  precision  sentences-without-flagged")
    for threshold in THRESHOLDS:
        found = [runs(p, threshold) for p in probabilities]
        hit = sum(
            any(s < ge and gs < e for s, e in f) for f, g in zip(found, gold, strict=True) for gs, ge in g
        )
        right = sum(
            any(s < ge and gs < e for gs, ge in g) for f, g in zip(found, gold, strict=True) for s, e in f
        )
        predicted = sum(map(len, found))
        flagged = sum(bool(found[i]) for i in without)
        print(f"{threshold:9.2f}  {hit / max(1, sum(map(len, gold))):6.3f}  "
              f"{right / max(1, predicted):9.3f}  {flagged / max(1, len(without)):6.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--c1", type=float, default=0.05)
    parser.add_argument("--c2", type=float, default=0.02)
    args = parser.parse_args()
    corpus = list(sentences())
    training = [s for s in corpus if not s.validation]
    validation = [s for s in corpus if s.validation]
    started = time.perf_counter()
    train(training, iterations=args.iterations, c1=args.c1, c2=args.c2)
    print(f"trained on {len(training)} sentences in {time.perf_counter() - started:.0f} s "
          f"-> {OUT} ({OUT.stat().st_size / 1e6:.1f} MB)")
    report(EntityModel(OUT), validation)


if __name__ == "__main__":
    main()
