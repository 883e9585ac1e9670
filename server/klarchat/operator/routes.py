"""`/admin`: login and logout, the console page, its files and its JSON API."""

from __future__ import annotations

import secrets
from importlib.resources import files
from urllib.parse import urlencode

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from klarchat.operator import api
from klarchat.operator.accounts import Account
from klarchat.operator.admin_pages import routes as admin_routes
from klarchat.operator.auth import (
    COOKIE,
    LOGIN_COOKIE,
    current_login,
    require_login,
    same_origin,
    set_cookie,
    tokens_match,
)
from klarchat.operator.rendering import render
from klarchat.operator.texts import page_language

PACKAGE = files("klarchat.operator")


async def _attempt(request: Request, username: str, password: str) -> Account | Response:
    """Check a login under the throttle; an Account, or the refusal to send."""
    console = request.app.state.console
    wait = console.throttle.locked_for(username)
    if wait > 0:
        return JSONResponse(
            {"error": "locked", "message": f"Too many failed logins; try again in {wait:.0f} s."},
            status_code=429,
            headers={"Retry-After": str(int(wait) + 1)},
        )
    account = await console.accounts.authenticate(username, password)
    if account is None:
        console.throttle.failed(username)
        return JSONResponse(
            {"error": "wrong_login", "message": "Wrong user name or password."}, status_code=401
        )
    console.throttle.succeeded(username)
    return account


def _with_session(request: Request, response: Response, token: str) -> Response:
    set_cookie(response, request, request.app.state.services.settings.public_url, COOKIE, token)
    response.delete_cookie(LOGIN_COOKIE, path="/admin")
    return response


async def api_login(request: Request) -> Response:
    """Log in from a script: JSON `{username, password}`; a cross-site form cannot send
    JSON without a preflight, so the login needs no CSRF token of its own."""
    console = request.app.state.console
    if not request.headers.get("content-type", "").startswith("application/json"):
        return api.error("bad_request", "Send JSON.", 415)
    if not same_origin(request, console.origins):
        return api.error("csrf", "Cross-origin login refused.", 403)
    try:
        data = await api.body(request)
    except HTTPException:
        return api.error("bad_request", "Send {username, password}.", 400)
    username, password = data.get("username"), data.get("password")
    if not isinstance(username, str) or not isinstance(password, str):
        return api.error("bad_request", "Send {username, password}.", 400)
    result = await _attempt(request, username, password)
    if not isinstance(result, Account):
        return result
    token, csrf = await console.sessions.open(result)
    return _with_session(
        request,
        JSONResponse({"username": result.username, "role": result.role, "csrf": csrf}),
        token,
    )


async def login_page(request: Request) -> Response:
    lang = page_language(request)
    if request.method == "GET":
        return _login_form(request, lang)
    form = await request.form()
    username, password, csrf = (str(form.get(k, "")) for k in ("username", "password", "csrf"))
    console = request.app.state.console
    if not same_origin(request, console.origins) or not tokens_match(
        request.cookies.get(LOGIN_COOKIE), csrf
    ):
        return _login_form(request, lang, "csrf", 403)
    result = await _attempt(request, username, password)
    if not isinstance(result, Account):
        code = "locked" if result.status_code == 429 else "wrong_login"
        page = _login_form(request, lang, code, result.status_code, username)
        if "retry-after" in result.headers:
            page.headers["Retry-After"] = result.headers["retry-after"]
        return page
    token, _ = await console.sessions.open(result)
    return _with_session(
        request,
        RedirectResponse(f"/admin/console?{urlencode({'lang': lang})}", status_code=303),
        token,
    )


def _login_form(
    request: Request, lang: str, error: str | None = None, status: int = 200, username: str = ""
) -> Response:
    """The form with a fresh double-submit token: a cookie and the same value in a field."""
    token = secrets.token_urlsafe(32)
    response = render(
        request,
        "login.html",
        {"lang": lang, "csrf": token, "error": error, "username": username},
        status_code=status,
    )
    set_cookie(
        response, request, request.app.state.services.settings.public_url, LOGIN_COOKIE, token
    )
    return response


async def logout(request: Request) -> Response:
    login = await require_login(request, write=True)
    await request.app.state.console.sessions.close(login.token_sha256)
    await request.app.state.services.presence.set_available(login.account.username, False)
    response = RedirectResponse("/admin/login", status_code=303)
    response.delete_cookie(COOKIE, path="/admin")
    return response


async def home(request: Request) -> Response:
    login = await current_login(request)
    return RedirectResponse("/admin/console" if login else "/admin/login", status_code=303)


async def console_page(request: Request) -> Response:
    login = await current_login(request)
    if login is None:
        return RedirectResponse("/admin/login", status_code=303)
    return render(
        request,
        "console.html",
        {"lang": page_language(request), "account": login.account, "csrf": login.csrf},
    )


async def live_events(request: Request) -> Response:
    try:
        return await request.app.state.console.stream.respond(request)
    except HTTPException as exc:
        return api.error(str(exc.detail), str(exc.detail), exc.status_code)


def routes() -> list[BaseRoute]:
    conversation = "/admin/api/conversations/{conversation}"
    return [
        Route("/admin", home),
        Route("/admin/login", login_page, methods=["GET", "POST"]),
        Route("/admin/logout", logout, methods=["POST"]),
        Route("/admin/console", console_page),
        Route("/admin/api/login", api_login, methods=["POST"]),
        Route("/admin/api/me", api.me),
        Route("/admin/api/me/availability", api.availability, methods=["POST"]),
        Route("/admin/api/conversations", api.conversations),
        Route(conversation, api.conversation),
        Route(conversation + "/claim", api.claim, methods=["POST"]),
        Route(conversation + "/release", api.release, methods=["POST"]),
        Route(conversation + "/close", api.close, methods=["POST"]),
        Route(conversation + "/messages", api.send_message, methods=["POST"]),
        Route(conversation + "/reveal", api.reveal, methods=["POST"]),
        Route("/admin/api/events", live_events),
        *admin_routes,
        Mount("/admin/static", StaticFiles(directory=str(PACKAGE / "static"), check_dir=False)),
    ]
