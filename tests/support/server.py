"""Start the real `klarchat serve` in a subprocess on a free loopback port.

A subprocess, not an in-process app, so that the tests see exactly what a site owner
runs: the console entry point, uvicorn, the config file, and the logs it prints.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import tomli_w

STARTUP_TIMEOUT_S = 90


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def klarchat_command() -> list[str]:
    """The installed console script when there is one, else the module."""
    script = shutil.which("klarchat", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "klarchat"]


@dataclass
class RunningServer:
    port: int
    workdir: Path
    config: Path
    log_path: Path
    # Extra environment, as a service manager sets it (e.g. KLARCHAT_DATABASE_URL).
    env: dict[str, str] = field(default_factory=dict)
    # The whole command line instead of `--config … serve --port …`, for a test of how a
    # service manager starts Klarchat (the port then comes from `env`).
    command: list[str] | None = None
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/ws"

    @property
    def data_dir(self) -> Path:
        return self.workdir / "data"

    @property
    def database(self) -> Path:
        return self.data_dir / "klarchat.sqlite3"

    def logs(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def start(self) -> RunningServer:
        return self.launch().wait_ready()

    def launch(self) -> RunningServer:
        """Start the process without waiting, so that several servers load at once; again
        after `kill` or `stop` to restart on the same port, appending to the same log."""
        log = self.log_path.open("ab")
        command = self.command or [
            *klarchat_command(),
            *("--config", str(self.config), "serve", "--port", str(self.port)),
        ]
        self.process = subprocess.Popen(
            command,
            cwd=self.workdir,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1", **self.env},
        )
        return self

    def wait_ready(self) -> RunningServer:
        assert self.process is not None, "launch() first"
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited early:\n{self.logs()}")
            try:
                if httpx.get(f"{self.origin}/healthz", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"server did not start in {STARTUP_TIMEOUT_S}s:\n{self.logs()}")

    def kill(self) -> None:
        """SIGKILL: a crash, with no shutdown code run, as an out-of-memory kill would be."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def stop(self) -> None:
        """SIGTERM, as systemd would: uvicorn shuts down and the store closes cleanly."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def run_cli(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`klarchat ARGS` as a site owner types it, with no `KLARCHAT_*` variable of the
    test run's own environment leaking in: only `env` sets them."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("KLARCHAT_")}
    return subprocess.run(
        [*klarchat_command(), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={**clean, **(env or {})},
    )


def make_server(workdir: Path, config: dict[str, Any]) -> RunningServer:
    workdir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    # One redaction thread instead of the default worker processes: dozens of test servers
    # start in a run, and each process loads its own models. The pool has its own tests.
    privacy = {"redaction_processes": 0, **config.get("privacy", {})}
    settings = {"data_dir": str(workdir / "data"), **config, "privacy": privacy}
    path = workdir / "klarchat.toml"
    path.write_text(tomli_w.dumps(settings), encoding="utf-8")
    return RunningServer(port=port, workdir=workdir, config=path, log_path=workdir / "server.log")
