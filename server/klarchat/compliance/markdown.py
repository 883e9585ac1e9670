"""Markdown from Jinja2 templates, and HTML from that Markdown.

One source per document: the Markdown is what the templates write, and the HTML is that
Markdown rendered by markdown-it-py (CommonMark with tables), so the two formats cannot
say different things. Values from the configuration are escaped on output by default, as
HTML templates escape by default: a company name with `*` or `|` in it must not turn into
emphasis or break a table. Only text marked `Md` (the templates' own, and gap markers)
passes as Markdown.
"""

from __future__ import annotations

import re
from importlib.resources import files
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markdown_it import MarkdownIt
from markupsafe import Markup

TEMPLATES = str(files("klarchat.compliance") / "templates")
# Characters that start Markdown syntax anywhere in a line...
_INLINE = re.compile(r"([\\`*_\[\]<>|~#&!])")
# ...and list, quote and heading markers, which count only at a line's start.
_LINE_START = re.compile(r"^([-+>=]|\d+(?=[.)]))")


class Md(str):
    """Text that is Markdown already and is written out as it is."""


def escape(value: object) -> str:
    """A configuration value as literal text in Markdown, on one line."""
    if isinstance(value, Md):
        return value
    text = " ".join(str(value).split())
    text = _INLINE.sub(r"\\\1", text)
    return _LINE_START.sub(_escape_line_start, text)


def _escape_line_start(match: re.Match[str]) -> str:
    """A list marker: "-", "+", ">" and "=" are escaped themselves; in "1." the dot is."""
    found = match.group(1)
    return found + "\\" if found[0].isdigit() else "\\" + found


def _finalize(value: Any) -> Any:
    """Numbers need no escaping, and "0\\.4" would only make the Markdown harder to read."""
    if value is None:
        return ""
    return str(value) if isinstance(value, int | float) else escape(value)


def markdown_environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        finalize=_finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )


def _html_environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        autoescape=select_autoescape(["html.j2"]),
    )


def parser() -> MarkdownIt:
    """CommonMark with tables; raw HTML is not passed through, so none can be injected."""
    return MarkdownIt("commonmark", {"html": False}).enable("table")


def to_html(markdown: str, lang: str, title: str) -> str:
    """A whole printable page: the rendered Markdown inside `main`, with a print stylesheet."""
    body = Markup(parser().render(markdown))
    page = _html_environment().get_template("page.html.j2")
    return page.render(lang=lang, title=title, body=body)


def prose(markdown: str) -> str:
    """The running text of a document (paragraphs and list items, not headings, tables or
    code), which is what its reading ease is measured on."""
    tokens = parser().parse(markdown)
    parts: list[str] = []
    depth = 0
    for token in tokens:
        if token.type in ("table_open", "heading_open"):
            depth += 1
        elif token.type in ("table_close", "heading_close"):
            depth -= 1
        elif token.type == "inline" and depth == 0:
            text = "".join(
                child.content for child in token.children or [] if child.type == "text"
            ).strip()
            if text:
                parts.append(text if text[-1] in ".:!?" else text + ".")
    return "\n".join(parts)
