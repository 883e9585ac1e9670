"""A bare Starlette websocket echo, the floor `load.py` compares Klarchat with.

    python benchmarks/echo_server.py PORT

For each `message` frame it sends one `delta` and one `done`, as an answer would; every
other frame gets a `pong`. No consent, no redaction, no storage: what is left is uvicorn,
Starlette and JSON.
"""

from __future__ import annotations

import json
import sys

import uvicorn
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect


async def echo(websocket: WebSocket) -> None:
    await websocket.accept()
    try:
        while True:
            frame = json.loads(await websocket.receive_text())
            if frame.get("type") == "message":
                await websocket.send_text(
                    json.dumps({"type": "delta", "id": frame["id"], "text": frame["text"]})
                )
                await websocket.send_text(json.dumps({"type": "done", "id": frame["id"]}))
            else:
                await websocket.send_text(json.dumps({"type": "pong"}))
    except WebSocketDisconnect:
        pass


async def healthz(_: object) -> PlainTextResponse:
    return PlainTextResponse("ok")


app = Starlette(routes=[WebSocketRoute("/ws", echo), Route("/healthz", healthz)])

if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
