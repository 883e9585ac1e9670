"""`klarchat [serve]`: start the server (the command when none is given).

The port is bound before anything else happens, so that a busy port is reported in one
line with the way out (exit 2), not after migrations and a traceback; the adapter is
built once up front for the same reason.
"""

from __future__ import annotations

import argparse
import asyncio
import errno
import logging
import socket
from pathlib import Path

from klarchat.cli.common import Commands, UsageError, adapter_config_error
from klarchat.config import Settings
from klarchat.log_setup import configure_logging

UVICORN_MIN_WS_MAX_SIZE = 1_048_576
SHUTDOWN_GRACE_S = 10


def register(commands: Commands) -> None:
    serve = commands.add_parser("serve", help="start the chat server (the default)")
    serve.add_argument("--host", help="interface to listen on (default from config: 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port to listen on (default from config: 8000)")
    serve.add_argument("--data-dir", type=Path, help="folder for the database and the secret")
    serve.set_defaults(run=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    # Imported here: the server loads Presidio and spaCy, which no other command needs.
    import uvicorn

    from klarchat.adapters.base import AdapterConfigError
    from klarchat.adapters.registry import load_adapter
    from klarchat.app import create_app
    from klarchat.cli.summary import notice_warnings, startup_summary

    try:
        asyncio.run(load_adapter(settings.adapter, settings.adapter_options()).aclose())
    except AdapterConfigError as exc:
        raise adapter_config_error(exc, getattr(args, "config_source", None)) from None
    listener = bind(settings.host, settings.port)
    summary = startup_summary(
        settings, getattr(args, "config_source", None), notice_warnings(settings)
    )
    config = uvicorn.Config(
        create_app(settings, on_ready=lambda: print(summary, flush=True)),
        host=settings.host,
        port=settings.port,
        log_level="info" if settings.log_level == "debug" else settings.log_level,
        access_log=settings.access_log,
        ws_max_size=max(4 * settings.limits.max_frame_bytes, UVICORN_MIN_WS_MAX_SIZE),
        # Per-message compression costs ~45 KB of zlib state per socket for small frames.
        ws_per_message_deflate=settings.websocket_compression,
        log_config=None,  # its records go to our root handler, which masks addresses
        # The client address comes from X-Forwarded-For only when a trusted proxy sent it
        # (used for limits, never logged); uvicorn would otherwise trust 127.0.0.1 by default.
        proxy_headers=bool(settings.trusted_proxies),
        forwarded_allow_ips=list(settings.trusted_proxies) or None,
        # A restart (a rolling deploy) must not wait forever for a socket that will not
        # close: the visitors' widgets reconnect, to another instance or to this one.
        timeout_graceful_shutdown=SHUTDOWN_GRACE_S,
    )
    _quiet_logging(settings)  # after uvicorn.Config, which sets its loggers' levels
    uvicorn.Server(config).run(sockets=[listener])
    return 0


def bind(host: str, port: int) -> socket.socket:
    """A listening socket, or a `UsageError` saying what to change."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise UsageError(
                f"port {port} on {host} is already in use (is Klarchat already running?); "
                f"stop the other program or choose another port: klarchat serve --port {port + 1}"
            ) from None
        if exc.errno == errno.EACCES:
            raise UsageError(
                f"not allowed to listen on port {port}; ports below 1024 need root: "
                "use --port 8000 behind a reverse proxy"
            ) from None
        raise UsageError(
            f"cannot listen on {host}:{port} ({exc.strerror}); check --host or host in klarchat.toml"
        ) from None
    sock.set_inheritable(True)
    return sock


def _quiet_logging(settings: Settings) -> None:
    """One handler that masks IP addresses (`log_setup`), text or JSON. Our summary
    replaces uvicorn's start lines and yoyo's per-step migration lines; warnings and
    errors of both still show."""
    configure_logging(settings.log_level, settings.log_format)
    quiet = max(logging.WARNING, logging.root.level)
    # Below INFO these loggers print websocket frames and matched values: message text.
    logging.getLogger("presidio-analyzer").setLevel(quiet)
    logging.getLogger("websockets").setLevel(max(logging.INFO, logging.root.level))
    logging.getLogger("yoyo").setLevel(quiet)
    if settings.log_level != "debug":
        logging.getLogger("uvicorn.error").setLevel(quiet)
