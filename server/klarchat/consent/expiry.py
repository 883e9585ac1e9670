"""Consent does not last for ever: `consent.max_age_days` after it was given, it expires.

The age is counted from the ledger time of the `given` event that put the purpose into
its current state (giving consent again starts the count anew). An expired purpose is
recorded in the ledger as `expired` (the state machine allows that only from `given`)
and must be given again before anything that needs it is processed.

Pure functions of the session's consent and a moment, so that tests pass any `now`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta

from klarchat.clock import parse_iso
from klarchat.consent.state import ConsentState, PurposeConsent


def is_expired(consent: PurposeConsent, now: datetime, max_age: timedelta) -> bool:
    """Given, and given longer than `max_age` before `now`."""
    if consent.state is not ConsentState.GIVEN or not consent.since:
        return False
    return now - parse_iso(consent.since) > max_age


def expired_purposes(
    consent: Mapping[str, PurposeConsent], now: datetime, max_age: timedelta
) -> list[str]:
    """The purposes whose consent has run out at `now`, in their configured order."""
    return [purpose for purpose, state in consent.items() if is_expired(state, now, max_age)]
