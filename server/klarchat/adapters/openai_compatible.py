"""An adapter for any server that speaks OpenAI's streaming chat-completions API.

That one protocol covers OpenAI itself and the self-hosted servers a privacy-minded
site is likely to run (Ollama, vLLM, llama.cpp, LM Studio), hence the Ollama default.
Error messages name the HTTP status at most: response bodies may quote the prompt,
and error messages end up in logs and in front of the user.
"""

from __future__ import annotations

import json
import os
from collections.abc import AsyncGenerator, Mapping
from typing import Any

import httpx
from httpx_sse import SSEError, aconnect_sse
from pydantic import Field, SecretStr, field_validator

from klarchat.adapters.base import Adapter, AdapterError, ChatRequest
from klarchat.adapters.options import AdapterOptions, parse_options

DEFAULT_BASE_URL = "http://127.0.0.1:11434/v1"


class OpenAIOptions(AdapterOptions):
    base_url: str = DEFAULT_BASE_URL
    model: str = Field(min_length=1)
    api_key: SecretStr | None = None
    api_key_env: str = "OPENAI_API_KEY"
    timeout_seconds: float = Field(default=30, gt=0)
    temperature: float | None = Field(default=None, ge=0, le=2)
    max_tokens: int | None = Field(default=None, gt=0)
    extra_headers: dict[str, str] = Field(default_factory=dict)

    @field_validator("base_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        try:
            url = httpx.URL(value)
        except httpx.InvalidURL:
            url = None
        if url is None or url.scheme not in ("http", "https") or not url.host:
            raise ValueError("must be an http:// or https:// URL such as " + DEFAULT_BASE_URL)
        return value.rstrip("/")

    def resolved_api_key(self) -> str | None:
        """An explicit `api_key` wins, so a config file can override the environment."""
        if self.api_key is not None:
            return self.api_key.get_secret_value() or None
        return os.environ.get(self.api_key_env) or None


class OpenAICompatibleAdapter(Adapter):
    name = "openai"

    def __init__(self, options: Mapping[str, Any]) -> None:
        self._options = parse_options(OpenAIOptions, options, self.name)
        self.model = self._options.model
        self._url = f"{self._options.base_url}/chat/completions"
        self._client = httpx.AsyncClient(
            headers=_headers(self._options),
            timeout=httpx.Timeout(self._options.timeout_seconds),
        )

    async def stream(self, request: ChatRequest) -> AsyncGenerator[str, None]:
        """Leaving the `async with` on cancellation or `aclose()` closes the response,
        so the provider sees the connection drop and stops generating.
        """
        try:
            async with aconnect_sse(
                self._client, "POST", self._url, json=self._payload(request)
            ) as source:
                status = source.response.status_code
                if status >= 400:
                    raise AdapterError(
                        "provider_error",
                        f"The AI provider answered with HTTP {status}.",
                        status=status,
                        cause="HTTPStatus",
                    )
                async for event in source.aiter_sse():
                    if event.data.strip() == "[DONE]":
                        return
                    content = _delta_content(event.data)
                    if content:
                        yield content
        except httpx.TimeoutException as exc:
            raise AdapterError(
                "provider_timeout",
                "The AI provider did not answer in time.",
                cause=type(exc).__name__,
            ) from None
        except httpx.ConnectError as exc:
            raise AdapterError(
                "provider_error",
                "Klarchat could not reach the AI provider.",
                cause=type(exc).__name__,
            ) from None
        except (httpx.HTTPError, SSEError) as exc:
            raise AdapterError(
                "provider_error",
                "The connection to the AI provider failed.",
                cause=type(exc).__name__,
            ) from None

    async def aclose(self) -> None:
        await self._client.aclose()

    def _payload(self, request: ChatRequest) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "model": self._options.model,
            "messages": [{"role": m.role, "content": m.content} for m in request.messages],
            "stream": True,
        }
        if self._options.temperature is not None:
            payload["temperature"] = self._options.temperature
        if self._options.max_tokens is not None:
            payload["max_tokens"] = self._options.max_tokens
        return payload


def _headers(options: OpenAIOptions) -> dict[str, str]:
    headers = dict(options.extra_headers)
    api_key = options.resolved_api_key()
    if api_key:
        headers["Authorization"] = f"Bearer {api_key}"
    return headers


def _delta_content(data: str) -> str:
    """The text of one chunk; chunks without text (role, usage, finish, ping) yield ''."""
    if not data.strip():
        return ""
    try:
        chunk = json.loads(data)
    except ValueError:
        chunk = None
    if not isinstance(chunk, dict):
        raise AdapterError(
            "provider_error", "The AI provider sent a malformed stream event.", cause="BadEvent"
        )
    if "error" in chunk:
        raise AdapterError(
            "provider_error",
            "The AI provider reported an error while answering.",
            cause="ErrorEvent",
        )
    choices = chunk.get("choices") or []
    if not choices or not isinstance(choices[0], dict):
        return ""
    delta = choices[0].get("delta") or {}
    content = delta.get("content") if isinstance(delta, dict) else None
    return content if isinstance(content, str) else ""
