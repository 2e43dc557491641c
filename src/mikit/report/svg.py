"""Inline SVG charts for the HTML report, drawn without any plotting library.

Every number written into the markup goes through :func:`number`, so a NaN or an
infinity never reaches the SVG, and every piece of text goes through :func:`text`,
so a label cannot open a tag or hold a character that XML forbids.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import attrs
from markupsafe import Markup, escape

from mikit.models import Talk

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = ["ScoreBar", "number", "score_chart", "talk_chart", "text"]

_CHANGE_COLOUR = "#1b7f5b"
_SUSTAIN_COLOUR = "#c2410c"
_INK = "#1f2937"
_GRID = "#d1d5db"
_FAIR_COLOUR = "#b45309"
_GOOD_COLOUR = "#15803d"


def number(value: float, *, digits: int = 1) -> str:
    """*value* as a short decimal for SVG attributes and labels.

    Not-a-number and infinities become ``"0"``; trailing zeros go, and ``-0`` is
    written ``0``.

    Args:
        value: Any float or int.
        digits: Decimal places to keep (0..6).

    Returns:
        The number as plain decimal text, never in exponent form.

    >>> number(2.0), number(1 / 3), number(float("nan")), number(-0.0001)
    ('2', '0.3', '0', '0')
    """
    if not math.isfinite(value):
        return "0"
    text = f"{value:.{max(0, min(digits, 6))}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text


def _xml_allowed(ch: str) -> bool:
    code = ord(ch)
    if code < 0x20:
        return ch in "\t\n\r"
    return not (0xD800 <= code <= 0xDFFF or code in {0xFFFE, 0xFFFF})


def text(value: str) -> Markup:
    r"""*value* escaped for SVG text, without the characters XML cannot hold.

    Control characters (other than tab and newlines), lone surrogates and the
    noncharacters U+FFFE and U+FFFF are dropped; ``<``, ``>``, ``&`` and quotes are
    escaped.

    >>> str(text("<b>R:Q\x00</b>"))
    '&lt;b&gt;R:Q&lt;/b&gt;'
    """
    return escape("".join(ch for ch in value if _xml_allowed(ch)))


def _talk(value: Talk | str) -> Talk:
    try:
        return Talk(value)
    except ValueError:
        return Talk.NEUTRAL


def _cumulative(talk: Iterable[Talk | str]) -> tuple[list[int], list[int]]:
    change, sustain = [0], [0]
    for item in talk:
        kind = _talk(item)
        change.append(change[-1] + (kind is Talk.CHANGE))
        sustain.append(sustain[-1] + (kind is Talk.SUSTAIN))
    return change, sustain


@attrs.frozen
class _Plot:
    left: float
    top: float
    width: float
    height: float
    top_count: int

    def points(self, counts: Sequence[int]) -> str:
        steps = max(len(counts) - 1, 1)
        return " ".join(
            f"{number(self.left + self.width * i / steps)},"
            f"{number(self.top + self.height - self.height * c / self.top_count)}"
            for i, c in enumerate(counts)
        )


def talk_chart(
    talk: Iterable[Talk | str], *, title: str = "Change talk and sustain talk"
) -> Markup:
    """A line chart of cumulative change talk against sustain talk, turn by turn.

    Args:
        talk: The talk type of each client turn in order (``"change"``,
            ``"sustain"`` or ``"neutral"``; anything else counts as neutral).
        title: The accessible title of the chart.

    Returns:
        An ``<svg>`` element as safe markup, ready to place in an HTML page.

    >>> svg = talk_chart(["change", "sustain", "change"])
    >>> svg.startswith("<svg") and "Change talk: 2" in svg and "Sustain talk: 1" in svg
    True
    """
    change, sustain = _cumulative(talk)
    width, height = 640.0, 260.0
    left, top, right, bottom = 44.0, 36.0, 16.0, 40.0
    plot_w, plot_h = width - left - right, height - top - bottom
    turns = len(change) - 1
    top_count = max(change[-1], sustain[-1], 1)
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="chart talk-chart" role="img" '
            f'viewBox="0 0 {number(width)} {number(height)}" width="100%" '
            f'aria-labelledby="talk-chart-title">'
        ),
        f'<title id="talk-chart-title">{text(title)}</title>',
    ]
    # Gridlines at a few round counts, so the reader can read values off the chart.
    step = max(1, math.ceil(top_count / 5))
    ticks = sorted({*range(0, top_count, step), top_count})
    for tick in ticks:
        y = top + plot_h - plot_h * tick / top_count
        parts.append(
            f'<line x1="{number(left)}" y1="{number(y)}" x2="{number(left + plot_w)}" '
            f'y2="{number(y)}" stroke="{_GRID}" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{number(left - 6)}" y="{number(y + 4)}" font-size="11" '
            f'text-anchor="end" fill="{_INK}">{tick}</text>'
        )
    parts.append(
        f'<text x="{number(left + plot_w / 2)}" y="{number(height - 8)}" font-size="12" '
        f'text-anchor="middle" fill="{_INK}">Client turns ({turns})</text>'
    )
    if turns == 0:
        parts.append(
            f'<text x="{number(left + plot_w / 2)}" y="{number(top + plot_h / 2)}" '
            f'font-size="13" text-anchor="middle" fill="{_INK}">No client turns yet</text>'
        )
    else:
        plot = _Plot(left, top, plot_w, plot_h, top_count)
        lines = ((sustain, _SUSTAIN_COLOUR, "6 4"), (change, _CHANGE_COLOUR, ""))
        for counts, colour, dash in lines:
            dashes = f' stroke-dasharray="{dash}"' if dash else ""
            parts.append(
                f'<polyline fill="none" stroke="{colour}" stroke-width="2.5"{dashes} '
                f'stroke-linejoin="round" points="{plot.points(counts)}"/>'
            )
    legend = (
        (f"Change talk: {change[-1]}", _CHANGE_COLOUR, "", left),
        (f"Sustain talk: {sustain[-1]}", _SUSTAIN_COLOUR, "6 4", left + 170),
    )
    for label, colour, dash, x in legend:
        dashes = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<line x1="{number(x)}" y1="16" x2="{number(x + 24)}" y2="16" stroke="{colour}" '
            f'stroke-width="2.5"{dashes}/>'
        )
        parts.append(
            f'<text x="{number(x + 30)}" y="20" font-size="12" fill="{_INK}">{text(label)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - every value above is a number or escaped


@attrs.frozen(kw_only=True)
class ScoreBar:
    """One summary score drawn as a bar against its fair and good thresholds.

    Args:
        label: What the score is ("Reflection-to-question ratio").
        value: The score, or None where it cannot be computed (no questions asked).
        fair: The threshold for fair proficiency.
        good: The threshold for good proficiency.
        maximum: The right end of the scale; larger values are drawn at the end.
        shown: The value as the reader should see it ("1.5:1", "42 %").
    """

    label: str
    value: float | None
    fair: float
    good: float
    maximum: float
    shown: str

    @property
    def level(self) -> str:
        """``"good"``, ``"fair"``, ``"below fair"``, or ``"not scored"`` when there is no value."""
        if self.value is None or math.isnan(self.value):
            return "not scored"
        if self.value >= self.good:
            return "good"
        if self.value >= self.fair:
            return "fair"
        return "below fair"


def _fraction(value: float, maximum: float) -> float:
    if not math.isfinite(maximum) or maximum <= 0:
        return 0.0
    if math.isnan(value):
        return 0.0
    return min(max(value / maximum, 0.0), 1.0)


def score_chart(bars: Sequence[ScoreBar], *, title: str = "MITI summary scores") -> Markup:
    """Horizontal bars for summary scores, with a line at each fair and good threshold.

    Args:
        bars: The scores to draw, top to bottom.
        title: The accessible title of the chart.

    Returns:
        An ``<svg>`` element as safe markup.

    >>> bar = ScoreBar(label="R:Q", value=1.5, fair=1, good=2, maximum=3, shown="1.5:1")
    >>> svg = score_chart([bar])
    >>> "R:Q" in svg and "fair" in svg and "1.5:1" in svg
    True
    """
    width = 640.0
    label_w, value_w, right = 220.0, 110.0, 14.0
    row_h, bar_h, top = 46.0, 16.0, 10.0
    scale_w = width - label_w - value_w - right
    height = top + row_h * max(len(bars), 1) + 8
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="chart score-chart" role="img" '
            f'viewBox="0 0 {number(width)} {number(height)}" width="100%" '
            f'aria-labelledby="score-chart-title">'
        ),
        f'<title id="score-chart-title">{text(title)}</title>',
    ]
    if not bars:
        parts.append(
            f'<text x="{number(width / 2)}" y="{number(top + 20)}" font-size="13" '
            f'text-anchor="middle" fill="{_INK}">No scores</text>'
        )
    for i, bar in enumerate(bars):
        y = top + row_h * i
        bar_y = y + 14
        parts.append(
            f'<text x="0" y="{number(bar_y + 12)}" font-size="12.5" fill="{_INK}">'
            f"{text(bar.label)}</text>"
        )
        parts.append(
            f'<rect x="{number(label_w)}" y="{number(bar_y)}" width="{number(scale_w)}" '
            f'height="{number(bar_h)}" fill="#f3f4f6" stroke="{_GRID}"/>'
        )
        level = bar.level
        if bar.value is not None:
            fill = {"good": _GOOD_COLOUR, "fair": _FAIR_COLOUR}.get(level, "#9ca3af")
            bar_width = scale_w * _fraction(bar.value, bar.maximum)
            parts.append(
                f'<rect class="score-bar" x="{number(label_w)}" y="{number(bar_y)}" '
                f'width="{number(bar_width)}" height="{number(bar_h)}" fill="{fill}"/>'
            )
        for name, threshold in (("fair", bar.fair), ("good", bar.good)):
            x = label_w + scale_w * _fraction(threshold, bar.maximum)
            parts.append(
                f'<line class="threshold" x1="{number(x)}" y1="{number(bar_y - 4)}" '
                f'x2="{number(x)}" y2="{number(bar_y + bar_h + 4)}" stroke="{_INK}" '
                'stroke-width="1.5"/>'
            )
            parts.append(
                f'<text x="{number(x)}" y="{number(bar_y - 6)}" font-size="10" '
                f'text-anchor="middle" fill="{_INK}">{name}</text>'
            )
        parts.append(
            f'<text x="{number(label_w + scale_w + 10)}" y="{number(bar_y + 12)}" font-size="12.5" '
            f'font-weight="bold" fill="{_INK}">{text(bar.shown)}</text>'
        )
        parts.append(
            f'<text x="{number(label_w + scale_w + 10)}" y="{number(bar_y + 27)}" font-size="10.5" '
            f'fill="{_INK}">{text(level)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - every value above is a number or escaped
