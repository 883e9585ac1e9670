"""Staff accounts for tests, made the way a site owner makes them: `klarchat admin
create-user` against the server's config, the password on standard input."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass

from tests.support.server import RunningServer, klarchat_command


@dataclass(frozen=True)
class Staff:
    username: str
    display_name: str
    role: str
    password: str


def create_user(server: RunningServer, staff: Staff) -> None:
    result = subprocess.run(
        [
            *klarchat_command(),
            "--config",
            str(server.config),
            "admin",
            "create-user",
            staff.username,
            "--role",
            staff.role,
            "--display-name",
            staff.display_name,
        ],
        input=staff.password + "\n",
        capture_output=True,
        text=True,
        cwd=server.workdir,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, f"create-user {staff.username} failed: {result.stderr}"
