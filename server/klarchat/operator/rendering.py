"""Rendering the console's pages: one Jinja2 environment and the headers every page carries.

The pages run under a strict Content Security Policy of their own: scripts and styles come
only from `/admin/static/`, nothing inline, nothing from elsewhere (not even `data:`
images), and no other site may frame them; `web/headers.py` adds the rest. They show
conversations and records, so no cache may keep them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from klarchat.operator.texts import texts

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
    ]
)

PAGE_HEADERS = {"Content-Security-Policy": CONTENT_SECURITY_POLICY, "Cache-Control": "no-store"}

templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
templates.env.globals["texts"] = texts


def render(
    request: Request, name: str, context: dict[str, Any], status_code: int = 200
) -> Response:
    """A page from `operator/templates/`; `context` needs `lang`, the rest is per page."""
    return templates.TemplateResponse(
        request, name, context, status_code=status_code, headers=PAGE_HEADERS
    )
