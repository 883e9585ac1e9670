"""A throw-away PostgreSQL cluster on a loopback port, for the store, bus and scale-out tests.

Debian's PostgreSQL (`./scripts/test` installs it) is started from a fresh `initdb` in a
temporary folder and removed afterwards; nothing of the machine's own clusters is used.
`initdb` refuses to run as root, so as root the cluster belongs to the `postgres` user.
A missing PostgreSQL is an AssertionError, a failure, never a skip.

Durability settings are off (fsync, synchronous commit): the tests kill Klarchat
processes, never the cluster, and they must not spend their time waiting for a disk.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

SERVER_USER = "postgres"
START_TIMEOUT_S = 60


def postgres_bin() -> Path:
    """The newest installed PostgreSQL's bin folder (Debian keeps one per major version)."""
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if not found and shutil.which("initdb"):
        return Path(shutil.which("initdb") or "").parent
    assert found, (
        "PostgreSQL is not installed: ./scripts/test installs it (apt-get install postgresql)"
    )
    return found[-1].parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", SERVER_USER, "--", *command]


@dataclass
class Cluster:
    """One running cluster; `database()` makes a fresh empty database and returns its URL."""

    folder: Path
    port: int
    bin: Path
    _databases: list[str] = field(default_factory=list)

    @classmethod
    def start(cls) -> Cluster:
        binaries = postgres_bin()
        folder = Path(tempfile.mkdtemp(prefix="klarchat-pg-"))
        data = folder / "data"
        if os.geteuid() == 0:
            shutil.chown(folder, SERVER_USER, SERVER_USER)
        subprocess.run(
            _as_server_user(
                [
                    str(binaries / "initdb"),
                    "-D",
                    str(data),
                    "-U",
                    SERVER_USER,
                    "--auth=trust",
                    "--encoding=UTF8",
                    "--locale=C.UTF-8",
                ]
            ),
            check=True,
            capture_output=True,
        )
        port = free_port()
        options = " ".join(
            [
                "-c listen_addresses=127.0.0.1",
                f"-c port={port}",
                f"-c unix_socket_directories={folder}",
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
                "-c max_connections=300",
            ]
        )
        subprocess.run(
            _as_server_user(
                [
                    str(binaries / "pg_ctl"),
                    "-D",
                    str(data),
                    "-o",
                    options,
                    "-l",
                    str(folder / "server.log"),
                    "-w",
                    "-t",
                    str(START_TIMEOUT_S),
                    "start",
                ]
            ),
            check=True,
            capture_output=True,
        )
        return cls(folder, port, binaries)

    @property
    def admin_url(self) -> str:
        return f"postgresql://{SERVER_USER}@127.0.0.1:{self.port}/postgres"

    def url(self, database: str) -> str:
        return f"postgresql://{SERVER_USER}@127.0.0.1:{self.port}/{database}"

    def psql(self, sql: str, database: str = "postgres") -> str:
        """Run SQL as the superuser (e.g. to terminate a backend from the database side)."""
        done = subprocess.run(
            [
                str(self.bin / "psql"),
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                SERVER_USER,
                "-d",
                database,
                "-v",
                "ON_ERROR_STOP=1",
                "-At",
                "-c",
                sql,
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        return done.stdout.strip()

    def database(self) -> str:
        """A new, empty database; its URL."""
        name = f"klarchat_{uuid.uuid4().hex[:12]}"
        self.psql(f"CREATE DATABASE {name}")
        self._databases.append(name)
        return self.url(name)

    def stop(self) -> None:
        subprocess.run(
            _as_server_user(
                [
                    str(self.bin / "pg_ctl"),
                    "-D",
                    str(self.folder / "data"),
                    "-m",
                    "immediate",
                    "stop",
                ]
            ),
            check=False,
            capture_output=True,
        )
        shutil.rmtree(self.folder, ignore_errors=True)
