"""The console speaks German and English with the same keys, and picks the language from
`?lang=`, then `Accept-Language`, else German."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.requests import Request

from klarchat.operator.texts import TEXTS, page_language


def keys(tree: dict[str, Any], prefix: str = "") -> set[str]:
    found = set()
    for key, value in tree.items():
        found.add(prefix + key)
        if isinstance(value, dict):
            found |= keys(value, f"{prefix}{key}.")
    return found


def test_both_languages_have_every_text() -> None:
    assert keys(TEXTS["de"]) == keys(TEXTS["en"])


def request(query: str = "", accept: str = "") -> Request:
    headers = [(b"accept-language", accept.encode())] if accept else []
    return Request({"type": "http", "query_string": query.encode(), "headers": headers})


@pytest.mark.parametrize(
    ("query", "accept", "lang"),
    [
        ("lang=en", "de-DE", "en"),
        ("lang=fr", "en-GB,en;q=0.8", "en"),
        ("", "fr-FR, en-US;q=0.5", "en"),
        ("", "de-AT", "de"),
        ("", "fr", "de"),
        ("", "", "de"),
    ],
)
def test_language_choice(query: str, accept: str, lang: str) -> None:
    assert page_language(request(query, accept)) == lang
