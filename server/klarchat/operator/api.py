"""The console's JSON API under `/admin/api/`: the page uses it, and so can a site owner's
scripts (README, *Operator console*). Every state-changing call needs the session's CSRF
token; every reading of a transcript and every reveal goes to the oversight log first.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import wraps
from typing import Any, Literal

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from klarchat.conversation.handoff import HandoffRefused, Staff
from klarchat.operator.auth import Login, require_login
from klarchat.operator.summaries import placeholders, summary, transcript
from klarchat.oversight import OversightAction
from klarchat.services import Services
from klarchat.sessions import Session

STATUS = {
    "unknown_conversation": 404,
    "no_consent": 403,
    "already_claimed": 409,
    "closed": 409,
    "not_claimed": 409,
    "reason_required": 400,
    "not_live": 410,
    "bad_request": 400,
    "busy": 409,
}
MAX_TEXT_CHARS = 4_000

Handler = Callable[[Request], Awaitable[Response]]


def error(code: str, message: str, status: int | None = None) -> JSONResponse:
    return JSONResponse({"error": code, "message": message}, status_code=status or STATUS[code])


def api(handler: Handler) -> Handler:
    """Refusals as JSON errors with a stable code, for the page and for scripts alike."""

    @wraps(handler)
    async def wrapped(request: Request) -> Response:
        try:
            return await handler(request)
        except HandoffRefused as exc:
            return error(exc.code, exc.message)
        except HTTPException as exc:
            return error(str(exc.detail), str(exc.detail), exc.status_code)

    return wrapped


def services_of(request: Request) -> Services:
    return request.app.state.services


def staff(login: Login) -> Staff:
    return Staff(login.account.username, login.account.display_name)


async def readable(svc: Services, conversation_id: str) -> Session:
    """A conversation staff may read: the visitor agreed to `human_support`; its lines."""
    session = await svc.handoffs.session(conversation_id)
    if not svc.handoffs.may_read(session):
        raise HandoffRefused("no_consent", "The visitor has not agreed that staff read along.")
    await svc.sessions.load_lines(session)
    return session


async def on_record(
    svc: Services, login: Login, action: OversightAction, session: Session, **detail: str
) -> None:
    """Append the staff action to the oversight log (who, what, when; never content)."""
    await svc.oversight.record(
        operator=login.account.username,
        operator_name=login.account.display_name,
        action=action,
        conversation=session.conversation_id,
        subject=session.subject,
        **detail,
    )


async def body(request: Request) -> dict[str, Any]:
    try:
        data = await request.json()
    except ValueError:
        raise HTTPException(400, "bad_request") from None
    if not isinstance(data, dict):
        raise HTTPException(400, "bad_request")
    return data


@api
async def me(request: Request) -> Response:
    login = await require_login(request)
    account = login.account
    return JSONResponse(
        {
            "username": account.username,
            "display_name": account.display_name,
            "role": account.role,
            "available": await services_of(request).presence.is_willing(account.username),
            "csrf": login.csrf,
        }
    )


@api
async def availability(request: Request) -> Response:
    login = await require_login(request, write=True)
    data = await body(request)
    if not isinstance(data.get("available"), bool):
        raise HTTPException(400, "bad_request")
    svc = services_of(request)
    await svc.presence.set_available(login.account.username, data["available"])
    await request.app.state.console.stream.operators_changed()
    return JSONResponse({"available": data["available"]})


@api
async def conversations(request: Request) -> Response:
    await require_login(request)
    svc = services_of(request)
    order = {"waiting": 0, "human": 1, "consent": 2, "ai": 3, "closed": 4}
    sessions = sorted(
        await svc.sessions.all(),
        key=lambda s: (order[s.handoff.state], s.handoff.waiting_since_ms or 0),
    )
    return JSONResponse(
        {
            "conversations": [summary(svc, session) for session in sessions],
            "operators_available": len(await svc.presence.available()),
        }
    )


@api
async def conversation(request: Request) -> Response:
    login = await require_login(request)
    svc = services_of(request)
    session = await readable(svc, request.path_params["conversation"])
    await on_record(svc, login, "view", session)
    return JSONResponse(
        {
            "conversation": summary(svc, session),
            "transcript": transcript(session),
            "placeholders": placeholders(session),
        }
    )


async def _act(request: Request, action: Literal["claim", "release", "close"]) -> Response:
    login = await require_login(request, write=True)
    svc = services_of(request)
    cid = request.path_params["conversation"]
    desk = svc.handoffs
    if action == "claim":
        session = await desk.claim(cid, staff(login))
    elif action == "release":
        session = await desk.release(cid, staff(login))
    else:
        session = await desk.close(cid, staff(login))
    await on_record(svc, login, action, session)
    return JSONResponse({"conversation": summary(svc, session)})


@api
async def claim(request: Request) -> Response:
    return await _act(request, "claim")


@api
async def release(request: Request) -> Response:
    return await _act(request, "release")


@api
async def close(request: Request) -> Response:
    return await _act(request, "close")


@api
async def send_message(request: Request) -> Response:
    login = await require_login(request, write=True)
    data = await body(request)
    text = data.get("text")
    if not isinstance(text, str) or not text.strip() or len(text) > MAX_TEXT_CHARS:
        raise HTTPException(400, "bad_request")
    svc = services_of(request)
    cid = request.path_params["conversation"]
    line = await svc.handoffs.say(cid, staff(login), text)
    await on_record(svc, login, "message", await svc.handoffs.session(cid))
    return JSONResponse(
        {"message": {"role": line.role, "author": line.author, "text": line.text, "at": line.at}}
    )


@api
async def reveal(request: Request) -> Response:
    """The original value behind a placeholder, for a reason that goes on the record."""
    login = await require_login(request, write=True)
    data = await body(request)
    svc = services_of(request)
    placeholder, reason = data.get("placeholder"), data.get("reason")
    minimum = svc.settings.operator.min_reveal_reason_chars
    if not isinstance(reason, str) or len(reason.strip()) < minimum:
        raise HandoffRefused("reason_required", f"Give a reason of at least {minimum} characters.")
    if not isinstance(placeholder, str):
        raise HTTPException(400, "bad_request")
    session = await readable(svc, request.path_params["conversation"])
    value = session.vault.original(placeholder)
    if value is None:
        raise HandoffRefused("not_live", "This value is no longer held.")
    entity_type = placeholder[1:-1].rsplit("_", 1)[0]
    await on_record(svc, login, "reveal", session, entity_type=entity_type, reason=reason.strip())
    return JSONResponse({"placeholder": placeholder, "entity_type": entity_type, "value": value})
