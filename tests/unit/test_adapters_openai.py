"""The OpenAI-compatible adapter against a real local HTTP server, without mocks."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import aclosing
from typing import Any

import pytest

from klarchat.adapters.base import AdapterConfigError, AdapterError, ChatMessage, ChatRequest
from klarchat.adapters.openai_compatible import OpenAICompatibleAdapter
from tests.support.fake_provider import FakeProvider

PROMPT = "Ich bin <PERSON_1> und frage nach dem Versand."

MakeAdapter = Callable[..., OpenAICompatibleAdapter]


def chat_request(text: str = PROMPT) -> ChatRequest:
    return ChatRequest(
        messages=(ChatMessage("system", "Du bist ein Shop-Assistent."), ChatMessage("user", text)),
        language="de",
        conversation_id="c-1",
    )


async def collect(stream: AsyncIterator[str]) -> list[str]:
    return [delta async for delta in stream]


@pytest.fixture
def provider() -> Iterator[FakeProvider]:
    with FakeProvider() as fake:
        yield fake


@pytest.fixture
async def make_adapter(
    provider: FakeProvider, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[MakeAdapter]:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    adapters: list[OpenAICompatibleAdapter] = []

    def make(**options: Any) -> OpenAICompatibleAdapter:
        adapter = OpenAICompatibleAdapter(
            {"base_url": provider.base_url, "model": "llama3.1", **options}
        )
        adapters.append(adapter)
        return adapter

    yield make
    for adapter in adapters:
        await adapter.aclose()


async def test_stream_reassembles_the_reply(
    provider: FakeProvider, make_adapter: MakeAdapter
) -> None:
    provider.reply_text = "Der Versand dauert zwei bis drei Werktage. Grüße!"
    provider.chunk_chars = 4

    deltas = await collect(make_adapter().stream(chat_request()))

    assert "".join(deltas) == provider.reply_text
    assert len(deltas) > 1


async def test_request_body_is_a_streaming_chat_completion(
    provider: FakeProvider, make_adapter: MakeAdapter
) -> None:
    await collect(make_adapter().stream(chat_request()))

    assert provider.requests == [
        {
            "model": "llama3.1",
            "messages": [
                {"role": "system", "content": "Du bist ein Shop-Assistent."},
                {"role": "user", "content": PROMPT},
            ],
            "stream": True,
        }
    ]
    assert provider.headers[0]["accept"] == "text/event-stream"


async def test_optional_sampling_options_are_sent(
    provider: FakeProvider, make_adapter: MakeAdapter
) -> None:
    await collect(make_adapter(temperature=0.2, max_tokens=300).stream(chat_request()))

    body = provider.requests[0]
    assert (body["temperature"], body["max_tokens"]) == (0.2, 300)


async def test_no_authorization_header_without_a_key(
    provider: FakeProvider, make_adapter: MakeAdapter
) -> None:
    await collect(make_adapter().stream(chat_request()))

    assert "authorization" not in provider.headers[0]


async def test_api_key_is_sent_as_bearer_token(
    provider: FakeProvider, make_adapter: MakeAdapter
) -> None:
    await collect(make_adapter(api_key="sk-test").stream(chat_request()))

    assert provider.headers[0]["authorization"] == "Bearer sk-test"


async def test_api_key_is_read_from_the_named_environment_variable(
    provider: FakeProvider, make_adapter: MakeAdapter, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KLARCHAT_TEST_PROVIDER_KEY", "sk-from-env")

    await collect(make_adapter(api_key_env="KLARCHAT_TEST_PROVIDER_KEY").stream(chat_request()))

    assert provider.headers[0]["authorization"] == "Bearer sk-from-env"


async def test_extra_headers_are_sent(provider: FakeProvider, make_adapter: MakeAdapter) -> None:
    await collect(make_adapter(extra_headers={"X-Tenant": "shop"}).stream(chat_request()))

    assert provider.headers[0]["x-tenant"] == "shop"


async def test_model_is_exposed_for_the_audit(make_adapter: MakeAdapter) -> None:
    assert make_adapter(model="mistral").model == "mistral"


async def test_http_error_becomes_provider_error_without_body_or_prompt(
    provider: FakeProvider, make_adapter: MakeAdapter
) -> None:
    provider.status = 500

    with pytest.raises(AdapterError) as caught:
        await collect(make_adapter().stream(chat_request()))

    assert caught.value.code == "provider_error"
    assert caught.value.message == "The AI provider answered with HTTP 500."
    assert "fake failure" not in str(caught.value) and "PERSON" not in str(caught.value)


async def test_hanging_provider_becomes_provider_timeout(
    provider: FakeProvider, make_adapter: MakeAdapter
) -> None:
    provider.hang_s = 5
    started = time.monotonic()

    with pytest.raises(AdapterError) as caught:
        await collect(make_adapter(timeout_seconds=0.3).stream(chat_request()))

    assert caught.value.code == "provider_timeout"
    assert time.monotonic() - started < 3


async def test_refused_connection_becomes_provider_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    adapter = OpenAICompatibleAdapter({"base_url": f"http://127.0.0.1:{port}/v1", "model": "m"})

    try:
        with pytest.raises(AdapterError) as caught:
            await collect(adapter.stream(chat_request()))
    finally:
        await adapter.aclose()

    assert caught.value.code == "provider_error"
    assert "could not reach" in caught.value.message


@pytest.mark.parametrize("event", ["{not json", '"just a string"'])
async def test_malformed_event_becomes_provider_error(
    provider: FakeProvider, make_adapter: MakeAdapter, event: str
) -> None:
    provider.events = [event]

    with pytest.raises(AdapterError) as caught:
        await collect(make_adapter().stream(chat_request()))

    assert caught.value.code == "provider_error"
    assert "not json" not in caught.value.message


async def test_error_object_in_the_stream_becomes_provider_error(
    provider: FakeProvider, make_adapter: MakeAdapter
) -> None:
    provider.events = ['{"error": {"message": "model overloaded: ' + PROMPT + '"}}']

    with pytest.raises(AdapterError) as caught:
        await collect(make_adapter().stream(chat_request()))

    assert caught.value.code == "provider_error"
    assert "PERSON" not in caught.value.message


async def test_chunks_without_content_are_skipped(
    provider: FakeProvider, make_adapter: MakeAdapter
) -> None:
    provider.events = [
        '{"choices": [{"index": 0, "delta": {"role": "assistant"}}]}',
        '{"choices": [{"index": 0, "delta": {"content": "Hallo"}}]}',
        '{"choices": [], "usage": {"total_tokens": 3}}',
        '{"choices": [{"index": 0, "delta": {"content": null}, "finish_reason": "stop"}]}',
    ]

    assert await collect(make_adapter().stream(chat_request())) == ["Hallo"]


async def test_cancelling_mid_stream_closes_the_connection(
    provider: FakeProvider, make_adapter: MakeAdapter
) -> None:
    provider.reply_text = "x" * 400
    provider.delay_s = 0.05
    received: list[str] = []
    first_delta = asyncio.Event()

    async def consume() -> None:
        async for delta in make_adapter().stream(chat_request()):
            received.append(delta)
            first_delta.set()

    task = asyncio.create_task(consume())
    await asyncio.wait_for(first_delta.wait(), timeout=5)
    task.cancel()

    with pytest.raises(asyncio.CancelledError):
        await task
    await asyncio.to_thread(provider.wait_for_disconnects, 1, 2.0)
    assert len("".join(received)) < len(provider.reply_text)


async def test_closing_the_stream_early_closes_the_connection(
    provider: FakeProvider, make_adapter: MakeAdapter
) -> None:
    provider.reply_text = "y" * 400
    provider.delay_s = 0.05

    async with aclosing(make_adapter().stream(chat_request())) as stream:
        async for _ in stream:
            break

    await asyncio.to_thread(provider.wait_for_disconnects, 1, 2.0)


async def test_adapter_still_works_after_a_cancelled_stream(
    provider: FakeProvider, make_adapter: MakeAdapter
) -> None:
    adapter = make_adapter()
    provider.reply_text, provider.delay_s = "z" * 200, 0.05
    async with aclosing(adapter.stream(chat_request())) as stream:
        async for _ in stream:
            break
    provider.reply_text, provider.delay_s = "wieder da", 0.0

    assert "".join(await collect(adapter.stream(chat_request()))) == "wieder da"


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (
            {"model": "m", "timeout_seconds": 0},
            "adapters.openai.timeout_seconds: Input should be greater than 0",
        ),
        ({}, "adapters.openai.model: Field required"),
        ({"model": ""}, "adapters.openai.model: String should have at least 1 character"),
        ({"model": "m", "timeout": 5}, "adapters.openai.timeout: Extra inputs are not permitted"),
        (
            {"model": "m", "base_url": "localhost:11434"},
            "adapters.openai.base_url: Value error, must be an http",
        ),
        (
            {"model": "m", "temperature": 3},
            "adapters.openai.temperature: Input should be less than or equal to 2",
        ),
        (
            {"model": "m", "max_tokens": -1},
            "adapters.openai.max_tokens: Input should be greater than 0",
        ),
        (
            {"model": "m", "extra_headers": {"X": 1}},
            "adapters.openai.extra_headers.X: Input should be a valid string",
        ),
    ],
)
def test_bad_options_name_the_key(options: dict[str, Any], expected: str) -> None:
    with pytest.raises(AdapterConfigError) as caught:
        OpenAICompatibleAdapter(options)

    assert str(caught.value).startswith(expected)


def test_config_errors_never_echo_the_api_key() -> None:
    with pytest.raises(AdapterConfigError) as caught:
        OpenAICompatibleAdapter({"api_key": "sk-secret-value", "timeout_seconds": -1})

    assert "sk-secret-value" not in str(caught.value)
