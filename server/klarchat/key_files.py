"""Key files that several processes may create at the same moment (instances starting
together on one data folder): the first to finish wins, and nobody reads half a file.

The new content goes to a private temporary file (0600) and is then hard-linked into
place; a link fails if the name exists, so exactly one process's content becomes the file.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path


def create_once(path: Path, content: Callable[[], bytes]) -> None:
    """Make `path` with `content()` unless it exists; mode 0600, its folder created."""
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(8)}")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(content())
    try:
        os.link(temporary, path)
    except FileExistsError:
        pass  # another process was first; its content is the content
    finally:
        temporary.unlink()
