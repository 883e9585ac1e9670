"""A horizontal bar chart as inline SVG, drawn on the server from the consent figures.

On the server, so that the records page needs no chart library and no script, and the
chart is in the page as soon as it loads (and in a saved copy of it). Every bar has its
own written label and value, so no reading depends on telling colours apart; the SVG is
one image for assistive technology (`role="img"`, `<title>`, `<desc>`), and the page shows
the same numbers in a table beside it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH = 640
LABEL_WIDTH = 190
VALUE_WIDTH = 60
BAR_AREA = WIDTH - LABEL_WIDTH - VALUE_WIDTH
GROUP_HEIGHT = 26
BAR_HEIGHT = 16
ROW_HEIGHT = 22

# At least 3:1 against white (WCAG 1.4.11), distinct without being the only cue.
COLOURS = {
    "opened": "#4a5568",
    "consented": "#1f7a3f",
    "declined": "#b7410e",
    "left_undecided": "#6b5b95",
    "withdrew": "#a3195b",
}
DEFAULT_COLOUR = "#2b5797"


@dataclass(frozen=True, slots=True)
class Group:
    """One group of bars: its heading and (counter, value) pairs in drawing order."""

    label: str
    values: Sequence[tuple[str, int]]


def bar_chart(
    groups: Sequence[Group], counter_labels: Mapping[str, str], *, title: str, desc: str, ident: str
) -> Markup:
    """The chart as SVG markup, every text escaped; `ident` makes the ids unique on a page."""
    highest = max((value for group in groups for _, value in group.values), default=0) or 1
    parts: list[str] = []
    y = 0
    for group in groups:
        y += GROUP_HEIGHT
        parts.append(f'<text x="0" y="{y - 8}" class="chart-group">{escape(group.label)}</text>')
        for counter, value in group.values:
            length = round(BAR_AREA * value / highest, 1)
            label = escape(counter_labels.get(counter, counter))
            colour = COLOURS.get(counter, DEFAULT_COLOUR)
            parts.append(
                f'<text x="{LABEL_WIDTH - 8}" y="{y + BAR_HEIGHT - 3}" text-anchor="end"'
                f' class="chart-label">{label}</text>'
                f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length}" height="{BAR_HEIGHT}"'
                f' fill="{colour}" class="chart-bar" data-counter="{escape(counter)}"'
                f' data-value="{value}"/>'
                f'<text x="{LABEL_WIDTH + length + 6}" y="{y + BAR_HEIGHT - 3}"'
                f' class="chart-value">{value}</text>'
            )
            y += ROW_HEIGHT
    height = max(y + 4, GROUP_HEIGHT)
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart"'
        f' viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}"'
        f' aria-labelledby="{ident}-title {ident}-desc">'
        f'<title id="{ident}-title">{escape(title)}</title>'
        f'<desc id="{ident}-desc">{escape(desc)}</desc>'
        f"{''.join(parts)}</svg>"
    )
