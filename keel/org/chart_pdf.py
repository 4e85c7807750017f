"""The org chart as a one-page PDF (reportlab), drawn from the same layout as the SVG.

Chinese text uses reportlab's built-in CID fonts (STSong-Light for Simplified, MSung-Light for
Traditional): the PDF viewer supplies the glyphs, so no font file ships with Keel. Latin-only
text uses Helvetica. The page fits the chart, scaled down to at most A3 landscape.
"""

from __future__ import annotations

import io
from functools import cache

from reportlab.lib.pagesizes import A3, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

from keel.org.chart import Chart, ChartNode
from keel.org.chart_svg import (
    BADGE_H,
    BADGE_SIZE,
    COLOURS,
    DEPT_COLOURS,
    HOLDER_SIZE,
    MARGIN,
    PAD,
    TEXT_X,
    TITLE_SIZE,
    TONES,
    char_em,
)
from keel.org.layout import Placed

PX_TO_PT = 0.75  # CSS pixel → PDF point at 96 dpi
MAX_W, MAX_H = landscape(A3)
HEADER = 28.0  # room above the chart for its title (in chart units)


@cache
def _cid_font(language: str) -> str:
    name = "MSung-Light" if language.lower() in ("zh-hant", "zh-tw", "zh-hk") else "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(name))
    return name


def _is_latin(text: str) -> bool:
    # Helvetica's WinAnsi covers Latin-1 and a few symbols; anything else needs the CID font.
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def _font(text: str, language: str, *, bold: bool = False, italic: bool = False) -> str:
    if not _is_latin(text):
        return _cid_font(language)
    if bold:
        return "Helvetica-Bold"
    return "Helvetica-Oblique" if italic else "Helvetica"


def _fit(text: str, font: str, size: float, max_width: float) -> str:
    text = " ".join(text.split())
    if pdfmetrics.stringWidth(text, font, size) <= max_width:
        return text
    ellipsis = "…" if not font.startswith("Helvetica") else "..."
    while text and pdfmetrics.stringWidth(text + ellipsis, font, size) > max_width:
        text = text[:-1]
    return text.rstrip() + ellipsis


def _rgb(hex_colour: str) -> tuple[float, float, float]:
    value = hex_colour.lstrip("#")
    return tuple(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


class _Painter:
    """Draws in chart coordinates (y down) on a canvas whose origin is the page's bottom-left."""

    def __init__(self, canvas: Canvas, scale: float, page_h: float, language: str) -> None:
        self.c = canvas
        self.s = scale
        self.page_h = page_h
        self.language = language

    def X(self, x: float) -> float:
        return (x + MARGIN) * self.s

    def Y(self, y: float) -> float:
        return self.page_h - (y + MARGIN + HEADER) * self.s

    def text(
        self, x: float, y: float, text: str, size: float, colour: str, *, bold: bool = False,
        italic: bool = False, max_width: float | None = None, centre: bool = False,
    ) -> float:  # fmt: skip
        font = _font(text, self.language, bold=bold, italic=italic)
        if max_width is not None:
            text = _fit(text, font, size, max_width)
        self.c.setFillColorRGB(*_rgb(colour))
        self.c.setFont(font, size * self.s)
        if centre:
            self.c.drawCentredString(self.X(x), self.Y(y), text)
        else:
            self.c.drawString(self.X(x), self.Y(y), text)
        return pdfmetrics.stringWidth(text, font, size)

    def rect(
        self, x: float, y: float, w: float, h: float, *, fill: str, stroke: str | None = None,
        radius: float = 0.0,
    ) -> None:  # fmt: skip
        self.c.setFillColorRGB(*_rgb(fill))
        if stroke:
            self.c.setStrokeColorRGB(*_rgb(stroke))
        self.c.roundRect(
            self.X(x), self.Y(y + h), w * self.s, h * self.s, radius * self.s,
            stroke=1 if stroke else 0, fill=1,
        )  # fmt: skip


def _box(paint: _Painter, node: ChartNode, p: Placed[int]) -> None:
    x, y, w, h = p.x, p.y, p.width, p.height
    paint.rect(x, y, w, h, fill=COLOURS["surface"], stroke=COLOURS["border"], radius=6)
    paint.rect(x, y, 5, h, fill=DEPT_COLOURS.get(node.colour, DEPT_COLOURS[0]))
    paint.c.setFillColorRGB(*_rgb(COLOURS["avatar"]))
    paint.c.circle(paint.X(x + 30), paint.Y(y + 28), 15 * paint.s, stroke=0, fill=1)
    paint.text(x + 30, y + 32, node.initials, 11, COLOURS["text"], bold=True, centre=True)
    room = w - TEXT_X - PAD
    paint.text(x + TEXT_X, y + 24, node.title, TITLE_SIZE, COLOURS["text"], bold=True,
               max_width=room)  # fmt: skip
    colour = COLOURS["muted"] if node.is_placeholder else COLOURS["text"]
    paint.text(x + TEXT_X, y + 42, node.holder, HOLDER_SIZE, colour,
               italic=node.is_placeholder, max_width=room)  # fmt: skip
    bx, by = x + 12, y + h - BADGE_H - 8
    for badge in node.badges:
        font = _font(badge.label, paint.language)
        label = _fit(badge.label, font, BADGE_SIZE, x + w - PAD - bx - 12)
        width = pdfmetrics.stringWidth(label, font, BADGE_SIZE) + 12
        if bx + width > x + w - PAD + 0.5:
            break
        ink, fill = TONES.get(badge.tone, TONES["grey"])
        paint.rect(bx, by, width, BADGE_H, fill=fill, radius=8.5)
        paint.text(bx + 6, by + 12.5, label, BADGE_SIZE, ink)
        bx += width + 4
    if p.collapsed:
        label = f"+{p.hidden}"
        width = max(22.0, sum(char_em(ch) for ch in label) * 11 + 12)
        paint.rect(p.cx - width / 2, p.bottom - 9, width, 18, fill=COLOURS["surface"],
                   stroke=COLOURS["line"], radius=9)  # fmt: skip
        paint.text(p.cx, p.bottom + 4, label, 11, COLOURS["text"], bold=True, centre=True)


def render_pdf(chart: Chart, *, language: str = "en") -> bytes:
    """One page: the chart's title on top, then boxes and connector lines."""
    layout = chart.layout
    width = max(layout.width, 400.0) + 2 * MARGIN
    height = layout.height + 2 * MARGIN + HEADER
    scale = min(PX_TO_PT, MAX_W / width, MAX_H / height)
    page_w, page_h = width * scale, height * scale
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(page_w, page_h), pageCompression=1)
    canvas.setTitle(chart.title)
    canvas.setSubject(chart.description)
    canvas.setCreator("Keel")
    paint = _Painter(canvas, scale, page_h, language)
    paint.text(0, -HEADER + 14, chart.title, 16, COLOURS["text"], bold=True,
               max_width=width - 2 * MARGIN)  # fmt: skip

    canvas.setStrokeColorRGB(*_rgb(COLOURS["line"]))
    canvas.setLineWidth(1.5 * scale)
    half_gap = layout.v_gap / 2
    path = canvas.beginPath()
    for parent, kids in layout.edges():
        mid = parent.bottom + half_gap
        path.moveTo(paint.X(parent.cx), paint.Y(parent.bottom))
        path.lineTo(paint.X(parent.cx), paint.Y(mid))
        path.moveTo(paint.X(kids[0].cx), paint.Y(mid))
        path.lineTo(paint.X(kids[-1].cx), paint.Y(mid))
        for kid in kids:
            path.moveTo(paint.X(kid.cx), paint.Y(mid))
            path.lineTo(paint.X(kid.cx), paint.Y(kid.y))
    canvas.drawPath(path, stroke=1, fill=0)

    canvas.setLineWidth(1 * scale)
    for pk, placed in layout.nodes.items():
        _box(paint, chart.nodes[pk], placed)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
