"""The policy version. Concurrent appends to the chain are tested on every backend in
tests/store/test_store_contract.py."""

from __future__ import annotations

from klarchat.config import Consent
from klarchat.consent.policy import Policy


def test_policy_version_changes_with_any_word() -> None:
    base = Consent()
    edited = base.model_copy(deep=True)
    edited.purposes["transcript"].text["en"] += " "
    assert Policy(base, ["de", "en"]).version != Policy(edited, ["de", "en"]).version
    assert Policy(base, ["de", "en"]).version == Policy(Consent(), ["de", "en"]).version
