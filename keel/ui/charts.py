"""Small server-rendered SVG charts (pure: no database, no app): a line chart for trends.

Colours come from CSS classes (`chart-<tone>`, styled with design tokens by the page's
stylesheet), never from inline styles, which the CSP forbids; so charts follow the light and
dark themes. Each chart is an image with a `<title>` and a `<desc>`; every point carries its
own `<title>` (label, x, value) for pointer and screen-reader users, and a missing value
(None) leaves a gap instead of a made-up line. Pages should still pair a chart with the
same figures as text or a table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from django.utils.formats import number_format
from django.utils.safestring import SafeString, mark_safe

TONES = frozenset({"green", "amber", "red", "blue", "grey", "accent"})
LEFT, RIGHT, TOP, BOTTOM = 36, 12, 12, 28
LEGEND_ROW = 18
POINT_RADIUS = 3
MAX_X_LABELS = 8

Point = tuple[str, float | None]


@dataclass(frozen=True)
class Series:
    label: str
    points: Sequence[Point]  # (x label, value or None for "no data")
    tone: str = "blue"


def _attr(value: object) -> str:
    return escape(str(value), {'"': "&quot;"})


def _num(value: float) -> str:
    """A value as the reader's locale writes it, with at most one decimal."""
    text = number_format(round(value, 1), decimal_pos=1)
    for zero in (".0", ",0"):
        if text.endswith(zero):
            return text[: -len(zero)]
    return text


def _ticks(y_min: float, y_max: float) -> list[float]:
    span = y_max - y_min
    if 0 < span <= 10 and float(span).is_integer() and float(y_min).is_integer():
        return [y_min + step for step in range(int(span) + 1)]
    return [y_min + span * step / 4 for step in range(5)]


def _segments(coords: list[tuple[float, float] | None]) -> list[list[tuple[float, float]]]:
    """Runs of consecutive known points: a None ends a run, so the line shows a gap."""
    runs: list[list[tuple[float, float]]] = [[]]
    for coord in coords:
        if coord is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(coord)
    return [run for run in runs if run]


def line_chart(
    series: Sequence[Series],
    *,
    y_min: float,
    y_max: float,
    width: int = 640,
    height: int = 200,
    title: str,
    desc: str,
    target: float | None = None,
    svg_id: str = "line-chart",
) -> SafeString:
    """An accessible `<svg role="img">` line chart; every text and attribute is escaped.

    The x axis is the first series' labels, in order (all series share them); values are
    clamped to [y_min, y_max]; `target` draws a dashed horizontal line.
    """
    if y_max <= y_min:
        raise ValueError("line_chart() needs y_max > y_min.")
    x_labels = [label for label, _ in series[0].points] if series else []
    legend = len(series) > 1
    plot_top = TOP + (LEGEND_ROW if legend else 0)
    plot_w = max(width - LEFT - RIGHT, 1)
    plot_h = max(height - plot_top - BOTTOM, 1)
    step = plot_w / max(len(x_labels) - 1, 1)

    def x_at(index: int) -> float:
        return round(LEFT + (index * step if len(x_labels) > 1 else plot_w / 2), 1)

    def y_at(value: float) -> float:
        value = min(max(value, y_min), y_max)
        return round(plot_top + plot_h - (value - y_min) / (y_max - y_min) * plot_h, 1)

    title_id, desc_id = f"{svg_id}-title", f"{svg_id}-desc"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{_attr(svg_id)}" class="chart-svg" '
        f'role="img" aria-labelledby="{_attr(title_id)} {_attr(desc_id)}" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'preserveAspectRatio="xMinYMin meet">',
        f'<title id="{_attr(title_id)}">{escape(title)}</title>',
        f'<desc id="{_attr(desc_id)}">{escape(desc)}</desc>',
    ]
    for tick in _ticks(y_min, y_max):
        y = y_at(tick)
        parts.append(
            f'<line class="chart-grid" x1="{LEFT}" y1="{y}" x2="{width - RIGHT}" y2="{y}"/>'
            f'<text class="chart-axis-label" x="{LEFT - 6}" y="{y + 4}" '
            f'text-anchor="end">{escape(_num(tick))}</text>'
        )
    every = max(1, -(-len(x_labels) // MAX_X_LABELS))  # ceil: at most MAX_X_LABELS labels
    for index, label in enumerate(x_labels):
        if index % every == 0 or index == len(x_labels) - 1:
            parts.append(
                f'<text class="chart-axis-label" x="{x_at(index)}" y="{height - 8}" '
                f'text-anchor="middle">{escape(label)}</text>'
            )
    if target is not None:
        y = y_at(target)
        parts.append(
            f'<line class="chart-target" x1="{LEFT}" y1="{y}" x2="{width - RIGHT}" y2="{y}"/>'
        )
    for number, line in enumerate(series):
        tone = line.tone if line.tone in TONES else "blue"
        coords = [
            None if value is None else (x_at(index), y_at(value))
            for index, (_, value) in enumerate(line.points[: len(x_labels)])
        ]
        parts.append(f'<g class="chart-series chart-{tone}" data-series="{number}">')
        for run in _segments(coords):
            if len(run) > 1:
                path = " ".join(f"{x},{y}" for x, y in run)
                parts.append(f'<polyline class="chart-line" points="{path}"/>')
        for (label, value), coord in zip(line.points, coords, strict=False):
            if coord is None or value is None:
                continue
            parts.append(
                f'<circle class="chart-point" cx="{coord[0]}" cy="{coord[1]}" '
                f'r="{POINT_RADIUS}"><title>{escape(line.label)} · {escape(label)}: '
                f"{escape(_num(value))}</title></circle>"
            )
        if legend:
            lx = LEFT + number * 140
            parts.append(
                f'<line class="chart-line" x1="{lx}" y1="{TOP}" x2="{lx + 16}" y2="{TOP}"/>'
                f'<text class="chart-legend" x="{lx + 20}" y="{TOP + 4}">'
                f"{escape(line.label)}</text>"
            )
        parts.append("</g>")
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text and attribute is escaped above
