"""Where a setting came from, and what its author probably meant.

A configuration error is only useful if it points at the line to fix: the file and key,
or the environment variable, and for a near miss the name that was meant. pydantic
gives every error a location (`limits.max_message_chars`); this module turns that
location back into its source and finds close names with `difflib`.

Environment variables are shell strings, so a list may be written the way people write
lists in a shell (`http://a,http://b`) as well as JSON (`["http://a","http://b"]`).
"""

from __future__ import annotations

import difflib
import json
import types
from collections.abc import Mapping, Sequence
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_settings import EnvSettingsSource

ENV_PREFIX = "KLARCHAT_"
NESTED = "__"
# Read by Klarchat outside the settings: the config file's path and the test clock.
NOT_SETTINGS = frozenset({"KLARCHAT_CONFIG", "KLARCHAT_TESTING_CLOCK_FILE"})

Loc = Sequence[str | int]


class ListFriendlyEnvSource(EnvSettingsSource):
    """JSON first; a list that is not JSON is read as comma-separated values."""

    def decode_complex_value(self, field_name: str, field: FieldInfo | None, value: Any) -> Any:
        try:
            return super().decode_complex_value(field_name, field, value)
        except ValueError:
            if field is not None and isinstance(value, str) and _is_list(field.annotation):
                return [part.strip() for part in value.split(",") if part.strip()]
            raise


def suggest(word: str, choices: Sequence[str]) -> str:
    """`; did you mean 'x'?` for a near miss, else nothing."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def variable_for(loc: Loc, env: Mapping[str, str]) -> str | None:
    """The `KLARCHAT_*` variable that set the value at `loc` (or a table around it)."""
    names = {name.upper(): name for name in env}
    for end in range(len(loc), 0, -1):
        candidate = ENV_PREFIX + NESTED.join(str(part) for part in loc[:end]).upper()
        if candidate in names:
            return names[candidate]
    return None


def known_keys(model: type[BaseModel], loc: Loc) -> list[str]:
    """The keys allowed beside the last part of `loc`, or [] when any key is allowed."""
    annotation: Any = model
    for part in loc[:-1]:
        annotation = _step(annotation, part)
        if annotation is None:
            return []
    target = _model_in(annotation)
    return list(target.model_fields) if target is not None else []


def unknown_variables(env: Mapping[str, str], model: type[BaseModel]) -> list[str]:
    """One line per `KLARCHAT_*` variable that names no setting, with the likely one.

    pydantic-settings ignores such variables, so without this check a typo in a
    deployment (`KLARCHAT_ADAPTR=openai`) would leave the default in force unseen.
    """
    problems = []
    known = sorted(_variable_names(model))
    for name in sorted(env):
        upper = name.upper()
        if not upper.startswith(ENV_PREFIX) or upper in NOT_SETTINGS:
            continue
        if not _names_a_setting(upper[len(ENV_PREFIX) :].lower().split(NESTED), model):
            problems.append(f"environment variable {name}: no such setting{suggest(upper, known)}")
    return problems


def not_json(field_name: str, env: Mapping[str, str]) -> str:
    """The message for a table-valued variable that is not JSON."""
    name = variable_for([field_name], env) or ENV_PREFIX + field_name.upper()
    try:
        json.loads(env.get(name, ""))
    except ValueError as exc:
        return f"environment variable {name}: not valid JSON ({exc.msg}, column {exc.colno})"
    return f"environment variable {name}: cannot be read"


def _names_a_setting(parts: list[str], model: type[BaseModel]) -> bool:
    annotation: Any = model
    for part in parts:
        if annotation is Any:
            return True
        annotation = _step(annotation, part)
        if annotation is None:
            return False
    return True


def _variable_names(model: type[BaseModel], prefix: str = ENV_PREFIX) -> set[str]:
    """Every variable that names a setting, tables included, for did-you-mean."""
    names = set()
    for key, field in model.model_fields.items():
        name = prefix + key.upper()
        names.add(name)
        nested = _model_in(field.annotation)
        if nested is not None:
            names |= _variable_names(nested, name + NESTED)
    return names


def _step(annotation: Any, part: str | int) -> Any:
    """The annotation one key further in, `Any` where every key is allowed, None if unknown."""
    target = _model_in(annotation)
    if target is not None:
        field = target.model_fields.get(str(part))
        return None if field is None else field.annotation
    for arg in _options(annotation):
        origin = get_origin(arg)
        if origin is dict:
            return get_args(arg)[1] if get_args(arg) else Any
        if origin is list and isinstance(part, int):
            return get_args(arg)[0]
        if arg is Any or arg is dict:
            return Any
    return None


def _model_in(annotation: Any) -> type[BaseModel] | None:
    for arg in _options(annotation):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
    return None


def _is_list(annotation: Any) -> bool:
    return any(get_origin(arg) is list for arg in _options(annotation))


def _options(annotation: Any) -> tuple[Any, ...]:
    """The members of `X | Y` (and of `Optional[X]`), or the annotation itself."""
    if get_origin(annotation) in (Union, types.UnionType):
        return get_args(annotation)
    return (annotation,)
