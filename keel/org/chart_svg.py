"""Draws a laid-out `Chart` as SVG text, for the page (inline) and for export (standalone).

Every colour is a presentation attribute with a light-theme value, so the exported file looks
right on its own; on the page, chart.css overrides them through classes and the design tokens
(CSS beats presentation attributes), which gives the dark theme. No <style>, no script, no
font files: the page's CSP forbids inline styles, and the export must work offline.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache

from django.utils.translation import gettext as _

from keel.org.chart import Chart, ChartNode
from keel.org.layout import Placed

FONT_FAMILY = (
    "system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', "
    "'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans CJK TC', sans-serif"
)
MARGIN = 24.0

# Light-theme values of the tokens (keel/ui/static/ui/css/tokens.css), for standalone files.
COLOURS = {
    "surface": "#ffffff",
    "border": "#d8dce2",
    "line": "#8b93a1",
    "text": "#1b1f26",
    "muted": "#555d6b",
    "avatar": "#eceef2",
}
DEPT_COLOURS = {
    0: "#8b93a1", 1: "#2560c4", 2: "#0c7469", 3: "#34701f", 4: "#8a5d00",
    5: "#b23c0b", 6: "#b4234a", 7: "#6d3bd6", 8: "#99308f",
}  # fmt: skip
TONES = {  # badge tone → (text, fill)
    "green": ("#17692f", "#dff3e5"),
    "amber": ("#7d5200", "#fbefd3"),
    "red": ("#b3202a", "#fbe3e4"),
    "blue": ("#1d57b0", "#e1ecfb"),
    "grey": ("#555d6b", "#eceef2"),
}

# Box geometry (the chart's boxes are BOX_WIDTH × BOX_HEIGHT from keel.org.chart).
AVATAR_R = 15.0
TEXT_X = 54.0
PAD = 10.0
TITLE_SIZE = 13.0
HOLDER_SIZE = 12.0
BADGE_SIZE = 11.0
BADGE_H = 17.0
BOLD = 1.1  # bold glyphs run about 10% wider than the estimate
HOLDER_Y2 = 55.0  # the holder's baseline under a two-line title (42 under one line)
# A placeholder avatar: head and shoulders inside the avatar circle (centre 30, 28).
PERSON_PATH = "M26,24a4,4 0 1 0 8,0a4,4 0 1 0 -8,0ZM21,38a9,8 0 0 1 18,0Z"

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def esc(text: object) -> str:
    """Text safe inside an XML element or a double-quoted attribute."""
    value = _INVALID_XML.sub("", str(text))
    return (
        value.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )


def char_em(ch: str) -> float:
    """Rough advance width of a character in em: wide (CJK) 1, everything else 0.55."""
    return 1.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 0.55


def text_width(text: str, size: float) -> float:
    if text.isascii():
        return len(text) * 0.55 * size
    return sum(char_em(ch) for ch in text) * size


def truncate(text: str, size: float, max_width: float) -> str:
    """`text`, cut with an ellipsis so its estimated width fits `max_width`."""
    text = " ".join(text.split())
    if text_width(text, size) <= max_width:
        return text
    budget = max_width - size  # room for the ellipsis
    if text.isascii():
        return text[: max(0, int(budget / (0.55 * size)))].rstrip() + "…"
    used = 0.0
    for i, ch in enumerate(text):
        used += char_em(ch) * size
        if used > budget:
            return text[:i].rstrip() + "…"
    return text  # pragma: no cover - unreachable: the full text was too wide


def split_title(text: str, width_of: Callable[[str], float], max_width: float) -> tuple[str, str]:
    """(first line, the rest): the rest is "" when the text fits on one line. The first line
    breaks at its last space (anywhere next to a CJK character); the caller cuts the rest
    to one line with an ellipsis."""
    text = " ".join(text.split())
    if width_of(text) <= max_width:
        return text, ""
    lo, hi = 1, len(text)  # the longest prefix that fits (binary search: titles can be long)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if width_of(text[:mid]) <= max_width:
            lo = mid
        else:
            hi = mid - 1
    cut = lo
    space = text.rfind(" ", 0, cut + 1)
    wide = char_em(text[cut - 1]) == 1.0 or char_em(text[cut]) == 1.0
    if text[cut] != " " and not wide and space > 0:
        cut = space
    return text[:cut].rstrip(), text[cut:].strip()


def _f(value: float) -> str:
    """Short coordinates: integers without ".0", others to one decimal."""
    return f"{value:.1f}".removesuffix(".0")


def _connectors(chart: Chart) -> str:
    """One path of orthogonal lines: parent down, across the children, down to each child."""
    half_gap = chart.layout.v_gap / 2
    parts: list[str] = []
    for parent, kids in chart.layout.edges():
        mid = parent.bottom + half_gap
        parts.append(f"M{_f(parent.cx)},{_f(parent.bottom)}V{_f(mid)}")
        if len(kids) > 1:
            parts.append(f"M{_f(kids[0].cx)},{_f(mid)}H{_f(kids[-1].cx)}")
        for kid in kids:
            parts.append(f"M{_f(kid.cx)},{_f(mid)}V{_f(kid.y)}")
    if not parts:
        return ""
    return (
        f'<path class="oc-line" d="{"".join(parts)}" fill="none" stroke="{COLOURS["line"]}" '
        'stroke-width="1.5" aria-hidden="true"/>'
    )


def _badges(node: ChartNode, x: float, y: float, max_x: float) -> list[str]:
    out: list[str] = []
    for badge in node.badges:
        room = max_x - x
        if room < 30:
            break
        label = truncate(badge.label, BADGE_SIZE, room - 12)
        width = text_width(label, BADGE_SIZE) + 12
        ink, fill = TONES.get(badge.tone, TONES["grey"])
        out.append(
            f'<rect class="oc-badge oc-badge-{badge.tone}" x="{_f(x)}" y="{_f(y)}" '
            f'width="{_f(width)}" height="{_f(BADGE_H)}" rx="8.5" fill="{fill}"/>'
            f'<text class="oc-badge-text oc-badge-text-{badge.tone}" x="{_f(x + 6)}" '
            f'y="{_f(y + 12.5)}" font-size="{_f(BADGE_SIZE)}" fill="{ink}">{esc(label)}</text>'
        )
        x += width + 4
    return out


@cache
def _frame(w: float, h: float, planned: bool = False) -> tuple[str, str]:
    """The parts of a box that depend only on its size and kind, in box coordinates: (before
    the department colour, after it). Boxes are drawn inside a translate(x, y) group.

    A planned seat has a dashed outline and a placeholder avatar (a person's outline, no
    initials): `after` then closes the avatar itself instead of opening the initials' <text>.
    """
    stripe = f"M6,0V{_f(h)}A6,6 0 0 1 0,{_f(h - 6)}V6A6,6 0 0 1 6,0Z"
    outline = (
        f'class="oc-box oc-box-planned" stroke-dasharray="5 3" fill="{COLOURS["surface"]}" '
        f'stroke="{COLOURS["line"]}"'
        if planned
        else f'class="oc-box" fill="{COLOURS["surface"]}" stroke="{COLOURS["border"]}"'
    )
    before = (
        f'<rect {outline} width="{_f(w)}" height="{_f(h)}" rx="6"/>'
        f'<path d="{stripe}" class="oc-dept oc-dept-'
    )
    if planned:
        after = (
            f'<g class="oc-avatar-placeholder" aria-hidden="true">'
            f'<circle class="oc-avatar oc-avatar-planned" cx="30" cy="28" r="{_f(AVATAR_R)}" '
            f'fill="{COLOURS["surface"]}" stroke="{COLOURS["line"]}" stroke-dasharray="3 2"/>'
            f'<path class="oc-avatar-person" d="{PERSON_PATH}" fill="{COLOURS["line"]}"/></g>'
        )
        return before, after
    after = (
        f'<circle class="oc-avatar" cx="30" cy="28" r="{_f(AVATAR_R)}" '
        f'fill="{COLOURS["avatar"]}"/>'
        f'<text class="oc-initials" aria-hidden="true" x="30" y="32" text-anchor="middle" '
        f'font-size="11" font-weight="600" fill="{COLOURS["text"]}">'
    )
    return before, after


_TITLE_OPEN = (
    f'<text class="oc-title" x="{_f(TEXT_X)}" y="24" font-size="{_f(TITLE_SIZE)}" '
    f'font-weight="600" fill="{COLOURS["text"]}">'
)
_HOLDER_OPEN = (
    f'<text class="oc-holder" x="{_f(TEXT_X)}" y="42" font-size="{_f(HOLDER_SIZE)}" '
    f'fill="{COLOURS["text"]}">'
)
_PLACEHOLDER_OPEN = (
    f'<text class="oc-holder oc-placeholder" x="{_f(TEXT_X)}" y="42" '
    f'font-size="{_f(HOLDER_SIZE)}" font-style="italic" fill="{COLOURS["muted"]}">'
)


def _title_width(text: str) -> float:
    return text_width(text, TITLE_SIZE * BOLD)


def _title(title: str, room: float) -> list[str]:
    """The title's <text>: one line, or two with an ellipsis beyond (the holder moves down)."""
    first, rest = split_title(title, _title_width, room)
    if not rest:
        return [_TITLE_OPEN, esc(first), "</text>"]
    return [
        _TITLE_OPEN.replace('y="24"', 'y="22"'),
        f'<tspan x="{_f(TEXT_X)}" y="22">{esc(first)}</tspan>',
        f'<tspan x="{_f(TEXT_X)}" y="37">{esc(truncate(rest, TITLE_SIZE * BOLD, room))}</tspan>',
        "</text>",
    ]


def _box(node: ChartNode, p: Placed[int]) -> str:
    """One box in its own coordinates (0, 0 = top-left)."""
    w, h = p.width, p.height
    colour = node.colour if node.colour in DEPT_COLOURS else 0
    text_room = w - TEXT_X - PAD
    planned = node.status == "planned"
    before, after = _frame(w, h, planned)
    title = _title(node.title, text_room)
    two_lines = len(title) > 3
    holder_open = _PLACEHOLDER_OPEN if node.is_placeholder else _HOLDER_OPEN
    parts = [
        before, f'{colour}" fill="{DEPT_COLOURS[colour]}"/>', after,
        "" if planned else f"{esc(node.initials)}</text>",
        *title,
        holder_open if not two_lines else holder_open.replace('y="42"', f'y="{_f(HOLDER_Y2)}"'),
        esc(truncate(node.holder, HOLDER_SIZE, text_room)), "</text>",
    ]  # fmt: skip
    if node.badges:
        parts += _badges(node, 12, h - BADGE_H - 8, w - PAD)
    return "".join(parts)


def _toggle(node: ChartNode, p: Placed[int], href: str) -> str:
    """The collapse/expand control at the bottom of a box that has children (box coordinates)."""
    if p.collapsed:
        text = f"+{p.hidden}"
        label = _("Expand %(title)s (%(count)s hidden)") % {"title": node.title, "count": p.hidden}
    elif href:
        text = "−"
        label = _("Collapse %(title)s") % {"title": node.title}
    else:
        return ""
    width = max(22.0, text_width(text, 11) + 12)
    cx, y = p.width / 2, p.height - 9
    shape = (
        f'<rect class="oc-toggle" x="{_f(cx - width / 2)}" y="{_f(y)}" width="{_f(width)}" '
        f'height="18" rx="9" fill="{COLOURS["surface"]}" stroke="{COLOURS["line"]}"/>'
        f'<text class="oc-toggle-text" x="{_f(cx)}" y="{_f(y + 13)}" text-anchor="middle" '
        f'font-size="11" font-weight="600" fill="{COLOURS["text"]}">{esc(text)}</text>'
    )
    if not href:
        return f'<g aria-hidden="true">{shape}</g>'
    expanded = "false" if p.collapsed else "true"
    return (
        f'<a class="oc-toggle-link" href="{esc(href)}" aria-label="{esc(label)}" '
        f'aria-expanded="{expanded}" data-toggle="{node.id}">{shape}</a>'
    )


def render_svg(
    chart: Chart,
    *,
    standalone: bool = False,
    link_base: str = "",
    toggle_href: Callable[[ChartNode, Placed[int]], str] | None = None,
) -> str:
    """The chart as SVG markup (all user text escaped).

    standalone: a complete file for download (XML prolog, fixed size, role="img"); otherwise
    markup to inline in the page, with a <g data-viewport> that chart.js pans and zooms.
    link_base: prefix for seat links (the site's origin, so links work from a saved file).
    toggle_href: the collapse/expand link of a node with children (page only).
    """
    layout = chart.layout
    width = layout.width + 2 * MARGIN
    height = layout.height + 2 * MARGIN
    view_box = f"{_f(-MARGIN)} {_f(-MARGIN)} {_f(width)} {_f(height)}"
    # On the page the chart is a group of links, not role="img": an image's children are
    # presentational, which would hide the per-seat links (and fail axe's nested-interactive).
    role = "img" if standalone else "group"
    out: list[str] = []
    if standalone:
        out.append('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.append(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="org-chart-svg" viewBox="{view_box}" '
        f'width="{_f(width)}" height="{_f(height)}" role="{role}" '
        'aria-labelledby="org-chart-title org-chart-desc" '
        f'font-family="{esc(FONT_FAMILY)}" data-chart-width="{_f(width)}" '
        f'data-chart-height="{_f(height)}">'
    )
    out.append(f'<title id="org-chart-title">{esc(chart.title)}</title>')
    out.append(f'<desc id="org-chart-desc">{esc(chart.description)}</desc>')
    if standalone:
        out.append(
            f'<rect x="{_f(-MARGIN)}" y="{_f(-MARGIN)}" width="{_f(width)}" '
            f'height="{_f(height)}" fill="{COLOURS["surface"]}"/>'
        )
    out.append('<g class="oc-viewport" data-viewport="">')
    out.append(_connectors(chart))
    out.append(f'<g role="list" aria-label="{esc(_("Seats"))}">')
    for pk, p in layout.nodes.items():
        node = chart.nodes[pk]
        classes = "oc-node oc-node-placeholder" if node.is_placeholder else "oc-node"
        if node.status == "planned":
            classes += " oc-node-planned"
        out.append(
            f'<g id="oc-node-{node.id}" class="{classes}" role="listitem" '
            f'aria-label="{esc(node.label)}" data-node="{node.id}" '
            f'data-parent="{"" if p.parent is None else p.parent}" '
            f'data-search-text="{esc(node.search_text)}" '
            f'data-cx="{_f(p.cx)}" data-cy="{_f(p.y + p.height / 2)}" '
            f'transform="translate({_f(p.x)} {_f(p.y)})">'
        )
        box = _box(node, p)
        if node.url:
            out.append(f'<a class="oc-link" href="{esc(link_base + node.url)}">{box}</a>')
        else:
            out.append(box)
        if p.has_children:
            href = toggle_href(node, p) if toggle_href is not None else ""
            out.append(_toggle(node, p, href))
        out.append("</g>")
    out.append("</g></g></svg>")
    return "".join(out)
