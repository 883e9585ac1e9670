"""The console's long-lived parts, built once per app beside `Services`: accounts, login
sessions, the login throttle and the live stream."""

from __future__ import annotations

from dataclasses import dataclass

from klarchat.operator.accounts import Accounts
from klarchat.operator.auth import LoginThrottle, OperatorSessions
from klarchat.operator.stream import LiveStream
from klarchat.services import Services


@dataclass(slots=True)
class Console:
    accounts: Accounts
    sessions: OperatorSessions
    throttle: LoginThrottle
    stream: LiveStream
    origins: set[str]

    @classmethod
    def start(cls, services: Services) -> Console:
        settings = services.settings
        accounts = Accounts(services.store, services.clock)
        return cls(
            accounts=accounts,
            sessions=OperatorSessions(services.store, services.clock, settings.operator, accounts),
            throttle=LoginThrottle(
                settings.operator.max_failed_logins,
                settings.operator.lockout_seconds,
                services.clock,
            ),
            stream=LiveStream(services),
            origins=settings.origins(),
        )
