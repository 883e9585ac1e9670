"""Session tokens and the pseudonymous identifiers derived from them.

The ledger must prove who consented without holding anything that identifies the
visitor: it stores `subject = HMAC(server secret, session token)`. The token lives
only in the visitor's browser memory; the secret lives in a file outside the
database, so a leaked database alone cannot be linked back to a browser session.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from pathlib import Path

from klarchat.key_files import create_once
from klarchat.session_keys import staff_key

SECRET_FILE = "secret.key"


def load_or_create_secret(data_dir: Path, configured: str | None) -> bytes:
    """Instances starting at once on one data folder agree on one secret (`key_files`)."""
    if configured:
        return configured.encode("utf-8")
    path = data_dir / SECRET_FILE
    create_once(path, lambda: secrets.token_hex(32).encode("ascii"))
    return path.read_text(encoding="ascii").strip().encode("ascii")


class Identities:
    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    @staticmethod
    def new_token() -> str:
        return secrets.token_urlsafe(32)

    def _derive(self, label: str, token: str) -> str:
        return hmac.new(self._secret, f"{label}\x00{token}".encode(), hashlib.sha256).hexdigest()

    def subject(self, token: str) -> str:
        return self._derive("subject", token)

    def staff_key(self) -> bytes:
        """The key that seals a session key for staff (`session_keys`): from the secret
        every instance of the site shares, never from anything in the database."""
        return staff_key(self._secret)

    def conversation(self, token: str) -> str:
        """Separate from `subject` so transcripts and audit rows do not share the ledger's key."""
        return self._derive("conversation", token)[:32]
