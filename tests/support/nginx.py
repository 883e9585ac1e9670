"""Debian's nginx in front of a test server, configured from `examples/deploy/nginx.conf`.

The example a site owner copies is the config under test: only what cannot work on a test
machine is replaced (the loopback ports, a self-signed certificate for 127.0.0.1 instead
of the placeholders, log and temp paths inside the test's folder). Each replacement must
match exactly once, so an edit to the example that the test no longer understands fails
loudly instead of quietly testing something else.
"""

from __future__ import annotations

import datetime
import ipaddress
import os
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "deploy" / "nginx.conf"
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


def _replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"examples/deploy/nginx.conf no longer has {old!r} once"
    return text.replace(old, new)


def site_config(
    directory: Path, *, https_port: int, http_port: int, upstream_port: int
) -> tuple[str, Path]:
    """The example's text made runnable on loopback, and the certificate nginx serves."""
    cert, key = self_signed(directory)
    text = EXAMPLE.read_text(encoding="utf-8")
    replacements = [
        ("server 127.0.0.1:8000;", f"server 127.0.0.1:{upstream_port};"),
        ("listen 80;", f"listen 127.0.0.1:{http_port};"),
        ("listen [::]:80;", ""),
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;"),
        ("listen [::]:443 ssl http2;", ""),
        ("/etc/letsencrypt/live/chat.example.com/fullchain.pem", str(cert)),
        ("/etc/letsencrypt/live/chat.example.com/privkey.pem", str(key)),
        ("/var/log/nginx/klarchat.error.log", str(directory / "klarchat.error.log")),
    ]
    for old, new in replacements:
        text = _replace_once(text, old, new)
    return text, cert


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Nginx:
    """nginx in the foreground (`daemon off`), with every path it writes inside `directory`."""

    directory: Path
    upstream_port: int
    https_port: int = field(default_factory=free_port)
    http_port: int = field(default_factory=free_port)
    certificate: Path | None = None
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def origin(self) -> str:
        return f"https://127.0.0.1:{self.https_port}"

    @property
    def ws_url(self) -> str:
        return f"wss://127.0.0.1:{self.https_port}/ws"

    def start(self) -> Nginx:
        binary = nginx_binary()
        self.directory.mkdir(parents=True, exist_ok=True)
        site, self.certificate = site_config(
            self.directory,
            https_port=self.https_port,
            http_port=self.http_port,
            upstream_port=self.upstream_port,
        )
        (self.directory / "klarchat.conf").write_text(site, encoding="utf-8")
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
            "events { worker_connections 256; }\n"
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
