"""The example pages for site owners are exactly the host pages the browser tests run on."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.host_pages import EXAMPLE_CHAT_ORIGIN, render_host_page, strict_csp

pytestmark = pytest.mark.browser

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.parametrize(("name", "csp"), [("host.html", False), ("strict-csp.html", True)])
def test_example_page_is_the_tested_host_page(name: str, csp: bool) -> None:
    expected = render_host_page(EXAMPLE_CHAT_ORIGIN, csp=csp)
    assert (EXAMPLES / name).read_text(encoding="utf-8") == expected, (
        f"examples/{name} differs from tests/support/host_pages.py; regenerate it with "
        f"render_host_page({EXAMPLE_CHAT_ORIGIN!r}, csp={csp})"
    )


def test_strict_csp_example_states_its_policy() -> None:
    text = (EXAMPLES / "strict-csp.html").read_text(encoding="utf-8")
    policy = strict_csp(EXAMPLE_CHAT_ORIGIN)
    assert policy == (
        "default-src 'none'; script-src http://127.0.0.1:8000; style-src http://127.0.0.1:8000; "
        "connect-src ws://127.0.0.1:8000; img-src http://127.0.0.1:8000"
    )
    assert f"Content-Security-Policy: {policy}" in text
    assert f'content="{policy}"' in text
