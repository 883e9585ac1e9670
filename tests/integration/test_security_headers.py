"""Every route answers with the security headers its kind of content needs: a strict
policy and no framing for the server's own pages, embeddable and never sniffed for the
scripts, no referrer anywhere; the loader answers a revalidation with 304."""

from __future__ import annotations

import httpx
import pytest

from tests.support.server import RunningServer

PAGES = [
    "/",
    "/privacy",
    "/privacy?lang=en",
    "/healthz",
    "/.well-known/klarchat-signing-key",
    "/admin/login",
]
SCRIPTS = ["/klarchat.js", "/static/klarchat-ui.de.js", "/static/klarchat-handoff.js"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_have_a_strict_policy_and_cannot_be_framed(
    echo_server: RunningServer, path: str
) -> None:
    response = httpx.get(echo_server.origin + path)
    assert response.status_code == 200, path
    headers = response.headers
    policy = headers["content-security-policy"]
    assert "default-src 'none'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"


@pytest.mark.parametrize("path", SCRIPTS)
def test_scripts_are_embeddable_typed_and_cached_briefly(
    echo_server: RunningServer, path: str
) -> None:
    response = httpx.get(echo_server.origin + path)
    assert response.status_code == 200
    headers = response.headers
    assert headers["content-type"].startswith("text/javascript")
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["cross-origin-resource-policy"] == "cross-origin"
    assert headers["cache-control"] == "public, max-age=300"
    assert "content-security-policy" not in headers
    assert "x-frame-options" not in headers


@pytest.mark.parametrize("path", SCRIPTS)
def test_a_revalidation_gets_304(echo_server: RunningServer, path: str) -> None:
    first = httpx.get(echo_server.origin + path)
    again = httpx.get(echo_server.origin + path, headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
    assert again.content == b""
    since = httpx.get(
        echo_server.origin + path, headers={"If-Modified-Since": first.headers["last-modified"]}
    )
    assert since.status_code == 304
