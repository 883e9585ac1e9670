"""Finding adapters by name through the `klarchat.adapters` entry-point group.

Built-in and third-party adapters are discovered the same way, so installing a
package is all it takes to make a new backend selectable with `adapter = "<name>"`.
"""

from __future__ import annotations

from collections.abc import Mapping
from difflib import get_close_matches
from importlib.metadata import EntryPoint, entry_points
from typing import Any

from klarchat.adapters.base import Adapter, AdapterConfigError

ENTRY_POINT_GROUP = "klarchat.adapters"


def available_adapters() -> list[str]:
    """Names that `adapter = "<name>"` accepts, sorted for stable error messages."""
    return sorted({entry_point.name for entry_point in entry_points(group=ENTRY_POINT_GROUP)})


def load_adapter(name: str, options: Mapping[str, Any]) -> Adapter:
    """Construct the adapter called `name` from its `[adapters.<name>]` table."""
    adapter_class = _load_class(_find(name))
    return adapter_class(options)


def _find(name: str) -> EntryPoint:
    candidates = {ep.value: ep for ep in entry_points(group=ENTRY_POINT_GROUP, name=name)}
    if not candidates:
        names = available_adapters()
        close = get_close_matches(name, names, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise AdapterConfigError(
            f"adapter: unknown adapter {name!r}{hint} Available: {', '.join(names) or 'none'}"
        )
    if len(candidates) > 1:
        # Two packages claiming one name would make the choice depend on install order.
        sources = ", ".join(sorted(candidates))
        raise AdapterConfigError(
            f"adapter: {name!r} is provided by more than one package: {sources}"
        )
    return next(iter(candidates.values()))


def _load_class(entry_point: EntryPoint) -> type[Adapter]:
    try:
        loaded = entry_point.load()
    except Exception as exc:
        raise AdapterConfigError(
            f"adapter: {entry_point.name!r} could not be imported from {entry_point.value}: {type(exc).__name__}: {exc}"
        ) from exc
    if not (isinstance(loaded, type) and issubclass(loaded, Adapter)):
        raise AdapterConfigError(
            f"adapter: {entry_point.name!r} points at {entry_point.value}, which is not an Adapter subclass"
        )
    return loaded
