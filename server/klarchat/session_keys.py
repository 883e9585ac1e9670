"""The keys that seal a live session in the shared database.

A session's pseudonym map and its redacted lines are sealed (AES-256-GCM) with a key
derived from the visitor's session token. The token lives in the visitor's browser and
is never stored, so whoever holds only the database cannot open a session: not to
re-identify anyone from the map, not to read what was said. Any instance the visitor's
socket reaches derives the same key from the token it presents.

While the visitor agrees to `human_support`, the session key is also kept sealed with the
staff key, derived from the server secret every instance of a site shares (it is never in
the database either): then an operator on any instance can read along and reveal, as the
visitor agreed. The wrapped key is deleted when that consent ends.

Each ciphertext is bound to its conversation and its use (associated data), so a sealed
value cannot be moved to another conversation or passed off as another field.
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

NONCE_BYTES = 12


class SealBroken(Exception):
    """The ciphertext does not open with this key: wrong token, or tampered with."""


def _derive(material: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=b"klarchat", info=info).derive(
        material
    )


def session_key(token: str, conversation: str) -> bytes:
    return _derive(token.encode("utf-8"), b"session key\x00" + conversation.encode("ascii"))


def staff_key(secret: bytes) -> bytes:
    return _derive(secret, b"staff key")


def seal(key: bytes, plaintext: bytes, conversation: str, use: str) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, f"{use}\x00{conversation}".encode())


def unseal(key: bytes, sealed: bytes, conversation: str, use: str) -> bytes:
    try:
        return AESGCM(key).decrypt(
            sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], f"{use}\x00{conversation}".encode()
        )
    except InvalidTag:
        raise SealBroken(f"the sealed {use} does not open") from None
