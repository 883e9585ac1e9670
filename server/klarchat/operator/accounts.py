"""Staff accounts: a name, a display name the visitor reads, a role, an argon2id hash.

argon2-cffi's `PasswordHasher` holds the current recommended parameters; a hash made with
older ones is upgraded at the next successful login. Hashing takes tens of milliseconds on
purpose, so it runs in a worker thread, off the event loop that serves the chats.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from typing import Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from klarchat.clock import Clock
from klarchat.store.base import Store
from klarchat.store.records import OperatorRow

Role = Literal["operator", "admin"]
ROLES: tuple[Role, ...] = ("operator", "admin")
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
MIN_PASSWORD_CHARS = 12


class AccountError(ValueError):
    """A request to create or change an account that cannot be met, worded for the admin."""


@dataclass(frozen=True, slots=True)
class Account:
    username: str
    display_name: str
    role: Role

    def may(self, role: Role) -> bool:
        """An admin may do everything an operator may."""
        return self.role == "admin" or role == "operator"


class Accounts:
    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock
        self._hasher = PasswordHasher()
        # Verifying against this when the name is unknown costs what a real check costs,
        # so the answer's timing does not tell which names exist.
        self._decoy = self._hasher.hash("klarchat-decoy-password")

    async def create(self, username: str, display_name: str, role: str, password: str) -> Account:
        if not USERNAME.match(username):
            raise AccountError(
                "a user name is 1-64 of a-z 0-9 . _ -, starting with a letter or digit"
            )
        if role not in ROLES:
            raise AccountError(f"role must be one of: {', '.join(ROLES)}")
        if not display_name.strip():
            raise AccountError("the display name must not be empty: visitors read it")
        if len(password) < MIN_PASSWORD_CHARS:
            raise AccountError(f"the password needs at least {MIN_PASSWORD_CHARS} characters")
        hashed = await asyncio.to_thread(self._hasher.hash, password)
        row = OperatorRow(username, display_name.strip(), role, hashed, self._clock.now_ms())
        if not await self._store.add_operator(row):
            raise AccountError(f"the user {username!r} exists already")
        return Account(username, row.display_name, role)  # type: ignore[arg-type]

    async def set_password(self, username: str, password: str) -> None:
        if len(password) < MIN_PASSWORD_CHARS:
            raise AccountError(f"the password needs at least {MIN_PASSWORD_CHARS} characters")
        hashed = await asyncio.to_thread(self._hasher.hash, password)
        if not await self._store.set_operator_password(username, hashed):
            raise AccountError(f"there is no user {username!r}")

    async def delete(self, username: str) -> None:
        """Remove the account and end its sessions; its oversight rows stay (they prove
        what was done under the name)."""
        if not await self._store.delete_operator(username):
            raise AccountError(f"there is no user {username!r}")

    async def find(self, username: str) -> Account | None:
        row = await self._store.operator(username)
        return _account(row) if row else None

    async def authenticate(self, username: str, password: str) -> Account | None:
        row = await self._store.operator(username)
        hashed = row.password_hash if row else self._decoy
        if not await asyncio.to_thread(self._verify, hashed, password) or row is None:
            return None
        if self._hasher.check_needs_rehash(hashed):
            await self._store.set_operator_password(
                username, await asyncio.to_thread(self._hasher.hash, password)
            )
        return _account(row)

    def _verify(self, hashed: str, password: str) -> bool:
        try:
            return self._hasher.verify(hashed, password)
        except (VerificationError, InvalidHashError):
            return False


def _account(row: OperatorRow) -> Account:
    return Account(row.username, row.display_name, row.role)  # type: ignore[arg-type]
