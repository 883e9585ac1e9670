"""Every kind of bad frame gets its stable error code, and the same socket chats on."""

from __future__ import annotations

import json

import pytest
from websockets.exceptions import ConnectionClosed

from tests.support.chat_client import ChatClient, answer_text
from tests.support.server import RunningServer

BAD_FRAMES = [
    ("{not json", "bad_json"),
    ("[1, 2, 3]", "bad_frame"),
    (json.dumps({"id": "m1", "text": "no type"}), "bad_frame"),
    (json.dumps({"type": "teleport"}), "unknown_type"),
    (json.dumps({"type": "message", "id": "m1"}), "bad_frame"),
    (json.dumps({"type": "message", "id": "m1", "text": 42}), "bad_frame"),
    (json.dumps({"type": "message", "id": "bad id!", "text": "hi"}), "bad_frame"),
    (json.dumps({"type": "message", "id": "m1", "text": "hi", "extra": 1}), "bad_frame"),
    (json.dumps({"type": "message", "id": "m1", "text": "   "}), "empty_message"),
    (json.dumps({"type": "message", "id": "m1", "text": "x" * 201}), "message_too_long"),
    (json.dumps({"type": "message", "id": "m1", "text": "x" * 3000}), "frame_too_large"),
    (
        json.dumps({"type": "consent", "policy_version": "v", "choices": {"ai_chat": "yes"}}),
        "bad_frame",
    ),
    (json.dumps({"type": "withdraw", "purposes": ["newsletter"]}), "unknown_purpose"),
    (json.dumps({"type": "hello"}), "duplicate_hello"),
    ("[" * 1020 + "]" * 1020, "bad_frame"),
    ('{"type":"ping","id":' + "[" * 1000 + "]" * 1000 + "}", "bad_frame"),
    ('{"type":"message","id":"m1","text":"\\ud800 lone"}', "bad_frame"),
]


async def test_each_malformed_frame_gets_its_code_and_the_socket_lives(
    echo_server: RunningServer,
) -> None:
    chat = await ChatClient.open(echo_server.ws_url)
    await chat.send({"type": "message", "id": "early", "text": "hi"})
    assert (await chat.expect("error"))["code"] == "hello_required"
    await chat.hello("en")
    await chat.consent(ai_chat=True)

    for raw, code in BAD_FRAMES:
        await chat.send(raw)
        error = await chat.expect("error")
        assert error["code"] == code, (raw[:60], error)
        assert error["message"]

    await chat.ws.send(b"\x00\x01binary")
    assert (await chat.expect("error"))["code"] == "bad_frame"

    frames = await chat.ask("still here?", "alive")
    assert answer_text(frames) == "still here?"
    assert frames[-1]["type"] == "done"
    await chat.close()
    assert "Traceback" not in echo_server.logs()


async def test_errors_carry_the_message_id_and_never_echo_the_text(
    echo_server: RunningServer,
) -> None:
    chat = await ChatClient.open(echo_server.ws_url)
    await chat.hello("de")
    secret = "geheim-" + "x" * 300
    await chat.send({"type": "message", "id": "m9", "text": secret})
    error = await chat.expect("error")
    assert error == {
        "type": "error",
        "code": "message_too_long",
        "id": "m9",
        "message": "Messages may be at most 200 characters.",
    }
    await chat.close()


async def test_a_foreign_origin_is_refused(echo_server: RunningServer) -> None:
    """Closed with 4403 before any frame is read: a hello gets no welcome."""
    foreign = await ChatClient.open(echo_server.ws_url, origin="https://evil.example")
    with pytest.raises(ConnectionClosed) as closed:
        await foreign.hello("de")
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 4403

    own = await ChatClient.open(echo_server.ws_url, origin=echo_server.origin)
    assert (await own.hello("de"))["type"] == "welcome"
    await own.close()


async def test_rate_limit_and_busy(tmp_path) -> None:
    from tests.support.server import make_server

    server = make_server(
        tmp_path,
        {
            "adapter": "echo",
            "adapters": {"echo": {"delay_ms": 200}},
            "limits": {"messages_per_minute": 2},
        },
    ).start()
    try:
        chat = await ChatClient.open(server.ws_url)
        await chat.hello("en")
        await chat.consent(ai_chat=True)
        await chat.send({"type": "message", "id": "a", "text": "first message here"})
        await chat.send({"type": "message", "id": "b", "text": "second"})
        frames = []
        while not any(f["type"] == "done" for f in frames):
            frames.append(await chat.recv())
        busy = [f for f in frames if f["type"] == "error"]
        assert busy == [
            {
                "type": "error",
                "code": "busy",
                "id": "b",
                "message": "Please wait until the current answer is finished.",
            }
        ]
        assert (await chat.ask("third", "c"))[-1]["type"] == "done"
        assert (await chat.ask("fourth", "d"))[-1]["code"] == "rate_limited"
        await chat.close()
    finally:
        server.stop()
