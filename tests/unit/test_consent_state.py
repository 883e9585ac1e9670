"""The consent state machine: legal transitions only, and what an unticked box means."""

from __future__ import annotations

import itertools

import pytest

from klarchat.consent.state import (
    Action,
    ConsentState,
    IllegalTransition,
    PurposeConsent,
    action_for_choice,
    next_state,
)

LEGAL = {
    (ConsentState.NONE, Action.GIVEN): ConsentState.GIVEN,
    (ConsentState.NONE, Action.DECLINED): ConsentState.DECLINED,
    (ConsentState.DECLINED, Action.GIVEN): ConsentState.GIVEN,
    (ConsentState.DECLINED, Action.DECLINED): ConsentState.DECLINED,
    (ConsentState.WITHDRAWN, Action.GIVEN): ConsentState.GIVEN,
    (ConsentState.WITHDRAWN, Action.DECLINED): ConsentState.DECLINED,
    (ConsentState.EXPIRED, Action.GIVEN): ConsentState.GIVEN,
    (ConsentState.EXPIRED, Action.DECLINED): ConsentState.DECLINED,
    (ConsentState.GIVEN, Action.GIVEN): ConsentState.GIVEN,
    (ConsentState.GIVEN, Action.WITHDRAWN): ConsentState.WITHDRAWN,
    (ConsentState.GIVEN, Action.EXPIRED): ConsentState.EXPIRED,
}


@pytest.mark.parametrize(("state", "action"), list(itertools.product(ConsentState, Action)))
def test_every_pair_is_either_legal_or_an_error(state: ConsentState, action: Action) -> None:
    if (state, action) in LEGAL:
        assert next_state(state, action) is LEGAL[(state, action)]
    else:
        with pytest.raises(IllegalTransition):
            next_state(state, action)


def test_unticking_a_given_purpose_is_a_withdrawal() -> None:
    assert action_for_choice(ConsentState.GIVEN, False) is Action.WITHDRAWN
    assert action_for_choice(ConsentState.NONE, False) is Action.DECLINED
    assert action_for_choice(ConsentState.WITHDRAWN, False) is Action.DECLINED
    assert action_for_choice(ConsentState.DECLINED, True) is Action.GIVEN


def test_consent_to_an_older_policy_is_not_active() -> None:
    consent = PurposeConsent().apply(Action.GIVEN, "v1")
    assert consent.is_active("v1")
    assert not consent.is_active("v2")
    assert not consent.apply(Action.WITHDRAWN, "v1").is_active("v1")
