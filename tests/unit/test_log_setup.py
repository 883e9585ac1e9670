"""No IP address survives a log record, whatever logger wrote it and however."""

from __future__ import annotations

import io
import json
import logging

import pytest

from klarchat.log_setup import MASK, NoAddresses, configure_logging, scrub


@pytest.mark.parametrize(
    "line",
    [
        '127.0.0.1:51890 - "WebSocket /ws" [accepted]',
        "client 203.0.113.7 via 10.0.0.1",
        '[2001:db8::1]:443 - "WebSocket /ws" 403',
        "from ::1 and fe80::1%eth0",
        "X-Forwarded-For: 198.51.100.23, 2001:db8:85a3::8a2e:370:7334",
    ],
)
def test_addresses_are_masked(line: str) -> None:
    masked = scrub(line)
    for part in ("127.0.0.1", "203.0.113.7", "10.0.0.1", "2001:db8", "::1", "fe80", "198.51"):
        assert part not in masked
    assert MASK in masked


@pytest.mark.parametrize(
    "line",
    [
        "answer took 12:30:45",
        "policy version 3f2a9c1b0d4e5f67",
        "retention purge: 0 messages",
        "v1.2.3",
    ],
)
def test_other_text_is_left_alone(line: str) -> None:
    assert scrub(line) == line


def records_from(logger_name: str, log_format: str) -> str:
    stream = io.StringIO()
    configure_logging("info", log_format)  # type: ignore[arg-type]
    handler = logging.getLogger().handlers[0]
    handler.stream = stream  # type: ignore[attr-defined]
    logger = logging.getLogger(logger_name)
    logger.info('%s - "WebSocket %s" [accepted]', "192.0.2.10:5555", "/ws")
    try:
        raise ConnectionError("peer 192.0.2.10 went away")
    except ConnectionError:
        logger.exception("failed")
    return stream.getvalue()


def test_uvicorn_lines_and_tracebacks_through_the_root_handler_lose_the_address() -> None:
    text = records_from("uvicorn.error", "text")
    assert "192.0.2.10" not in text
    assert '[address] - "WebSocket /ws" [accepted]' in text


def test_json_lines_are_json_and_lose_the_address() -> None:
    lines = records_from("uvicorn.error", "json").strip().splitlines()
    first = json.loads(lines[0])
    assert first["level"] == "INFO"
    assert first["logger"] == "uvicorn.error"
    assert first["message"] == '[address] - "WebSocket /ws" [accepted]'
    assert "192.0.2.10" not in "".join(lines)


def test_the_filter_is_on_the_handler() -> None:
    configure_logging("warning", "text")
    assert any(isinstance(f, NoAddresses) for f in logging.getLogger().handlers[0].filters)
