"""Logging without addresses: one handler on the root logger, text or JSON, and a filter
that takes IP addresses out of every record, whoever wrote it.

Klarchat's own log lines carry ids, codes and timings only. The servers underneath do
not know that: uvicorn writes the client's address into every websocket handshake line
(`127.0.0.1:51890 - "WebSocket /ws" [accepted]`), and behind a proxy the visitor's real
one. An address is personal data (CJEU C-582/14, Breyer), and logs are kept and copied
far more freely than the database, so the filter replaces any IPv4 or IPv6 address in
the message, its arguments and a formatted exception with `[address]`, at every level.
uvicorn is told not to configure logging itself, so that its records reach this handler.
"""

from __future__ import annotations

import ipaddress
import logging
import re
import sys
from typing import Literal

from pythonjsonlogger.json import JsonFormatter

LogFormat = Literal["text", "json"]
MASK = "[address]"
IPV4 = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?(?![\w.])")
IPV6_CANDIDATE = re.compile(
    r"\[?[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:%\w+)?(?:\](?::\d{1,5})?)?"
)


def _ipv6(match: re.Match[str]) -> str:
    text = match.group(0)
    try:
        ipaddress.IPv6Address(text.split("]")[0].strip("[").split("%")[0])
    except ValueError:
        return text  # a time such as 12:30:45, or other colons
    return MASK


def scrub(text: str) -> str:
    return IPV6_CANDIDATE.sub(_ipv6, IPV4.sub(MASK, text))


class NoAddresses(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = scrub(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.exc_info = None  # formatters then print the scrubbed `exc_text`
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        return True


def configure_logging(level: str, log_format: LogFormat) -> None:
    handler = logging.StreamHandler(sys.stderr)
    if log_format == "json":
        handler.setFormatter(
            JsonFormatter(
                "%(asctime)s %(levelname)s %(name)s %(message)s",
                rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
            )
        )
    else:
        handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    handler.addFilter(NoAddresses())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
