"""`create_app(settings)`: routes and lifespan only; the logic lives in the modules wired here."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Mount, Route, WebSocketRoute

from klarchat.config import Settings
from klarchat.conversation.session_expiry import session_expiry
from klarchat.operator.console import Console
from klarchat.operator.routes import routes as operator_routes
from klarchat.retention import periodic_purge
from klarchat.services import Services
from klarchat.web.admission import Admission
from klarchat.web.chat_socket import chat_socket
from klarchat.web.headers import SecurityHeaders
from klarchat.web.metrics_endpoint import attach, metrics
from klarchat.web.origins import RefusedOrigins
from klarchat.web.pages import demo_page, favicon, healthz, loader, signing_key, static_files
from klarchat.web.privacy import privacy_notice


def create_app(settings: Settings, *, on_ready: Callable[[], None] | None = None) -> Starlette:
    """`on_ready` runs once the services have started (`klarchat serve` prints its summary)."""

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        services = await Services.start(settings)
        app.state.services = services
        app.state.console = Console.start(services)
        app.state.operations_metrics = attach(services)
        limits = settings.limits
        app.state.admission = Admission(
            max_connections=limits.max_connections,
            max_per_address=limits.max_connections_per_address,
            handshakes_per_minute=limits.handshakes_per_address_per_minute,
            clock=services.clock.monotonic,
        )
        app.state.refused_origins = RefusedOrigins(services.clock.monotonic)
        if on_ready is not None:
            on_ready()
        try:
            async with (
                periodic_purge(
                    services.store,
                    settings.retention,
                    services.clock,
                    services.leadership.is_leader,
                ),
                session_expiry(services),
            ):
                yield
        finally:
            await services.stop()

    return Starlette(
        routes=[
            Route("/", demo_page),
            Route("/favicon.ico", favicon),
            Route("/healthz", healthz),
            Route("/metrics", metrics),
            Route("/.well-known/klarchat-signing-key", signing_key),
            Route("/privacy", privacy_notice),
            Route("/klarchat.js", loader, name="loader"),
            WebSocketRoute("/ws", chat_socket),
            Mount("/static", static_files, name="static"),
            *operator_routes(),
        ],
        lifespan=lifespan,
        middleware=[Middleware(SecurityHeaders)],
    )
