"""Several real `klarchat serve` processes on one database, behind nginx configured from
`examples/deploy/nginx-scaleout.conf`, as a site that scales out runs them.

The instances share what the deployment guide says they must share: the database URL
(passed in the environment, as the systemd unit's EnvironmentFile does), the `secret`, and
one `data_dir` for the receipt signing key. nginx is the example config with the usual
test replacements (`tests/support/nginx.py`), plus an access log that records only which
instance served each request (`$upstream_addr`), never a client address, so that a test
can see the load spread and a dead instance skipped.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from itertools import zip_longest
from pathlib import Path
from typing import Any, ClassVar, NamedTuple

from tests.support.nginx import EXAMPLES, ExampleNginx, free_port
from tests.support.server import RunningServer, make_server

# The example's upstream, one line per instance; with fewer instances the rest are
# commented out.
EXAMPLE_PORTS = (8001, 8002, 8003)
UPSTREAM_FORMAT = "klarchat_upstream"


class Proxied(NamedTuple):
    """One line of the test-only upstream log."""

    tried: list[int]
    """The instance ports nginx tried, in order: [A, B] when A was down and B answered."""
    status: int
    method: str
    uri: str


@dataclass(kw_only=True)
class ScaleOutNginx(ExampleNginx):
    """`examples/deploy/nginx-scaleout.conf` in front of the instances on `upstream_ports`."""

    example: ClassVar[Path] = EXAMPLES / "nginx-scaleout.conf"
    upstream_ports: list[int]
    # A plain-HTTP listener beside TLS, for benchmarks that must not measure TLS.
    plain_port: int | None = None

    @property
    def upstream_log(self) -> Path:
        return self.directory / "upstream.log"

    @property
    def plain_ws_url(self) -> str:
        assert self.plain_port is not None, "started without plain_port"
        return f"ws://127.0.0.1:{self.plain_port}/ws"

    def upstream_replacements(self) -> list[tuple[str, str]]:
        assert 1 <= len(self.upstream_ports) <= len(EXAMPLE_PORTS), "the example names three"
        return [
            (
                f"server 127.0.0.1:{example} ",
                f"server 127.0.0.1:{port} " if port else f"# server 127.0.0.1:{example} ",
            )
            for example, port in zip_longest(EXAMPLE_PORTS, self.upstream_ports)
        ] + [("    access_log off;\n", f"    access_log {self.upstream_log} {UPSTREAM_FORMAT};\n")]

    def tls_listen(self) -> str:
        plain = f"\n    listen 127.0.0.1:{self.plain_port};" if self.plain_port else ""
        return super().tls_listen() + plain

    def site_config(self) -> str:
        # Read inside `http { }`, so the format can be declared here, before its use.
        declared = f"log_format {UPSTREAM_FORMAT} '$status $request_method $uri $upstream_addr';\n"
        return declared + super().site_config()


@dataclass
class ScaleOut:
    """One to three instances (as many as the example names) and nginx; `instances[i].kill()` crashes one, `restart(i)` brings it back
    on its port (nginx tries it again after the example's `fail_timeout`)."""

    instances: list[RunningServer]
    nginx: ScaleOutNginx
    data_dir: Path
    secret: str = field(repr=False)

    @classmethod
    def start(
        cls,
        tmp: Path,
        database_url: str,
        instances: int = 3,
        config_overrides: dict[str, Any] | None = None,
        *,
        plain_http: bool = False,
        worker_connections: int = 256,
    ) -> ScaleOut:
        """Start the first instance, which creates and migrates the database, then the
        others at once (each loads its models, so one after the other would take N times
        as long), then nginx in front of them. Starting all at once on a new database is
        the store's own test: here it would only make the harness flaky."""
        nginx = ScaleOutNginx(
            directory=tmp / "nginx",
            upstream_ports=[],
            plain_port=free_port() if plain_http else None,
            worker_connections=worker_connections,
        )
        data_dir, secret = tmp / "data", secrets.token_hex(32)
        config = {
            "data_dir": str(data_dir),
            "public_url": nginx.origin,
            "trusted_proxies": ["127.0.0.1"],
            **(config_overrides or {}),
        }
        servers = [make_server(tmp / f"instance-{n}", config) for n in range(instances)]
        for server in servers:
            server.env = {"KLARCHAT_DATABASE_URL": database_url, "KLARCHAT_SECRET": secret}
        nginx.upstream_ports = [server.port for server in servers]
        site = cls(servers, nginx, data_dir, secret)
        try:
            servers[0].start()
            for server in servers[1:]:
                server.launch()
            for server in servers[1:]:
                server.wait_ready()
            nginx.start()
        except BaseException:
            site.stop()
            raise
        return site

    @property
    def nginx_origin(self) -> str:
        return self.nginx.origin

    @property
    def nginx_ws_url(self) -> str:
        return self.nginx.ws_url

    def restart(self, index: int) -> RunningServer:
        """Start a killed or stopped instance again, on the same port and data."""
        return self.instances[index].start()

    def proxied(self) -> list[Proxied]:
        """What nginx has logged so far; it writes a websocket's line when the socket closes."""
        if not self.nginx.upstream_log.exists():
            return []
        found = []
        for line in self.nginx.upstream_log.read_text(encoding="utf-8").splitlines():
            status, method, uri, addresses = line.split(" ", 3)
            # "127.0.0.1:A, 127.0.0.1:B"; the group's name when no instance was left to try.
            tried = [int(a.rsplit(":", 1)[1]) for a in addresses.split(", ") if ":" in a]
            found.append(Proxied(tried, int(status), method, uri))
        return found

    def stop(self) -> None:
        self.nginx.stop()
        for server in self.instances:
            server.stop()
