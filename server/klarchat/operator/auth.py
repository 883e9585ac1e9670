"""Login sessions, the lockout after failed logins, and CSRF protection for the console.

A session is a random token in an HttpOnly, SameSite=Strict cookie; the database keeps
only its SHA-256, so a copy of the file logs nobody in. Each session has its own CSRF
token, which every state-changing request must repeat (header `X-CSRF-Token` or form field
`csrf`); SameSite already keeps other sites' requests from carrying the cookie, the token
also covers browsers and proxies that do not honour it. A request whose `Origin` is not
this server's is refused as well.

Failed logins lock a name for a while, doubling with every further failure. The count is
kept in memory only (per name, never per address) and forgotten at a successful login.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from klarchat.clock import Clock
from klarchat.config import Operator
from klarchat.operator.accounts import Account, Accounts, Role
from klarchat.store.base import Store
from klarchat.store.records import OperatorSessionRow

COOKIE = "klarchat_admin"
LOGIN_COOKIE = "klarchat_login"
COOKIE_PATH = "/admin"
CSRF_HEADER = "x-csrf-token"
MAX_LOCK_SECONDS = 3600.0


def _sha256(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


@dataclass(slots=True)
class _Failures:
    count: int = 0
    locked_until: float = 0.0


@dataclass(slots=True)
class LoginThrottle:
    max_failures: int
    lock_seconds: float
    clock: Clock
    _by_name: dict[str, _Failures] = field(default_factory=dict)

    def locked_for(self, username: str) -> float:
        """Seconds until the name may try again; 0 when it may now."""
        failures = self._by_name.get(username)
        if failures is None:
            return 0.0
        return max(0.0, failures.locked_until - self.clock.monotonic())

    def failed(self, username: str) -> float:
        """Count a failure; returns the lock now in force (0 below the threshold)."""
        failures = self._by_name.setdefault(username, _Failures())
        failures.count += 1
        over = failures.count - self.max_failures
        if over >= 0:
            seconds = min(self.lock_seconds * 2**over, MAX_LOCK_SECONDS)
            failures.locked_until = self.clock.monotonic() + seconds
        return self.locked_for(username)

    def succeeded(self, username: str) -> None:
        self._by_name.pop(username, None)


@dataclass(frozen=True, slots=True)
class Login:
    """A logged-in request: who, and the session's CSRF token."""

    account: Account
    csrf: str
    token_sha256: str


class OperatorSessions:
    def __init__(self, store: Store, clock: Clock, settings: Operator, accounts: Accounts) -> None:
        self._store = store
        self._clock = clock
        self._idle_ms = settings.session_idle_minutes * 60_000
        self._max_ms = settings.session_hours * 3_600_000
        self._accounts = accounts

    def _now(self) -> int:
        return int(self._clock.now().timestamp() * 1000)

    async def open(self, account: Account) -> tuple[str, str]:
        """A new session: (cookie token, CSRF token). Sessions left idle too long by
        anybody are swept out on the way, so the table never grows without bound."""
        await self._store.delete_operator_sessions(before_ms=self._now() - self._idle_ms)
        token, csrf, now = secrets.token_urlsafe(32), secrets.token_urlsafe(32), self._now()
        await self._store.add_operator_session(
            OperatorSessionRow(_sha256(token), account.username, csrf, now, now)
        )
        return token, csrf

    async def find(self, token: str) -> Login | None:
        """The session's login if it is alive; an expired one is deleted on the way."""
        key = _sha256(token)
        row = await self._store.operator_session(key)
        if row is None:
            return None
        now = self._now()
        if now - row.seen_at_ms > self._idle_ms or now - row.created_at_ms > self._max_ms:
            await self._store.delete_operator_sessions(token_sha256=key)
            return None
        account = await self._accounts.find(row.username)
        if account is None:
            return None
        await self._store.touch_operator_session(key, now)
        return Login(account, row.csrf, key)

    async def close(self, token_sha256: str) -> None:
        await self._store.delete_operator_sessions(token_sha256=token_sha256)


def is_tls(request: Request, public_url: str) -> bool:
    return request.url.scheme in ("https", "wss") or public_url.startswith("https://")


def set_cookie(
    response: Response, request: Request, public_url: str, name: str, value: str
) -> None:
    response.set_cookie(
        name,
        value,
        path=COOKIE_PATH,
        httponly=True,
        samesite="strict",
        secure=is_tls(request, public_url),
    )


def same_origin(request: Request, allowed: set[str]) -> bool:
    """A browser's `Origin` must be this server (or a configured public address); requests
    without one (scripts, curl) rely on the token alone."""
    origin = request.headers.get("origin")
    if origin is None:
        return True
    own = f"{request.url.scheme}://{request.url.netloc}"
    return origin.rstrip("/") in allowed | {own} and urlsplit(origin).scheme in ("http", "https")


def tokens_match(given: str | None, expected: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


async def current_login(request: Request) -> Login | None:
    token = request.cookies.get(COOKIE)
    if not token:
        return None
    return await request.app.state.console.sessions.find(token)


async def require_login(request: Request, *, role: Role = "operator", write: bool = False) -> Login:
    """The request's login, or 401 (none, expired), 403 (role; or a write without the
    session's CSRF token or from another origin)."""
    login = await current_login(request)
    if login is None:
        raise HTTPException(401, "login_required")
    if not login.account.may(role):
        raise HTTPException(403, "forbidden")
    if write:
        console = request.app.state.console
        if not same_origin(request, console.origins) or not tokens_match(
            await _csrf_given(request), login.csrf
        ):
            raise HTTPException(403, "csrf")
    return login


async def require_account(
    request: Request, *, role: Role = "operator", write: bool = False
) -> Account:
    return (await require_login(request, role=role, write=write)).account


async def _csrf_given(request: Request) -> str | None:
    header = request.headers.get(CSRF_HEADER)
    if header is not None:
        return header
    if request.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        form = await request.form()
        value = form.get("csrf")
        return value if isinstance(value, str) else None
    return None
