"""Plain HTTP endpoints: the demo page, the widget loader, the favicon, the health check
and the public signing key."""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from importlib.resources import files
from pathlib import Path

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

templates = Jinja2Templates(directory=str(files("klarchat") / "templates"))
CACHE_SCRIPTS = "public, max-age=300"
"""Five minutes, then revalidated: a new release reaches every page within minutes."""


def static_dir() -> Path:
    """Inside an installed wheel `static/` sits in the package; in a source tree, at the root."""
    packaged = Path(str(files("klarchat"))) / "static"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[3] / "static"


static_files = StaticFiles(directory=static_dir())
"""One instance for `/static`, the loader and the favicon: every embedding page asks for
the loader, so nothing is set up again per request."""


@cache
def loader_integrity() -> str:
    """The Subresource Integrity value of the loader as served: a site owner who puts it on
    the script tag runs exactly this version (the loader pins the bundles it loads). The
    file does not change while the server runs, so it is hashed once."""
    digest = hashlib.sha384((static_dir() / "klarchat.js").read_bytes()).digest()
    return "sha384-" + base64.b64encode(digest).decode("ascii")


async def demo_page(request: Request) -> Response:
    """Says when the built-in FAQ answers, so that nobody takes it for the AI they will get;
    shows the tag to embed with the loader's integrity hash."""
    adapter = request.app.state.services.settings.adapter
    return templates.TemplateResponse(
        request,
        "demo.html",
        {"lang": "de", "offline": adapter == "offline", "integrity": loader_integrity()},
    )


async def favicon(request: Request) -> Response:
    """Browsers ask for it on every page; a 404 each time is noise in every log."""
    response = await static_files.get_response("favicon.ico", request.scope)
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response


async def loader(request: Request) -> Response:
    """Through `StaticFiles`, so that a browser revalidating its copy gets 304 (ETag and
    Last-Modified), not the whole file again."""
    response = await static_files.get_response("klarchat.js", request.scope)
    response.headers["Cache-Control"] = CACHE_SCRIPTS
    return response


async def healthz(request: Request) -> Response:
    """200 while the server is up; `provider` says whether the LLM backend answered the
    latest question (`unknown` until one is asked), so a monitor can tell the two apart."""
    provider = request.app.state.services.provider_health.current
    body: dict[str, str] = {"status": "ok" if provider.state != "failing" else "degraded"}
    body["provider"] = provider.state
    if provider.state == "failing":
        body |= {"since": provider.since, "code": provider.code}
    return JSONResponse(body)


async def signing_key(request: Request) -> Response:
    """Public, so that a visitor or an auditor can check a receipt or checkpoint without
    having to trust this server later; cached, as the key changes only by hand."""
    key = request.app.state.services.signing_key
    return JSONResponse(key.public_document(), headers={"Cache-Control": "public, max-age=3600"})
