"""Every kind of personal data the redactor can remove has a name the visitor can read, and
the compliance documents call it by the same name (`klarchat.privacy.labels`)."""

import re
from pathlib import Path

import pytest

from klarchat.privacy.categories import Category as ArticleNine
from klarchat.privacy.labels import CATEGORY_LABELS, ENTITY_LABELS
from klarchat.privacy.redactor import Redactor
from klarchat.privacy.special_categories import Category

I18N = Path(__file__).resolve().parents[2] / "widget" / "src" / "ui" / "i18n"
_ENTITIES_BLOCK = re.compile(r"^  entities: \{\n(.*?)^  \},", re.M | re.S)
_KEY = re.compile(r"^    ([A-Z][A-Z0-9_]*): \[", re.M)
_PLURAL = re.compile(r'^    ([A-Z][A-Z0-9_]*): \["[^"]*", "([^"]*)"\],$', re.M)
_CATEGORIES_BLOCK = re.compile(r"^  categories: \{\n(.*?)^  \},", re.M | re.S)
_CATEGORY = re.compile(r'^    ([a-z_]+): "([^"]*)",$', re.M)


def widget_labels(language: str) -> set[str]:
    block = _ENTITIES_BLOCK.search((I18N / f"{language}.js").read_text(encoding="utf-8"))
    assert block, f"no entities block in {language}.js"
    return set(_KEY.findall(block.group(1)))


@pytest.fixture(scope="module")
def emitted() -> set[str]:
    analyzer = Redactor()._analyzer
    types = {t for language in ("de", "en") for t in analyzer.get_supported_entities(language)}
    return types - {category.entity_type for category in Category}


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_entity_type_has_a_visitor_facing_label(emitted, language):
    missing = sorted(emitted - widget_labels(language))
    assert not missing, f"{language}.js lacks labels for {missing}"


def test_the_label_reader_sees_the_labels():
    assert {"PERSON", "LOCATION", "ORDER_NUMBER"} <= widget_labels("de")


def widget_plurals(language: str) -> dict[str, str]:
    block = _ENTITIES_BLOCK.search((I18N / f"{language}.js").read_text(encoding="utf-8"))
    assert block, f"no entities block in {language}.js"
    return dict(_PLURAL.findall(block.group(1)))


def widget_categories(language: str) -> dict[str, str]:
    block = _CATEGORIES_BLOCK.search((I18N / f"{language}.js").read_text(encoding="utf-8"))
    assert block, f"no categories block in {language}.js"
    return dict(_CATEGORY.findall(block.group(1)))


def test_the_documents_list_exactly_what_the_redactor_removes(emitted):
    assert set(ENTITY_LABELS) == emitted


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_documents_use_the_widgets_words(language):
    plurals = widget_plurals(language)
    assert len(plurals) == len(widget_labels(language)), "every widget label has a plural"
    ours = {kind: names[language] for kind, names in ENTITY_LABELS.items()}
    assert ours == {kind: plurals[kind] for kind in ours}
    categories = {str(c): names[language] for c, names in CATEGORY_LABELS.items()}
    assert set(CATEGORY_LABELS) == set(ArticleNine)
    assert categories == widget_categories(language)
