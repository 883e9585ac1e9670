"""`trusted_proxies`: a typo must fail at start-up, not silently trust nobody or everybody."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from klarchat.config import Settings


def test_no_proxy_is_trusted_by_default() -> None:
    assert Settings().trusted_proxies == []


def test_addresses_and_networks_are_taken() -> None:
    entries = ["127.0.0.1", "::1", "10.0.0.0/8", "fd00::/8"]
    assert Settings(trusted_proxies=entries).trusted_proxies == entries


@pytest.mark.parametrize("entry", ["localhost", "127.0.0.256", "*", "10.0.0.0/33", ""])
def test_anything_else_is_refused(entry: str) -> None:
    with pytest.raises(ValidationError, match="trusted_proxies"):
        Settings(trusted_proxies=[entry])
