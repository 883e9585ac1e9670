"""A third-party Klarchat adapter: it answers by shouting the visitor's message back.

Klarchat finds it through the `klarchat.adapters` entry point in pyproject.toml, so
installing this package next to klarchat is all it takes to select `adapter = "shout"`.
"""

from collections.abc import AsyncGenerator, Mapping
from typing import Any

from pydantic import Field

from klarchat.adapters.base import Adapter, ChatRequest
from klarchat.adapters.options import AdapterOptions, parse_options


class ShoutOptions(AdapterOptions):
    """The `[adapters.shout]` table: a misspelt key or a bad value is reported by name."""

    suffix: str = Field(default="!", max_length=10)


class ShoutAdapter(Adapter):
    name = "shout"
    model = "shout-1"

    def __init__(self, options: Mapping[str, Any]) -> None:
        self._options = parse_options(ShoutOptions, options, self.name)

    async def stream(self, request: ChatRequest) -> AsyncGenerator[str, None]:
        # The text arrives redacted. Placeholders such as <PERSON_1> are upper case
        # already, so shouting keeps them intact and Klarchat can restore the name.
        for word in request.last_user_message.split():
            yield word.upper() + " "
        yield self._options.suffix
