"""Validation of an adapter's `[adapters.<name>]` table.

Every adapter validates its options with a pydantic model, and every mistake is
reported the same way: as an `AdapterConfigError` whose message points at the
exact key in klarchat.toml, so that an operator can fix the file without reading
a traceback. Values are never echoed, because an option may hold an API key.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from klarchat.adapters.base import AdapterConfigError


class AdapterOptions(BaseModel):
    """Base for option models: a misspelt key is an error, never silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


OptionsT = TypeVar("OptionsT", bound=AdapterOptions)


def parse_options(model: type[OptionsT], options: Mapping[str, Any], adapter: str) -> OptionsT:
    """Validate `options` against `model`, or raise `AdapterConfigError` naming the key."""
    try:
        return model.model_validate(dict(options))
    except ValidationError as exc:
        raise AdapterConfigError(_describe(exc, adapter)) from None


def _describe(exc: ValidationError, adapter: str) -> str:
    problems = []
    for error in exc.errors(include_url=False, include_input=False):
        key = ".".join(["adapters", adapter, *(str(part) for part in error["loc"])])
        problems.append(f"{key}: {error['msg']}")
    return "; ".join(problems)
