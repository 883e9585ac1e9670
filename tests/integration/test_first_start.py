"""A site owner's first start, from the command line: configuration errors that name
their source and the likely fix (exit 2, no traceback), lists in the environment, one
start-up summary, a busy port, and a private data directory."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from tests.support.server import free_port, make_server, run_cli


def test_comma_separated_and_json_lists_in_the_environment(tmp_path: Path) -> None:
    for value in (
        "https://a.example,https://b.example",
        '["https://a.example","https://b.example"]',
    ):
        result = run_cli("check-config", cwd=tmp_path, env={"KLARCHAT_ALLOWED_ORIGINS": value})
        assert result.returncode == 0, result.stderr
        assert "https://a.example, https://b.example" in result.stdout


@pytest.mark.parametrize(
    ("env", "toml", "expected"),
    [
        (
            {"KLARCHAT_ADAPTR": "openai"},
            "",
            "environment variable KLARCHAT_ADAPTR: no such setting; did you mean 'KLARCHAT_ADAPTER'?",
        ),
        (
            {"KLARCHAT_LIMITS__MAX_MESAGE_CHARS": "10"},
            "",
            "environment variable KLARCHAT_LIMITS__MAX_MESAGE_CHARS: no such setting;"
            " did you mean 'KLARCHAT_LIMITS__MAX_MESSAGE_CHARS'?",
        ),
        (
            {"KLARCHAT_LOG_LEVEL": "inf"},
            "",
            "environment variable KLARCHAT_LOG_LEVEL, key log_level: Input should be 'debug',"
            " 'info', 'warning' or 'error'; did you mean 'info'?",
        ),
        (
            {"KLARCHAT_PORT": "eighty"},
            "port = 9000\n",
            "environment variable KLARCHAT_PORT, key port: Input should be a valid integer",
        ),
        (
            {"KLARCHAT_ADAPTERS": "{openai: 1}"},
            "",
            "environment variable KLARCHAT_ADAPTERS: not valid JSON",
        ),
        (
            {"KLARCHAT_ADAPTER": "opnai"},
            "",
            "environment variable KLARCHAT_ADAPTER, key adapter: unknown adapter 'opnai';"
            " did you mean 'openai'?",
        ),
        (
            {},
            "[limits]\nmax_mesage_chars = 10\n",
            "klarchat.toml, key limits.max_mesage_chars: unknown key;"
            " did you mean 'max_message_chars'?",
        ),
        (
            {},
            "adaptr = 'echo'\n",
            "klarchat.toml, key adaptr: unknown key; did you mean 'adapter'?",
        ),
        (
            {},
            "[privacy.special_categories]\nhealt = 'block'\n",
            "did you mean 'health'?",
        ),
        (
            {},
            "adapter = 'openai'\n",
            "klarchat.toml, key adapters.openai.model: Field required",
        ),
    ],
)
def test_a_configuration_error_names_its_source_and_the_likely_fix(
    tmp_path: Path, env: dict[str, str], toml: str, expected: str
) -> None:
    if toml:
        (tmp_path / "klarchat.toml").write_text(toml, encoding="utf-8")
    for command in ("check-config", "serve"):
        result = run_cli(command, cwd=tmp_path, env=env)
        assert result.returncode == 2, result.stdout
        assert expected in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
        if env:
            assert "defaults" not in result.stderr, "an error in a variable blamed on defaults"
    assert not (tmp_path / "klarchat-data").exists(), "nothing may start on a bad config"


def test_start_up_prints_one_summary_and_the_data_is_private(tmp_path: Path) -> None:
    server = make_server(tmp_path, {"allowed_origins": ["https://shop.example"]}).start()
    try:
        logs = server.logs()
    finally:
        server.stop()
    assert logs.count("Klarchat is ready.") == 1
    for line in (
        f"open:            http://127.0.0.1:{server.port}/",
        f"configuration:   {server.config}",
        "adapter:         offline (a built-in FAQ for trying Klarchat, not an AI",
        f"data directory:  {server.data_dir}",
        "https://shop.example",
        "to do: the privacy notice does not name the controller yet",
    ):
        assert line in logs, logs
    assert "yoyo" not in logs and "Applying" not in logs and "Uvicorn running" not in logs
    assert server.data_dir.stat().st_mode & 0o777 == 0o700
    for name in ("klarchat.sqlite3", "klarchat.sqlite3-wal", "secret.key", "signing.key"):
        path = server.data_dir / name
        if path.exists():
            assert path.stat().st_mode & 0o777 == 0o600, name


def test_a_busy_port_exits_2_with_a_hint_before_anything_runs(tmp_path: Path) -> None:
    port = free_port()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", port))
        busy.listen()
        result = run_cli("serve", "--port", str(port), "--data-dir", "data", cwd=tmp_path)
    assert result.returncode == 2
    assert f"port {port} on 127.0.0.1 is already in use" in result.stderr
    assert f"klarchat serve --port {port + 1}" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "data").exists(), "migrations ran before the port was checked"
