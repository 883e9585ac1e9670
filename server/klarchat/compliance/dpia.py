"""The DPIA screening (GDPR Art. 35): which criteria the configuration meets.

Three sources of criteria, as German data-protection officers use them: the cases of
Art. 35(3); the list of the German supervisory authorities (DSK, "Muss-Liste" of
processing that always needs a DPIA), whose item 11 is AI that steers the interaction
with data subjects, for example customer support; and the nine criteria of the EDPB's
guidelines (WP 248 rev.01), of which two or more make a DPIA likely.

Each criterion gets an answer from the facts ("yes", "no") or is left to the operator
("open"), who knows the scale, the audience and the alternatives. The indication is a
reasoned hint for the DPO, never a verdict: the document is a checklist they sign.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from klarchat.compliance.facts import Facts

Answer = Literal["yes", "no", "open"]
# Two or more of the EDPB criteria make a DPIA likely (WP 248 rev.01, III.B.a).
EDPB_THRESHOLD = 2


@dataclass(frozen=True, slots=True)
class Criterion:
    source: Literal["art35", "dsk", "edpb", "extra"]
    id: str
    answer: Answer


@dataclass(frozen=True, slots=True)
class Screening:
    criteria: list[Criterion]

    def by_source(self, source: str) -> list[Criterion]:
        return [c for c in self.criteria if c.source == source]

    @property
    def reasons(self) -> list[Criterion]:
        """What points to a DPIA: an Art. 35(3) case, a DSK list item, or enough EDPB
        criteria together (the extra risk factors inform, they do not decide)."""
        listed = [c for c in self.criteria if c.source in ("art35", "dsk") and c.answer == "yes"]
        edpb = [c for c in self.by_source("edpb") if c.answer == "yes"]
        return listed + (edpb if listed or len(edpb) >= EDPB_THRESHOLD else [])

    @property
    def likely_required(self) -> bool:
        return bool(self.reasons)

    @property
    def edpb_yes(self) -> int:
        return sum(c.answer == "yes" for c in self.by_source("edpb"))


def screen(facts: Facts) -> Screening:
    sensitive: Answer = "yes" if facts.notes() else "no"
    # Special categories reach the provider; whether "on a large scale" only the operator knows.
    special_large_scale: Answer = "open" if facts.notes() else "no"
    ai: Answer = "yes" if facts.provider.is_ai_model else "no"
    abroad: Answer = "yes" if facts.transfers else "no"
    if abroad == "no" and facts.provider.where == "unknown":
        abroad = "open"
    return Screening(
        [
            Criterion("art35", "profiling", "no"),
            Criterion("art35", "special_large_scale", special_large_scale),
            Criterion("art35", "public_monitoring", "no"),
            Criterion("dsk", "ai_interaction", ai),
            Criterion("edpb", "evaluation", "no"),
            Criterion("edpb", "automated_decision", "no"),
            Criterion("edpb", "systematic_monitoring", "no"),
            Criterion("edpb", "sensitive_data", sensitive),
            Criterion("edpb", "large_scale", "open"),
            Criterion("edpb", "matching", "no"),
            Criterion("edpb", "vulnerable", "open"),
            Criterion("edpb", "innovative", "yes"),
            Criterion("edpb", "prevents_service", "open"),
            Criterion("extra", "third_country", abroad),
        ]
    )
