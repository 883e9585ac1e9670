"""A/B wording variants of the consent step (`consent.variants`).

A variant overrides the disclosure and purpose titles and texts, per language; whatever it
leaves out keeps the base wording. Each variant is turned into an ordinary `Policy` over
its effective texts, so its policy version is the hash of exactly what its visitors read
(two variants with different words never share a version), and everything that works
with a policy (ledger texts, receipts, `stale_policy`) works per variant unchanged.

A session draws its variant once, at `hello`, and keeps it on resume. Without configured
variants the variant is None and the base policy applies, as before variants existed.
"""

from __future__ import annotations

import random

from klarchat.config import Consent, Settings, Variant
from klarchat.consent.policy import Policy


def reworded(consent: Consent, variant: Variant) -> Consent:
    """The consent configuration as a variant's visitors see it."""
    effective = consent.model_copy(deep=True)
    effective.variants = {}
    effective.disclosure.update(variant.disclosure)
    for pid, wording in variant.purposes.items():
        effective.purposes[pid].title.update(wording.title)
        effective.purposes[pid].text.update(wording.text)
    return effective


class Variants:
    """The policy of each variant, and the draw that assigns one to a new session."""

    def __init__(self, settings: Settings, rng: random.Random | None = None) -> None:
        consent = settings.consent
        self.base = Policy.from_settings(settings)
        self._policies = {
            vid: Policy.from_settings(
                settings.model_copy(update={"consent": reworded(consent, variant)})
            )
            for vid, variant in consent.variants.items()
        }
        self._weights = [variant.weight for variant in consent.variants.values()]
        self._rng = rng or random.Random()

    @property
    def ids(self) -> list[str]:
        return list(self._policies)

    def pick(self) -> str | None:
        """A variant at random, in proportion to the weights; None when there are none."""
        if not self._policies:
            return None
        return self._rng.choices(self.ids, weights=self._weights)[0]

    def policy(self, variant: str | None) -> Policy:
        """The variant's policy; the base one for None or a variant no longer configured."""
        return self._policies.get(variant, self.base) if variant else self.base
