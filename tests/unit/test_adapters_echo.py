"""The echo adapter, which other tests rely on to predict deltas."""

from __future__ import annotations

import time

import pytest

from klarchat.adapters.base import AdapterConfigError, ChatMessage, ChatRequest
from klarchat.adapters.echo import EchoAdapter

REQUEST = ChatRequest(
    messages=(
        ChatMessage("system", "System prompt"),
        ChatMessage("user", "first"),
        ChatMessage("assistant", "answer"),
        ChatMessage("user", "Ich bin <PERSON_1>, hallo!"),
    ),
    language="de",
    conversation_id="c-1",
)


async def test_echoes_the_last_user_message_in_chunks() -> None:
    deltas = [delta async for delta in EchoAdapter({"chunk_chars": 5}).stream(REQUEST)]

    assert deltas == ["Ich b", "in <P", "ERSON", "_1>, ", "hallo", "!"]


async def test_default_chunk_size_is_eight_characters() -> None:
    deltas = [delta async for delta in EchoAdapter({}).stream(REQUEST)]

    assert deltas[0] == "Ich bin "


async def test_delay_ms_spaces_the_deltas() -> None:
    started = time.monotonic()

    deltas = [
        delta async for delta in EchoAdapter({"delay_ms": 30, "chunk_chars": 10}).stream(REQUEST)
    ]

    assert len(deltas) == 3
    assert time.monotonic() - started >= 0.06


async def test_request_without_user_message_yields_nothing() -> None:
    request = ChatRequest(
        messages=(ChatMessage("system", "x"),), language="en", conversation_id="c"
    )

    assert [delta async for delta in EchoAdapter({}).stream(request)] == []


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"chunk_chars": 0}, "adapters.echo.chunk_chars: Input should be greater than 0"),
        ({"delay_ms": "soon"}, "adapters.echo.delay_ms: Input should be a valid integer"),
        ({"delay": 5}, "adapters.echo.delay: Extra inputs are not permitted"),
    ],
)
def test_bad_options_name_the_key(options: dict[str, object], expected: str) -> None:
    with pytest.raises(AdapterConfigError) as caught:
        EchoAdapter(options)

    assert str(caught.value).startswith(expected)
