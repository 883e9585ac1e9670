"""The server's Ed25519 key, which signs consent receipts and ledger checkpoints.

The hash chain proves the ledger is consistent with itself; it cannot show that rows
were cut from its end, or that its whole tail was recomputed. A signature made at the
time and held by someone else (the visitor's receipt, an archived checkpoint) can. The
key lives in `data_dir/signing.key`, beside `secret.key` and outside the database, so a
copied or edited database alone cannot forge either document.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
    load_pem_private_key,
    load_pem_public_key,
)

from klarchat.chain import canonical_json
from klarchat.key_files import create_once

SIGNING_KEY_FILE = "signing.key"
ALGORITHM = "Ed25519"


def b64url_encode(data: bytes) -> str:
    """base64url without padding, as JOSE writes it."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    """Strict: only the one spelling `b64url_encode` produces, so that a changed
    character can never decode to the same bytes (padding bits, stray symbols)."""
    data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    if b64url_encode(data) != text:
        raise ValueError("not canonical base64url")
    return data


def raw_public_key(public_key: Ed25519PublicKey) -> bytes:
    return public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def key_id(public_key: Ed25519PublicKey) -> str:
    """Short and stable, so a document names the key that signed it once keys rotate."""
    return hashlib.sha256(raw_public_key(public_key)).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class VerifyResult:
    ok: bool
    reason: str = ""


class SigningKey:
    def __init__(self, private_key: Ed25519PrivateKey) -> None:
        self._private = private_key
        self.public_key = private_key.public_key()
        self.kid = key_id(self.public_key)

    def sign(self, fields: Mapping[str, Any]) -> dict[str, Any]:
        """`fields` plus `kid` and `alg`, and a `signature` over the canonical JSON of all of them."""
        document = {**fields, "kid": self.kid, "alg": ALGORITHM}
        return {
            **document,
            "signature": b64url_encode(self._private.sign(canonical_json(document))),
        }

    def public_document(self) -> dict[str, str]:
        """What `/.well-known/klarchat-signing-key` publishes."""
        pem = self.public_key.public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)
        return {
            "alg": ALGORITHM,
            "kid": self.kid,
            "public_key": b64url_encode(raw_public_key(self.public_key)),
            "pem": pem.decode("ascii"),
        }


def verify_signed(document: Mapping[str, Any], public_key: Ed25519PublicKey) -> VerifyResult:
    """Check a document made by `SigningKey.sign`: the key it names, then its signature."""
    kid = key_id(public_key)
    if document.get("kid") != kid:
        return VerifyResult(False, f"unknown kid {document.get('kid')!r} (this key is {kid!r})")
    if document.get("alg") != ALGORITHM:
        return VerifyResult(False, f"unsupported alg {document.get('alg')!r}")
    unsigned = {name: value for name, value in document.items() if name != "signature"}
    try:
        public_key.verify(b64url_decode(document.get("signature", "")), canonical_json(unsigned))
    except (InvalidSignature, ValueError, TypeError):
        return VerifyResult(False, "bad signature")
    return VerifyResult(True)


def load_or_create_signing_key(data_dir: Path) -> SigningKey:
    """Created on first start like `secret.key`. The new key is written to a private
    temporary file and linked into place, so that two processes starting at once agree on
    one key and neither ever reads a half-written file."""
    path = data_dir / SIGNING_KEY_FILE
    create_once(
        path,
        lambda: Ed25519PrivateKey.generate().private_bytes(
            Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()
        ),
    )
    return read_signing_key(path)


def read_signing_key(path: Path) -> SigningKey:
    """Raises `FileNotFoundError`, or `ValueError` for a file that is not an Ed25519 key."""
    private_key = load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(private_key, Ed25519PrivateKey):
        raise ValueError(f"{path} is not an Ed25519 private key")
    return SigningKey(private_key)


def read_public_key(path: Path) -> Ed25519PublicKey:
    """A published key (the well-known document's `pem`), for checking without `data_dir`."""
    public_key = load_pem_public_key(path.read_bytes())
    if not isinstance(public_key, Ed25519PublicKey):
        raise ValueError(f"{path} is not an Ed25519 public key")
    return public_key
