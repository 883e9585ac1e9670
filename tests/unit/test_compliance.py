"""The compliance file's logic on its own: the DPIA indication, the Markdown escaping,
and the legal bases it shares with the privacy notice."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from klarchat.compliance.dpia import screen
from klarchat.compliance.facts import gather
from klarchat.compliance.gaps import in_eea
from klarchat.compliance.markdown import escape, parser, prose
from klarchat.config import Settings
from klarchat.defaults import LEGAL_BASIS_AUDIT, LEGAL_BASIS_PROOF
from klarchat.web.privacy import TEXTS
from tests.unit.test_policy_version import full_config


def screening(**config: Any):
    return screen(gather(Settings(**config), "en", date(2026, 1, 1)))


def test_the_offline_faq_with_everything_redacted_indicates_no_dpia() -> None:
    result = screening()
    assert not result.likely_required
    assert result.edpb_yes == 1, "new technology only"


def test_an_ai_model_is_on_the_german_authorities_list_even_on_this_machine() -> None:
    local = {"adapter": "openai", "adapters": {"openai": {"model": "llama3.1"}}}
    result = screening(**local)
    assert result.likely_required
    assert [c.id for c in result.reasons] == ["ai_interaction", "innovative"]
    assert result.edpb_yes == 1, "the list item decides alone"


def test_special_categories_passed_through_make_two_edpb_criteria() -> None:
    result = screening(privacy={"special_categories": {"health": "note"}})
    assert result.likely_required
    assert {c.id for c in result.reasons} == {"sensitive_data", "innovative"}
    answers = {c.id: c.answer for c in result.criteria}
    assert answers["special_large_scale"] == "open", "the scale is the operator's to judge"


def test_a_stated_transfer_is_a_further_risk() -> None:
    assert {c.id: c.answer for c in screening(**full_config()).criteria}["third_country"] == "yes"
    assert {c.id: c.answer for c in screening().criteria}["third_country"] == "no"


@pytest.mark.parametrize(
    "value",
    ["*bold* _x_", "a | b", "<script>x</script>", "[link](http://x)", "1. first", "- item",
     "# heading", "&amp; `code`", "back\\slash", "> quote", "line\nbreak", "![img](x)"],
)  # fmt: skip
def test_a_configuration_value_stays_literal_text(value: str) -> None:
    html = parser().render(f"| a |\n| --- |\n| {escape(value)} |\n")
    cell = re.search(r"<td>(.*)</td>", html, re.S)
    assert cell, html
    literal = " ".join(value.split())
    expected = literal.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert cell.group(1) == expected.replace('"', "&quot;")


def test_reading_ease_is_measured_on_running_text_only() -> None:
    text = "# Title\n\nOne sentence here\n\n| a | b |\n| --- | --- |\n| cell | cell |\n\n- item\n"
    assert prose(text) == "One sentence here.\nitem."


@pytest.mark.parametrize(
    ("country", "inside"),
    [("Deutschland", True), ("IE", True), ("Norway", True), ("USA", False), ("Schweiz", False)],
)
def test_eu_and_eea_countries_are_recognised(country: str, inside: bool) -> None:
    assert in_eea(country) is inside


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_notice_states_the_same_legal_bases_as_the_documents(lang: str) -> None:
    article = re.compile(r"Art\. 6[^,;]*?(?:lit\. [cf]|\([cf]\))")
    for basis, notice in ((LEGAL_BASIS_PROOF, "proof"), (LEGAL_BASIS_AUDIT, "audit")):
        cited = article.search(basis[lang])
        assert cited, basis[lang]
        assert cited.group(0) in TEXTS[lang][notice], (cited.group(0), TEXTS[lang][notice])
