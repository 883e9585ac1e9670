"""Chat sessions in the shared database, so that any instance can continue any chat.

The database holds each session's state (`LiveSessionRow`), its redacted lines, numbered
per conversation, and its pseudonym map, both sealed with a key derived from the
visitor's session token (`session_keys`): the visitor's socket, on whichever instance it
lands, brings the token and so opens the session. Consent is never kept here: it is read
from the ledger (`refresh_consent`), so a withdrawal recorded by any instance counts on
every other at the next read.

A `Session` is one instance's working copy; what others may have changed (handoff state,
vault, consent, new lines) is re-read when the bus says so. A session ends `idle_seconds`
after it was last seen or `resume_seconds` after it began, whichever comes first: the
leader instance deletes it with its lines (`end_expired`).

Nothing here holds an original value in clear outside this process's memory.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Literal

from klarchat.adapters.base import ChatMessage
from klarchat.clock import Clock
from klarchat.consent.state import ConsentState, PurposeConsent
from klarchat.identity import Identities
from klarchat.privacy.vault import Vault
from klarchat.session_keys import seal, session_key, unseal
from klarchat.store.base import Store
from klarchat.store.records import ConsentEventRow, LineRow, LiveSessionRow

HandoffStateName = Literal["ai", "consent", "waiting", "human", "closed"]
Role = Literal["visitor", "ai", "person"]
TOUCH_EVERY_MS = 15_000
"""How often activity is written back: the idle window is minutes, a write per frame waste."""
EXPIRY_EVERY_SECONDS = 5
"""How often the leader deletes the sessions past their window (`end_expired`); the
compliance documents state it."""
_VAULT, _LINE, _KEY = "vault", "line", "session key"


@dataclass(slots=True)
class HandoffState:
    """Who answers the conversation: the AI, or a person at the operator console."""

    state: HandoffStateName = "ai"
    operator: str | None = None
    """The user name of the operator who claimed it (state `human`)."""
    operator_name: str | None = None
    waiting_since_ms: int | None = None
    """Wall-clock milliseconds when the visitor asked for a person (state `waiting`)."""


@dataclass(frozen=True, slots=True)
class Line:
    """One message of the conversation as staff may read it: redacted text only."""

    role: Role
    author: str
    text: str
    at: str
    seq: int = 0


@dataclass(slots=True)
class Session:
    token: str
    """The visitor's token; empty in a copy loaded for staff."""
    subject: str
    conversation_id: str
    lang: str
    consent: dict[str, PurposeConsent]
    key: bytes | None = None
    """Opens the vault and the lines; None where they may not be read (staff, no consent)."""
    vault: Vault = field(default_factory=Vault)
    vault_version: int = 0
    lines: list[Line] = field(default_factory=list)
    last_seq: int = 0
    """Every line up to this number is in `lines` (or was forgotten)."""
    variant: str | None = None
    """The consent wording variant drawn at `hello`; kept on resume."""
    handoff: HandoffState = field(default_factory=HandoffState)
    entities: dict[str, int] = field(default_factory=dict)
    """How many values of each type were redacted so far (counts only)."""
    started_at: str = ""
    last_activity_at: str = ""
    created_ms: int = 0
    seen_ms: int = 0

    def consent_for(self, purpose: str) -> PurposeConsent:
        return self.consent.get(purpose, PurposeConsent())

    @property
    def history(self) -> list[ChatMessage]:
        """The redacted conversation as the responder reads it, in the order of the numbers."""
        return [
            ChatMessage("user" if line.role == "visitor" else "assistant", line.text)
            for line in sorted(self.lines, key=lambda line: line.seq)
        ]


def consent_from_ledger(latest: dict[str, ConsentEventRow]) -> dict[str, PurposeConsent]:
    """Each purpose's state as the newest ledger row says."""
    return {
        purpose: PurposeConsent(ConsentState(row.action), row.policy_version, row.at)
        for purpose, row in latest.items()
    }


class SessionExpired(Exception):
    """The session's row is gone (ended, erased): its connection must start afresh."""


class LiveSessions:
    def __init__(
        self,
        store: Store,
        identities: Identities,
        clock: Clock,
        *,
        idle_seconds: float,
        resume_seconds: float,
        staff_key: bytes,
    ) -> None:
        self._store = store
        self._ids = identities
        self._clock = clock
        self._idle_ms = int(idle_seconds * 1000)
        self._resume_ms = int(min(resume_seconds * 1000, 2**62))
        self._staff_key = staff_key

    # -- the visitor's side ---------------------------------------------------------------

    async def create(self, lang: str, variant: str | None) -> Session:
        token = self._ids.new_token()
        conversation = self._ids.conversation(token)
        now = self._clock.epoch_ms()
        session = Session(
            token=token,
            subject=self._ids.subject(token),
            conversation_id=conversation,
            lang=lang,
            consent={},
            key=session_key(token, conversation),
            variant=variant,
            started_at=self._clock.now_ms(),
            created_ms=now,
            seen_ms=now,
        )
        await self._insert(session)
        return session

    async def resume(self, token: str) -> Session | None:
        """The session a token resumes, on any instance; None once it has ended."""
        conversation = self._ids.conversation(token)
        row = await self._store.live_session(conversation)
        if row is None or not self._current(row):
            return None
        session = self._from_row(row, token=token, key=session_key(token, conversation))
        await self.refresh_consent(session)
        await self.touch(session, force=True)
        return session

    def _current(self, row: LiveSessionRow) -> bool:
        now = self._clock.epoch_ms()
        return row.seen_ms >= now - self._idle_ms and row.created_ms >= now - self._resume_ms

    async def refresh_consent(self, session: Session) -> None:
        session.consent = consent_from_ledger(await self._store.latest_consent(session.subject))

    async def touch(self, session: Session, *, force: bool = False) -> None:
        now = self._clock.epoch_ms()
        if force or now - session.seen_ms >= TOUCH_EVERY_MS:
            session.seen_ms = now
            await self._store.touch_live_session(session.conversation_id, now)

    # -- staff's side ---------------------------------------------------------------------

    async def for_staff(self, conversation: str, *, read: bool = True) -> Session | None:
        """A copy for the console: state and counts always; with `read`, the key to the
        lines and the vault too, while the visitor agrees that staff read along (the
        staff-sealed key is there)."""
        row = await self._store.live_session(conversation)
        if row is None or not self._current(row):
            return None
        key = (
            unseal(self._staff_key, row.staff_key, conversation, _KEY)
            if read and row.staff_key is not None
            else None
        )
        session = self._from_row(row, token="", key=key)
        await self.refresh_consent(session)
        return session

    async def all(self) -> list[Session]:
        """Every current session, as state and counts (the console's list): no key."""
        since = self._clock.epoch_ms() - self._idle_ms
        rows = await self._store.live_sessions(since)
        return [self._from_row(row, token="", key=None) for row in rows if self._current(row)]

    async def let_staff_read(self, session: Session, allowed: bool) -> None:
        """Keep the session key sealed for staff while `human_support` is given; drop it
        the moment it is not."""
        wrapped = None
        if allowed and session.key is not None:
            wrapped = seal(self._staff_key, session.key, session.conversation_id, _KEY)
        await self._store.set_staff_key(session.conversation_id, wrapped)

    # -- shared by both sides -------------------------------------------------------------

    def _from_row(self, row: LiveSessionRow, *, token: str, key: bytes | None) -> Session:
        session = Session(
            token=token,
            subject=row.subject,
            conversation_id=row.conversation,
            lang=row.lang,
            consent={},
            key=key,
            vault_version=row.vault_version,
            last_seq=row.last_seq,
            variant=row.variant,
            handoff=HandoffState(
                row.handoff_state,  # type: ignore[arg-type]
                row.operator,
                row.operator_name,
                row.waiting_since_ms,
            ),
            entities=dict(row.entities),
            started_at=row.started_at,
            last_activity_at=row.last_activity_at,
            created_ms=row.created_ms,
            seen_ms=row.seen_ms,
        )
        if key is not None and row.vault:
            session.vault = Vault.loads(unseal(key, row.vault, row.conversation, _VAULT))
        return session

    async def load_lines(self, session: Session) -> None:
        """All lines the database holds, when the key opens them (resume, staff reading)."""
        if session.key is not None:
            session.lines = await self.lines_after(session, 0)
            if session.lines:
                session.last_seq = max(session.last_seq, session.lines[-1].seq)

    async def lines_after(self, session: Session, seq: int) -> list[Line]:
        assert session.key is not None, "lines are read only with the session key"
        return [
            Line(
                row.role,  # type: ignore[arg-type]
                row.author,
                unseal(session.key, row.sealed, session.conversation_id, _LINE).decode("utf-8"),
                row.at,
                row.seq,
            )
            for row in await self._store.lines(session.conversation_id, seq)
        ]

    async def add_line(
        self,
        session: Session,
        role: Role,
        author: str,
        text: str,
        entities: dict[str, int] | None = None,
    ) -> Line:
        """Number, seal and store one redacted line. The copy's `last_seq` stays: lines of
        other instances may have been numbered in between (`Connection.catch_up`)."""
        assert session.key is not None, "lines are written only with the session key"
        at = self._clock.now_ms()
        sealed = seal(session.key, text.encode("utf-8"), session.conversation_id, _LINE)
        row = LineRow(session.conversation_id, 0, role, author, at, sealed)
        try:
            seq = await self._store.append_line(row, entities)
        except LookupError:
            await self._revive(session)
            seq = await self._store.append_line(row, entities)
        line = Line(role, author, text, at, seq)
        session.lines.append(line)
        session.last_activity_at = at
        for kind, count in (entities or {}).items():
            session.entities[kind] = session.entities.get(kind, 0) + count
        return line

    def _seal_vault(self, session: Session) -> bytes:
        assert session.key is not None, "the vault is sealed only with the session key"
        return seal(session.key, session.vault.dumps(), session.conversation_id, _VAULT)

    async def save_vault(self, session: Session) -> bool:
        """Write the vault back unless another instance changed it meanwhile (then False:
        reload and redo)."""
        saved = await self._store.save_vault(
            session.conversation_id, self._seal_vault(session), session.vault_version
        )
        if saved:
            session.vault_version += 1
        return saved

    async def reload(self, session: Session) -> None:
        """Re-read what other instances may have changed: handoff, vault, counts, consent."""
        row = await self._store.live_session(session.conversation_id)
        if row is None:
            await self._revive(session)
            return
        fresh = self._from_row(row, token=session.token, key=session.key)
        session.handoff = fresh.handoff
        session.entities = fresh.entities
        session.last_activity_at = fresh.last_activity_at
        if fresh.vault_version != session.vault_version:
            session.vault, session.vault_version = fresh.vault, fresh.vault_version
        await self.refresh_consent(session)

    async def _revive(self, session: Session) -> None:
        """A visitor still connected whose session the leader ended (its window passed
        while the socket stayed open, or the clock jumped): the connection's copy is
        written back, so the chat goes on. The lines the leader deleted stay deleted.
        A staff copy never revives a session."""
        if not session.token:
            raise SessionExpired(session.conversation_id)
        session.created_ms = session.seen_ms = self._clock.epoch_ms()
        session.vault_version = 0
        await self._insert(session)

    async def _insert(self, session: Session) -> None:
        """Write the copy as a new row: a new session, or one written back."""
        handoff = session.handoff
        await self._store.add_live_session(
            LiveSessionRow(
                conversation=session.conversation_id,
                subject=session.subject,
                lang=session.lang,
                variant=session.variant,
                created_ms=session.created_ms,
                seen_ms=session.seen_ms,
                started_at=session.started_at,
                last_activity_at=session.last_activity_at or session.started_at,
                entities=dict(session.entities),
                handoff_state=handoff.state,
                operator=handoff.operator,
                operator_name=handoff.operator_name,
                waiting_since_ms=handoff.waiting_since_ms,
                vault=self._seal_vault(session),
                vault_version=session.vault_version,
                staff_key=None,
                last_seq=session.last_seq,
            )
        )

    async def set_handoff(
        self, session: Session, state: HandoffState, *, from_states: Collection[str]
    ) -> bool:
        """Compare and set across instances: True if this call made the change."""
        changed = await self._store.set_handoff(
            session.conversation_id,
            (state.state, state.operator, state.operator_name, state.waiting_since_ms),
            from_states=from_states,
        )
        if changed:
            session.handoff = state
        return changed

    async def forget_chat(self, session: Session) -> None:
        """What withdrawal of `ai_chat` demands: no pseudonym map, no lines kept."""
        session.vault = Vault()
        session.lines.clear()
        empty = self._seal_vault(session) if session.key is not None else b""
        await self._store.forget_live_chat(session.conversation_id, empty)
        session.vault_version += 1

    async def end_expired(self) -> list[LiveSessionRow]:
        """Delete every session past its idle or resume window (the leader's job)."""
        now = self._clock.epoch_ms()
        return await self._store.end_live_sessions(
            seen_before_ms=now - self._idle_ms, created_before_ms=now - self._resume_ms
        )
