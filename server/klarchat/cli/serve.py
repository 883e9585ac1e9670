"""`klarchat [serve]`: start the server (the command when none is given)."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from klarchat.cli.common import Commands
from klarchat.config import Settings

UVICORN_MIN_WS_MAX_SIZE = 1_048_576


def register(commands: Commands) -> None:
    serve = commands.add_parser("serve", help="start the chat server (the default)")
    serve.add_argument("--host", help="interface to listen on (default from config: 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port to listen on (default from config: 8000)")
    serve.add_argument("--data-dir", type=Path, help="folder for the database and the secret")
    serve.set_defaults(run=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    # Imported here: the server loads Presidio and spaCy, which no other command needs.
    import uvicorn

    from klarchat.app import create_app

    logging.basicConfig(
        level=settings.log_level.upper(), format="%(levelname)s %(name)s: %(message)s"
    )
    # Below INFO these loggers print websocket frames and matched values: message text.
    logging.getLogger("presidio-analyzer").setLevel(max(logging.WARNING, logging.root.level))
    logging.getLogger("websockets").setLevel(max(logging.INFO, logging.root.level))
    uvicorn.run(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        log_level="info" if settings.log_level == "debug" else settings.log_level,
        access_log=settings.access_log,
        ws_max_size=max(4 * settings.limits.max_frame_bytes, UVICORN_MIN_WS_MAX_SIZE),
        # The client address comes from X-Forwarded-For only when a trusted proxy sent it
        # (used for limits, never logged); uvicorn would otherwise trust 127.0.0.1 by default.
        proxy_headers=bool(settings.trusted_proxies),
        forwarded_allow_ips=list(settings.trusted_proxies) or None,
    )
    return 0
