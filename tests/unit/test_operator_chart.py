"""The figures chart: valid SVG, one labelled bar per counter scaled to the largest value,
every text escaped, and described for assistive technology."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from klarchat.operator.chart import BAR_AREA, Group, bar_chart

SVG = "{http://www.w3.org/2000/svg}"
LABELS = {"opened": "Chat geöffnet", "consented": "zugestimmt"}


def parse(markup: str) -> ET.Element:
    return ET.fromstring(markup)


def test_bars_scale_to_the_largest_value_and_carry_their_numbers() -> None:
    svg = parse(
        bar_chart(
            [
                Group("v1 · A", [("opened", 40), ("consented", 10)]),
                Group("v1 · B", [("opened", 20), ("consented", 0)]),
            ],
            LABELS,
            title="Einwilligungen",
            desc="Balken je Zähler",
            ident="c",
        )
    )
    bars = {
        (r.get("data-counter"), r.get("data-value")): float(r.get("width"))
        for r in svg.iter(f"{SVG}rect")
    }
    assert bars == {
        ("opened", "40"): BAR_AREA,
        ("consented", "10"): BAR_AREA / 4,
        ("opened", "20"): BAR_AREA / 2,
        ("consented", "0"): 0.0,
    }
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert texts.count("Chat geöffnet") == 2 and texts.count("zugestimmt") == 2
    assert {"40", "10", "20", "0", "v1 · A", "v1 · B"} <= set(texts)


def test_the_chart_is_one_named_image() -> None:
    svg = parse(bar_chart([Group("v1", [("opened", 1)])], LABELS, title="T", desc="D", ident="x"))
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "x-title x-desc"
    assert svg.find(f"{SVG}title").get("id") == "x-title"
    assert svg.find(f"{SVG}title").text == "T"
    assert svg.find(f"{SVG}desc").text == "D"


def test_text_from_the_config_cannot_become_markup() -> None:
    hostile = '<script>alert(1)</script>" onload="x'
    markup = bar_chart(
        [Group(hostile, [("opened", 3)])], LABELS, title=hostile, desc="d", ident="i"
    )
    assert "<script>" not in markup
    svg = parse(markup)
    assert svg.find(f"{SVG}title").text == hostile
    assert [e.tag for e in svg.iter()].count(f"{SVG}script") == 0


def test_no_figures_draws_an_empty_but_valid_chart() -> None:
    svg = parse(bar_chart([], LABELS, title="T", desc="D", ident="e"))
    assert list(svg.iter(f"{SVG}rect")) == []
