"""The vision timeline as server-rendered SVG: one column per year, milestones as markers.

Colours come from CSS classes (`tl-<tone>`, defined with design tokens in goals/vision.css),
so the chart follows the light and dark themes. The SVG is an image with a title and a
description; the page pairs it with an ordered list that carries the same content as text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from django.utils.safestring import SafeString, mark_safe

COLUMN_WIDTH = 168
HEADER_HEIGHT = 40
ROW_HEIGHT = 28
PADDING = 12
MARKER_RADIUS = 6
LABEL_CHARS = 22  # CJK glyphs are about twice as wide; the text list has the full title


@dataclass(frozen=True)
class Marker:
    title: str
    status_label: str
    tone: str  # green, amber, red, blue, grey
    done: bool = False


@dataclass(frozen=True)
class Column:
    year: int
    label: str  # "2027", or "2026 (this year)"
    markers: Sequence[Marker]


def _attr(value: object) -> str:
    return escape(str(value), {'"': "&quot;"})


def _shorten(text: str, limit: int) -> str:
    width = 0
    for index, char in enumerate(text):
        width += 2 if ord(char) > 0x2E80 else 1
        if width > limit:
            return text[:index].rstrip() + "…"
    return text


def render_timeline(
    *, columns: Sequence[Column], title: str, description: str, svg_id: str = "vision-timeline"
) -> SafeString:
    """An accessible `<svg role="img">` with `<title>` and `<desc>`; escapes every text."""
    rows = max((len(c.markers) for c in columns), default=0)
    width = max(len(columns), 1) * COLUMN_WIDTH
    height = HEADER_HEIGHT + max(rows, 1) * ROW_HEIGHT + PADDING * 2
    title_id, desc_id = f"{svg_id}-title", f"{svg_id}-desc"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{_attr(svg_id)}" class="timeline-svg" '
        f'role="img" aria-labelledby="{title_id} {desc_id}" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" preserveAspectRatio="xMinYMin meet">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">{escape(description)}</desc>',
        f'<line class="tl-axis" x1="0" y1="{HEADER_HEIGHT - 8}" x2="{width}" '
        f'y2="{HEADER_HEIGHT - 8}"/>',
    ]
    for index, column in enumerate(columns):
        x = index * COLUMN_WIDTH
        parts.append(f'<g class="tl-year" data-year="{column.year}">')
        if index:
            parts.append(f'<line class="tl-divider" x1="{x}" y1="0" x2="{x}" y2="{height}"/>')
        parts.append(
            f'<text class="tl-year-label" x="{x + PADDING}" y="{HEADER_HEIGHT - 16}">'
            f"{escape(column.label)}</text>"
        )
        for row, marker in enumerate(column.markers):
            cy = HEADER_HEIGHT + PADDING + row * ROW_HEIGHT
            cx = x + PADDING + MARKER_RADIUS
            shape = "tl-marker-done" if marker.done else "tl-marker"
            parts.append(
                f'<circle class="{shape} tl-{_attr(marker.tone)}" cx="{cx}" cy="{cy}" '
                f'r="{MARKER_RADIUS}"><title>{escape(marker.title)} · '
                f"{escape(marker.status_label)}</title></circle>"
            )
            parts.append(
                f'<text class="tl-label" x="{cx + MARKER_RADIUS + 6}" y="{cy + 4}">'
                f"{escape(_shorten(marker.title, LABEL_CHARS))}</text>"
            )
        parts.append("</g>")
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text and attribute is escaped above
