"""The consent state of one purpose in one conversation, and its legal transitions.

Every transition lives in `_TRANSITIONS`; anything not listed there is an
`IllegalTransition`. That keeps rules such as "you can only withdraw what was given"
in one table instead of scattered through the connection handler.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ConsentState(StrEnum):
    NONE = "none"
    GIVEN = "given"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"


class Action(StrEnum):
    GIVEN = "given"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"


class IllegalTransition(Exception):
    def __init__(self, state: ConsentState, action: Action) -> None:
        super().__init__(f"cannot record '{action}' while consent is '{state}'")
        self.state = state
        self.action = action


_DECIDE = {Action.GIVEN: ConsentState.GIVEN, Action.DECLINED: ConsentState.DECLINED}

_TRANSITIONS: dict[ConsentState, dict[Action, ConsentState]] = {
    ConsentState.NONE: _DECIDE,
    ConsentState.DECLINED: _DECIDE,
    ConsentState.WITHDRAWN: _DECIDE,
    ConsentState.EXPIRED: _DECIDE,
    ConsentState.GIVEN: {
        Action.GIVEN: ConsentState.GIVEN,
        Action.WITHDRAWN: ConsentState.WITHDRAWN,
        Action.EXPIRED: ConsentState.EXPIRED,
    },
}


def next_state(state: ConsentState, action: Action) -> ConsentState:
    try:
        return _TRANSITIONS[state][action]
    except KeyError:
        raise IllegalTransition(state, action) from None


def action_for_choice(state: ConsentState, accepted: bool) -> Action:
    """An unticked box for a purpose that was given is a withdrawal, otherwise a refusal."""
    if accepted:
        return Action.GIVEN
    return Action.WITHDRAWN if state is ConsentState.GIVEN else Action.DECLINED


@dataclass(frozen=True, slots=True)
class PurposeConsent:
    state: ConsentState = ConsentState.NONE
    policy_version: str = ""
    since: str = ""
    """Ledger time (UTC, ms) of the event that led here; consent expires counted from it."""

    def apply(self, action: Action, policy_version: str, at: str = "") -> PurposeConsent:
        return PurposeConsent(next_state(self.state, action), policy_version, at)

    def is_active(self, current_version: str) -> bool:
        """Given, and for the policy the visitor sees now: older consent does not count."""
        return self.state is ConsentState.GIVEN and self.policy_version == current_version
