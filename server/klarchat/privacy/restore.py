"""Restoring placeholders in a streamed answer, delta by delta.

A provider streams text in arbitrary pieces, so ``<PERSON_1>`` may arrive as
``"<PER"`` and ``"SON_1>"``. Only the tail that could still become a
placeholder is held back; everything else goes out at once, so streaming
stays as responsive as without redaction.
"""

from __future__ import annotations

import re

from klarchat.privacy.vault import MAX_PLACEHOLDER_LENGTH, Vault

# Every proper prefix of "<TYPE_N>": "<", "<P", "<PERSON_", "<PERSON_1".
_PARTIAL_TAIL = re.compile(r"<(?:[A-Z][A-Z0-9_]*)?\Z")


class StreamRestorer:
    """Feeds deltas in, gets restored text out; call :meth:`flush` at the end."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault
        self._pending = ""

    def feed(self, delta: str) -> str:
        """Return the restored text that is safe to show now."""
        buffer = self._pending + delta
        tail = _PARTIAL_TAIL.search(buffer, max(0, len(buffer) - MAX_PLACEHOLDER_LENGTH))
        cut = tail.start() if tail else len(buffer)
        self._pending = buffer[cut:]
        return self._vault.restore(buffer[:cut])

    def flush(self) -> str:
        """Release whatever is held back once the stream has ended."""
        rest, self._pending = self._pending, ""
        return self._vault.restore(rest)
