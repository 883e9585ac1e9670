"""A bad config names the key and the reason and exits non-zero; a good one starts."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.support.server import make_server
from tests.support.server import run_cli as run


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ("port = 'eighty'\n", "port: Input should be a valid integer"),
        ("[limits]\nmax_mesage_chars = 10\n", "limits.max_mesage_chars: unknown key"),
        (
            "[limits]\nmax_frame_bytes = 0\n",
            "limits.max_frame_bytes: Input should be greater than 0",
        ),
        ("languages = ['de', 'fr']\n", "languages.1: Input should be 'de' or 'en'"),
        ("adapter = 'nonexistent'\n", "nonexistent"),
        ("adapter = 'openai'\n", "adapters.openai.model"),
        (
            "[consent.purposes.newsletter]\ntitle = {de = 'x'}\ntext = {de = 'y'}\n",
            "consent.purposes: Value error, the purpose 'ai_chat' must exist",
        ),
        (
            "[consent.purposes.ai_chat]\nrequired = true\ntitle = {de = 'Chat', en = 'Chat'}\n"
            "text = {de = 'Text'}\n",
            "missing text for: consent.purposes.ai_chat.text.en",
        ),
        ("port = [\n", "not valid TOML"),
        (
            "[privacy.special_categories]\nhealt = 'block'\n",
            "privacy.special_categories.healt.[key]: Input should be 'health'",
        ),
        (
            "[privacy.special_categories]\nhealth = 'hide'\n",
            "privacy.special_categories.health: Input should be 'redact', 'block' or 'note'",
        ),
        (
            "[privacy]\npass_through = ['PERSON']\n",
            "privacy.pass_through.0: Input should be 'ORDER_NUMBER' or 'CUSTOMER_NUMBER'",
        ),
    ],
)
def test_check_config_names_the_key(tmp_path: Path, toml: str, expected: str) -> None:
    (tmp_path / "klarchat.toml").write_text(toml, encoding="utf-8")
    result = run("check-config", cwd=tmp_path)
    assert result.returncode == 2, result.stdout
    assert expected in result.stderr, result.stderr


def test_environment_overrides_the_file_and_is_validated(tmp_path: Path) -> None:
    (tmp_path / "klarchat.toml").write_text("port = 9001\n", encoding="utf-8")
    ok = run("check-config", cwd=tmp_path, env={"KLARCHAT_ADAPTER": "echo"})
    assert ok.returncode == 0, ok.stderr
    assert "adapter: echo" in ok.stdout
    assert "http://127.0.0.1:9001" in ok.stdout
    bad = run("check-config", cwd=tmp_path, env={"KLARCHAT_LIMITS__MESSAGES_PER_MINUTE": "-1"})
    assert bad.returncode == 2
    assert "limits.messages_per_minute: Input should be greater than 0" in bad.stderr


def test_serve_refuses_a_bad_config_without_starting(tmp_path: Path) -> None:
    (tmp_path / "klarchat.toml").write_text("[privacy]\nscore_threshold = 2\n", encoding="utf-8")
    result = run("serve", cwd=tmp_path)
    assert result.returncode == 2
    assert "privacy.score_threshold: Input should be less than or equal to 1" in result.stderr


def test_defaults_serve_demo_page_loader_and_health(tmp_path: Path) -> None:
    server = make_server(tmp_path, {}).start()
    try:
        page = httpx.get(f"{server.origin}/")
        assert page.status_code == 200
        assert 'data-site="demo"' in page.text and "/klarchat.js" in page.text
        loader = httpx.get(f"{server.origin}/klarchat.js")
        assert loader.status_code == 200
        assert loader.headers["content-type"].startswith("text/javascript")
        assert "attachShadow" in loader.text
        assert httpx.get(f"{server.origin}/healthz").json() == {
            "status": "ok",
            "provider": "unknown",
        }
        german = httpx.get(f"{server.origin}/privacy").text
        assert "Chat mit dem KI-Assistenten" in german and "Gesprächsverlauf speichern" in german
        assert "jederzeit mit einem Klick" in german
        english = httpx.get(f"{server.origin}/privacy", params={"lang": "en"}).text
        assert '<html lang="en">' in english and "Keep the conversation" in english
        assert (server.data_dir / "secret.key").stat().st_mode & 0o777 == 0o600
    finally:
        server.stop()
