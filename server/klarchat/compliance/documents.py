"""The five documents of the compliance file, rendered for one language and format.

Each document is one Jinja2 template per language (`<name>.<lang>.md.j2`), so that each
language reads as written, not as translated fragments; the facts and the DPIA answers
come from Python, so both languages state the same things (a test compares their
structure).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from klarchat.compliance.dpia import screen
from klarchat.compliance.markdown import Md, escape, markdown_environment, to_html

if TYPE_CHECKING:
    from klarchat.compliance.facts import Facts


@dataclass(frozen=True, slots=True)
class Document:
    slug: str
    template: str

    def filename(self, lang: str, fmt: str) -> str:
        return f"{self.slug}.{lang}.{fmt}"


DOCUMENTS = (
    Document("record-of-processing", "record"),
    Document("technical-organisational-measures", "toms"),
    Document("deletion-concept", "deletion"),
    Document("dpia-screening", "dpia"),
    Document("processor-checklist", "processor"),
)


def _code(value: object) -> Md:
    """A value as a code span, fenced with more backticks than it holds in a row."""
    text = " ".join(str(value).split())
    if "`" not in text:
        return Md(f"`{text}`")
    fence = "`" * (max(len(run) for run in re.findall(r"`+", text)) + 1)
    return Md(f"{fence} {text} {fence}")


def _recipients(recipients: list[dict[str, str]]) -> Md:
    named = (
        f"{escape(r['name'])} ({escape(r['role'])}, {escape(r['country'])})" for r in recipients
    )
    return Md("; ".join(named))


def _context(facts: Facts) -> dict[str, Any]:
    def gap(key: str) -> Md:
        found = facts.gaps.get(key)
        return Md(found.marker(facts.lang)) if found else Md("")

    return {"f": facts, "s": screen(facts), "gap": gap}


def render_markdown(document: Document, facts: Facts) -> str:
    env = markdown_environment()
    env.filters.update(
        md=Md,
        code=_code,
        recipients=_recipients,
        num=lambda number: f"{number:g}",
        lines=lambda text: ", ".join(line.strip() for line in text.splitlines() if line.strip()),
    )
    template = env.get_template(f"{document.template}.{facts.lang}.md.j2")
    return template.render(_context(facts))


def title_of(markdown: str) -> str:
    """The document's first heading, which also titles its HTML page."""
    return markdown.split("\n", 1)[0].lstrip("# ").strip()


def render(document: Document, facts: Facts, fmt: str) -> str:
    markdown = render_markdown(document, facts)
    return markdown if fmt == "md" else to_html(markdown, facts.lang, title_of(markdown))
