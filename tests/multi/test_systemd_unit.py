"""`examples/deploy/klarchat@.service` starts Klarchat the way it says: its `Environment=`
lines, the example EnvironmentFile and its `ExecStart=` arguments, with `%i` as the port.

Klarchat refuses a `KLARCHAT_*` variable that names no setting, so a misspelt variable in
the unit or the env file fails here instead of on a site owner's server. Only what cannot
work on a test machine is replaced: the paths, the installed binary and the placeholder
database URL (by a throw-away PostgreSQL database). systemd itself is not needed.
"""

from __future__ import annotations

import shlex
from pathlib import Path

import httpx

from tests.support.nginx import EXAMPLES
from tests.support.server import RunningServer, free_port, klarchat_command

UNIT = EXAMPLES / "klarchat@.service"
ENV_FILE = EXAMPLES / "klarchat.env"
INSTALLED = "/opt/klarchat/venv/bin/klarchat"


def directives(text: str) -> list[tuple[str, str]]:
    """`Key=value` lines, comments and section headers left out."""
    return [
        (key, value)
        for key, _, value in (
            line.partition("=")
            for line in text.splitlines()
            if "=" in line and not line.startswith(("#", "["))
        )
    ]


def test_the_unit_starts_an_instance_on_its_port(tmp_path: Path, pg_url: str) -> None:
    port = free_port()
    unit = directives(UNIT.read_text(encoding="utf-8").replace("%i", str(port)))
    env = dict(value.split("=", 1) for key, value in unit if key == "Environment")
    assert [value for key, value in unit if key == "EnvironmentFile"] == [
        "/etc/klarchat/klarchat.env"
    ]
    secrets = dict(directives(ENV_FILE.read_text(encoding="utf-8")))
    assert sorted(secrets) == ["KLARCHAT_DATABASE_URL", "KLARCHAT_SECRET"]
    env |= secrets
    config = tmp_path / "klarchat.toml"
    # One redaction thread, as every test server has (tests/support/server.py).
    config.write_text("[privacy]\nredaction_processes = 0\n", encoding="utf-8")
    machine = {
        "KLARCHAT_CONFIG": str(config),
        "KLARCHAT_DATA_DIR": str(tmp_path / "data"),
        "KLARCHAT_DATABASE_URL": pg_url,
    }
    assert set(machine) <= set(env), "the unit no longer sets these"
    [exec_start] = [shlex.split(value) for key, value in unit if key == "ExecStart"]
    assert exec_start[0] == INSTALLED
    server = RunningServer(
        port=port,
        workdir=tmp_path,
        config=config,
        log_path=tmp_path / "server.log",
        env=env | machine,
        command=[*klarchat_command(), *exec_start[1:]],
    )
    try:
        server.start()
        assert httpx.get(f"{server.origin}/healthz").json()["status"] == "ok"
    finally:
        server.stop()
