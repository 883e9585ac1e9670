"""Debian's nginx in front of test servers, configured from an example in `examples/deploy/`.

The example a site owner copies is the config under test: only what cannot work on a test
machine is replaced (the loopback ports, a self-signed certificate for 127.0.0.1 instead
of the placeholders, log and temp paths inside the test's folder). Each replacement must
match exactly once, so an edit to the example that the test no longer understands fails
loudly instead of quietly testing something else. `Nginx` runs `nginx.conf` in front of
one server; `tests/support/scaleout.py` runs `nginx-scaleout.conf` in front of several.
"""

from __future__ import annotations

import datetime
import ipaddress
import os
import shutil
import signal
import socket
import ssl
import subprocess
import time
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar, Self

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from websockets.asyncio.client import connect

from tests.support.chat_client import ChatClient

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "deploy"
# Debian installs nginx to /usr/sbin, which is not on every user's PATH.
SEARCH_PATH = os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/usr/local/sbin"])
START_TIMEOUT_S = 15


def nginx_binary() -> str:
    """The nginx binary; an AssertionError (a failure, never a skip) when it is missing."""
    binary = shutil.which("nginx", path=SEARCH_PATH)
    assert binary, "nginx is not installed: ./scripts/test installs it (apt-get install nginx)"
    return binary


def self_signed(directory: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key, standing in for the example's placeholders."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def replace_once(text: str, old: str, new: str, example: Path) -> str:
    assert text.count(old) == 1, f"{example.relative_to(ROOT)} no longer has {old!r} once"
    return text.replace(old, new)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass(kw_only=True)
class ExampleNginx(ABC):
    """nginx in the foreground (`daemon off`) running an example config, with every path it
    writes inside `directory`. A subclass names its example and where its upstreams are."""

    example: ClassVar[Path]
    directory: Path
    https_port: int = field(default_factory=free_port)
    http_port: int = field(default_factory=free_port)
    certificate: Path | None = None
    # Each proxied websocket takes two: the client's and the one to the upstream.
    worker_connections: int = 256
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def origin(self) -> str:
        return f"https://127.0.0.1:{self.https_port}"

    @property
    def ws_url(self) -> str:
        return f"wss://127.0.0.1:{self.https_port}/ws"

    @abstractmethod
    def upstream_replacements(self) -> list[tuple[str, str]]:
        """The example's upstream `server` lines, pointed at the test servers."""

    def tls_listen(self) -> str:
        """What stands in for the example's `listen 443 ssl http2;`."""
        return f"listen 127.0.0.1:{self.https_port} ssl http2;"

    def site_config(self) -> str:
        """The example's text made runnable on loopback; sets `certificate`."""
        self.certificate, key = self_signed(self.directory)
        replacements = [
            *self.upstream_replacements(),
            ("listen 80;", f"listen 127.0.0.1:{self.http_port};"),
            ("listen [::]:80;", ""),
            ("listen 443 ssl http2;", self.tls_listen()),
            ("listen [::]:443 ssl http2;", ""),
            ("/etc/letsencrypt/live/chat.example.com/fullchain.pem", str(self.certificate)),
            ("/etc/letsencrypt/live/chat.example.com/privkey.pem", str(key)),
            ("/var/log/nginx/klarchat.error.log", str(self.directory / "klarchat.error.log")),
        ]
        text = self.example.read_text(encoding="utf-8")
        for old, new in replacements:
            text = replace_once(text, old, new, self.example)
        return text

    def start(self) -> Self:
        binary = nginx_binary()
        self.directory.mkdir(parents=True, exist_ok=True)
        (self.directory / "klarchat.conf").write_text(self.site_config(), encoding="utf-8")
        temp = "\n".join(
            f"    {kind}_temp_path {self.directory / kind};"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        # As root, nginx's workers would drop to `nobody`, who cannot enter pytest's 0700
        # temp folders; keep them as the user running the test.
        user = "user root root;\n" if os.geteuid() == 0 else ""
        main = (
            f"{user}worker_processes 1;\n"
            f"pid {self.directory / 'nginx.pid'};\n"
            f"error_log {self.directory / 'error.log'} info;\n"
            f"events {{ worker_connections {self.worker_connections}; }}\n"
            "http {\n"
            f"{temp}\n"
            f"    include {self.directory / 'klarchat.conf'};\n"
            "}\n"
        )
        config = self.directory / "nginx.conf"
        config.write_text(main, encoding="utf-8")
        command = [binary, "-p", str(self.directory), "-e", str(self.directory / "error.log")]
        check = subprocess.run([*command, "-t", "-c", str(config)], capture_output=True)
        assert check.returncode == 0, check.stderr.decode(errors="replace")
        self.process = subprocess.Popen(
            [*command, "-c", str(config), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=(self.directory / "stderr.log").open("wb"),
        )
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.logs()
            try:
                socket.create_connection(("127.0.0.1", self.https_port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise AssertionError(f"nginx did not listen in {START_TIMEOUT_S}s:\n{self.logs()}")

    def logs(self) -> str:
        return "".join(
            path.read_text(encoding="utf-8", errors="replace")
            for path in sorted(self.directory.glob("*.log"))
        )

    def stop(self) -> None:
        """SIGQUIT: nginx's graceful shutdown."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGQUIT)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def tls_context(nginx: ExampleNginx) -> ssl.SSLContext:
    """Trusts the test certificate only, so a test client checks TLS as a browser would."""
    assert nginx.certificate is not None, "start() first"
    return ssl.create_default_context(cafile=str(nginx.certificate))


async def open_chat(nginx: ExampleNginx, origin: str) -> ChatClient:
    """A chat websocket through nginx over TLS, sending `origin` as a browser would."""
    return ChatClient(
        await connect(nginx.ws_url, origin=origin, ssl=tls_context(nginx), max_size=None)
    )


@dataclass(kw_only=True)
class Nginx(ExampleNginx):
    """`examples/deploy/nginx.conf` in front of one server."""

    example: ClassVar[Path] = EXAMPLES / "nginx.conf"
    upstream_port: int

    def upstream_replacements(self) -> list[tuple[str, str]]:
        return [("server 127.0.0.1:8000;", f"server 127.0.0.1:{self.upstream_port};")]
