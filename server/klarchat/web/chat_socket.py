"""The `/ws` endpoint: the Origin check, then one `Connection` per websocket.

Browsers always send `Origin` on a websocket handshake, so checking it stops other
sites from opening chats in a visitor's name (cross-site websocket hijacking). A
client without `Origin` is not a browser and could forge any value; it is let in.
A refused origin is closed with `REFUSED_ORIGIN` before a frame is read (see `origins`).
"""

from __future__ import annotations

from starlette.websockets import WebSocket

from klarchat.conversation.connection import Connection
from klarchat.services import Services
from klarchat.web.admission import Admission
from klarchat.web.origins import REFUSED_ORIGIN, RefusedOrigins

TRY_AGAIN_LATER = 1013
"""Closed at once when a cap is reached (`limits.max_connections` …); the reason names it."""


async def chat_socket(websocket: WebSocket) -> None:
    services: Services = websocket.app.state.services
    origin = websocket.headers.get("origin")
    if origin is not None and origin.rstrip("/") not in services.settings.origins():
        refused: RefusedOrigins = websocket.app.state.refused_origins
        refused.refused(origin)
        await websocket.accept()
        await websocket.close(code=REFUSED_ORIGIN, reason="origin not allowed")
        return
    admission: Admission = websocket.app.state.admission
    address = websocket.client.host if websocket.client else ""
    refusal = admission.admit(address)
    if refusal is not None:
        await websocket.accept()
        await websocket.close(code=TRY_AGAIN_LATER, reason=refusal)
        return
    try:
        await websocket.accept()
        await Connection(websocket, services, origin or "").run()
    finally:
        admission.release(address)
