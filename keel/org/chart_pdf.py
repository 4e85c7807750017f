"""The org chart as a PDF (reportlab) on A4 or A3 landscape, drawn from the same layout as the SVG.

**Font.** A chart with Chinese text (or a Chinese language) is set in one embedded TrueType font
that has Latin and CJK glyphs, so a mixed title ("Warehouse 仓库主管") is spaced by the font's
own metrics and prints the same in every viewer. The file is `settings.KEEL_CHART_PDF_FONT`
(the `KEEL_CHART_PDF_FONT` variable) or else the first of `FONT_CANDIDATES` reportlab can load.
reportlab embeds TrueType outlines only, not OpenType/CFF (Noto Sans CJK), hence Debian's
fonts-wqy-zenhei in .ci/system-deps. Bold is drawn by stroking the glyphs (the font has one
weight). A chart whose text is all Latin-1 uses Helvetica (a standard font: nothing to embed).
With no loadable CJK font, Chinese falls back to reportlab's CID fonts (STSong-Light /
MSung-Light), which the viewer must supply, and a warning is logged.

**Paper.** The chart is scaled to fit A4 landscape, or A3 landscape when A4 would print its
smallest text below `MIN_FONT_PT`, never above its on-screen size (0.75 pt per CSS px). A chart
that fits neither is split into A3 landscape pages at the minimum scale: the page edges are
moved back to fall between boxes (no box is cut), parts with no box are left out, parts of a
wide, shallow chart are stacked on one page like lines of text, and every page repeats the
title with "page / pages".
"""

from __future__ import annotations

import hashlib
import io
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from django.conf import settings
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from keel.org.chart import Chart, ChartNode
from keel.org.chart_svg import (
    BADGE_H,
    BADGE_SIZE,
    COLOURS,
    DEPT_COLOURS,
    HOLDER_SIZE,
    HOLDER_Y2,
    PAD,
    TEXT_X,
    TITLE_SIZE,
    TONES,
    char_em,
    split_title,
)
from keel.org.layout import Placed

logger = logging.getLogger(__name__)

PX_TO_PT = 0.75  # CSS pixel → PDF point at 96 dpi: the largest scale
MIN_FONT_PT = 7.0  # no printed text is smaller than this
SMALLEST_TEXT = min(TITLE_SIZE, HOLDER_SIZE, BADGE_SIZE, 11.0)  # chart units (initials: 11)
MIN_SCALE = MIN_FONT_PT / SMALLEST_TEXT
PAPERS = (landscape(A4), landscape(A3))
PAGE_MARGIN = 24.0  # points, all round
HEADER_PT = 26.0  # points above the chart for the title
TITLE_PT = 14.0
STRIP_GAP = 10.0  # points between strips stacked on one page
EDGE = 12.0  # chart units around the layout (a collapsed box's "+N" hangs 9 below it)
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
)


@cache
def _load_font(configured: str) -> str | None:
    """Registers the first loadable font (the configured one, else a candidate); its name."""
    paths = (configured, *FONT_CANDIDATES) if configured else FONT_CANDIDATES
    for path in paths:
        name = "KeelChart-" + hashlib.sha256(path.encode()).hexdigest()[:8]
        try:
            pdfmetrics.registerFont(TTFont(name, path, subfontIndex=0))
        except Exception as error:  # a missing file, CFF outlines, a broken file …
            if path == configured:
                logger.warning("KEEL_CHART_PDF_FONT %s cannot be embedded: %s", path, error)
            continue
        return name
    logger.warning(
        "No embeddable CJK TrueType font (install fonts-wqy-zenhei or set KEEL_CHART_PDF_FONT): "
        "Chinese in PDF charts uses a CID font the viewer must supply."
    )
    return None


def embedded_font() -> str | None:
    """The registered name of the embedded CJK font, or None when none can be loaded."""
    return _load_font(str(getattr(settings, "KEEL_CHART_PDF_FONT", "") or ""))


@cache
def _cid_font(language: str) -> str:
    name = "MSung-Light" if language.lower() in ("zh-hant", "zh-tw", "zh-hk") else "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(name))
    return name


def _is_latin(text: str) -> bool:
    # Helvetica's WinAnsi covers Latin-1 and a few symbols; anything else needs the CJK font.
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


@dataclass(frozen=True, slots=True)
class Fonts:
    """The document's fonts: Helvetica's three, or one CJK font for everything."""

    regular: str
    bold: str
    italic: str
    stroke_bold: bool  # bold drawn by stroking the regular glyphs

    @classmethod
    def for_texts(cls, texts: Iterable[str], language: str) -> Fonts:
        if not language.lower().startswith("zh") and all(_is_latin(t) for t in texts):
            return cls("Helvetica", "Helvetica-Bold", "Helvetica-Oblique", stroke_bold=False)
        name = embedded_font() or _cid_font(language)
        return cls(name, name, name, stroke_bold=True)

    def pick(self, *, bold: bool = False, italic: bool = False) -> str:
        return self.bold if bold else self.italic if italic else self.regular


def _width(text: str, font: str, size: float) -> float:
    # Stroke-bold glyphs are a little wider than their metrics: keep a 4% margin.
    return pdfmetrics.stringWidth(text, font, size) * 1.04


def _fit(text: str, font: str, size: float, max_width: float) -> str:
    text = " ".join(text.split())
    if pdfmetrics.stringWidth(text, font, size) <= max_width:
        return text
    ellipsis = "..." if font.startswith("Helvetica") else "…"
    while text and pdfmetrics.stringWidth(text + ellipsis, font, size) > max_width:
        text = text[:-1]
    return text.rstrip() + ellipsis


def _rgb(hex_colour: str) -> tuple[float, float, float]:
    value = hex_colour.lstrip("#")
    return tuple(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def _string(
    c: Canvas, fonts: Fonts, x: float, y: float, text: str, size: float, colour: str, *,
    bold: bool = False, italic: bool = False, centre: bool = False, right: bool = False,
) -> None:  # fmt: skip
    """Draws at page points (x, y = the baseline) in points."""
    c.saveState()
    c.setFillColorRGB(*_rgb(colour))
    c.setFont(fonts.pick(bold=bold, italic=italic), size)
    mode = None
    if bold and fonts.stroke_bold:
        c.setStrokeColorRGB(*_rgb(colour))
        c.setLineWidth(size * 0.035)
        mode = 2  # fill, then stroke the outline: a bold look from one weight
    draw = c.drawCentredString if centre else c.drawRightString if right else c.drawString
    draw(x, y, text, mode=mode)
    c.restoreState()


class _Painter:
    """Draws in chart coordinates (y down): chart (0, 0) is page point (left, top)."""

    def __init__(self, canvas: Canvas, fonts: Fonts, scale: float, left: float, top: float) -> None:
        self.c = canvas
        self.fonts = fonts
        self.s = scale
        self.left = left
        self.top = top

    def X(self, x: float) -> float:
        return self.left + x * self.s

    def Y(self, y: float) -> float:
        return self.top - y * self.s

    def text(
        self, x: float, y: float, text: str, size: float, colour: str, *, bold: bool = False,
        italic: bool = False, max_width: float | None = None, centre: bool = False,
    ) -> None:  # fmt: skip
        if max_width is not None:
            text = _fit(text, self.fonts.pick(bold=bold, italic=italic), size, max_width)
        _string(self.c, self.fonts, self.X(x), self.Y(y), text, size * self.s, colour,
                bold=bold, italic=italic, centre=centre)  # fmt: skip

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
    planned = node.status == "planned"
    if planned:  # planned seats look planned: a dashed outline, as on the page
        paint.c.saveState()
        paint.c.setDash(4 * paint.s, 3 * paint.s)
    outline = COLOURS["line"] if planned else COLOURS["border"]
    paint.rect(x, y, w, h, fill=COLOURS["surface"], stroke=outline, radius=6)
    if planned:
        paint.c.restoreState()
    paint.rect(x, y, 5, h, fill=DEPT_COLOURS.get(node.colour, DEPT_COLOURS[0]))
    if planned:  # a placeholder avatar: a dashed circle round a head and shoulders
        c, s = paint.c, paint.s
        c.saveState()
        c.setDash(3 * s, 2 * s)
        c.setStrokeColorRGB(*_rgb(COLOURS["line"]))
        c.setFillColorRGB(*_rgb(COLOURS["surface"]))
        c.circle(paint.X(x + 30), paint.Y(y + 28), 15 * s, stroke=1, fill=1)
        c.setFillColorRGB(*_rgb(COLOURS["line"]))
        c.circle(paint.X(x + 30), paint.Y(y + 24), 4 * s, stroke=0, fill=1)
        c.wedge(paint.X(x + 21), paint.Y(y + 46), paint.X(x + 39), paint.Y(y + 30), 0, 180,
                stroke=0, fill=1)  # fmt: skip
        c.restoreState()
    else:
        paint.c.setFillColorRGB(*_rgb(COLOURS["avatar"]))
        paint.c.circle(paint.X(x + 30), paint.Y(y + 28), 15 * paint.s, stroke=0, fill=1)
        paint.text(x + 30, y + 32, node.initials, 11, COLOURS["text"], bold=True, centre=True)
    room = w - TEXT_X - PAD
    bold = paint.fonts.pick(bold=True)
    first, rest = split_title(node.title, lambda t: _width(t, bold, TITLE_SIZE), room)
    ink = COLOURS["text"]
    if rest:  # two lines, the second cut with an ellipsis; the holder moves down
        paint.text(x + TEXT_X, y + 22, first, TITLE_SIZE, ink, bold=True)
        paint.text(x + TEXT_X, y + 37, rest, TITLE_SIZE, ink, bold=True, max_width=room)
    else:
        paint.text(x + TEXT_X, y + 24, first, TITLE_SIZE, ink, bold=True)
    colour = COLOURS["muted"] if node.is_placeholder else COLOURS["text"]
    paint.text(x + TEXT_X, y + (HOLDER_Y2 if rest else 42), node.holder, HOLDER_SIZE, colour,
               italic=node.is_placeholder, max_width=room)  # fmt: skip
    bx, by = x + 12, y + h - BADGE_H - 8
    for badge in node.badges:
        font = paint.fonts.regular
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


def cuts(
    spans: Iterable[tuple[float, float]], start: float, end: float, room: float
) -> list[float]:
    """Page edges from `start` to `end`, at most `room` apart, each moved back to the start of
    any span it would cut (unless that span starts on the previous edge: it is wider than a page).
    """
    spans = sorted(spans)
    edges = [start]
    while edges[-1] + room < end:
        low, edge = edges[-1], edges[-1] + room
        while cut := [a for a, b in spans if low < a < edge < b]:
            edge = min(cut)
        edges.append(edge)
    edges.append(end)
    return edges


@dataclass(frozen=True, slots=True)
class Window:
    """A part of the chart, in chart units."""

    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True, slots=True)
class Page:
    size: tuple[float, float]
    scale: float
    windows: tuple[Window, ...]  # stacked top to bottom


def plan_pages(chart: Chart) -> list[Page]:
    """The paper, scale and chart windows of every page (see the module docstring)."""
    layout = chart.layout
    x0, y0 = -EDGE, -EDGE
    x1, y1 = max(layout.width, 240.0) + EDGE, layout.height + EDGE
    for size in PAPERS:
        room_w, room_h = size[0] - 2 * PAGE_MARGIN, size[1] - 2 * PAGE_MARGIN - HEADER_PT
        scale = min(PX_TO_PT, room_w / (x1 - x0), room_h / (y1 - y0))
        if scale >= MIN_SCALE:
            return [Page(size, scale, (Window(x0, y0, x1, y1),))]
    size, scale = PAPERS[-1], MIN_SCALE
    room_w = (size[0] - 2 * PAGE_MARGIN) / scale
    room_h = (size[1] - 2 * PAGE_MARGIN - HEADER_PT) / scale
    boxes = list(layout.nodes.values())
    cols = cuts(((p.x, p.x + p.width) for p in boxes), x0, x1, room_w)
    rows = cuts(((p.y - 1, p.bottom + 10) for p in boxes), y0, y1, room_h)
    tiles = [
        Window(left, top, right, bottom)
        for top, bottom in pairwise(rows)
        for left, right in pairwise(cols)
        if any(left <= p.cx < right and top <= p.y < bottom for p in boxes)
    ]
    # A wide, shallow chart leaves most of a page empty: stack its strips, as lines of text.
    pages: list[list[Window]] = []
    used = room_h
    for tile in tiles:
        height = tile.y1 - tile.y0
        if pages and used + STRIP_GAP / scale + height <= room_h:
            pages[-1].append(tile)
            used += STRIP_GAP / scale + height
        else:
            pages.append([tile])
            used = height
    return [Page(size, scale, tuple(windows)) for windows in pages]


def _texts(chart: Chart) -> Iterable[str]:
    yield chart.title
    for node in chart.nodes.values():
        yield from (node.title, node.holder, node.initials)
        yield from (badge.label for badge in node.badges)


def _window(
    canvas: Canvas, chart: Chart, fonts: Fonts, window: Window, s: float, bottom: float,
    height: float, room_w: float,
) -> None:  # fmt: skip
    """Draws `window` of the chart, clipped, with its bottom edge at page point `bottom`."""
    layout = chart.layout
    canvas.saveState()
    clip = canvas.beginPath()
    clip.rect(PAGE_MARGIN, bottom, room_w, height)
    canvas.clipPath(clip, stroke=0, fill=0)
    left = PAGE_MARGIN + (room_w - (window.x1 - window.x0) * s) / 2 - window.x0 * s
    paint = _Painter(canvas, fonts, s, left, bottom + height + window.y0 * s)
    canvas.setStrokeColorRGB(*_rgb(COLOURS["line"]))
    canvas.setLineWidth(1.5 * s)
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
    canvas.setLineWidth(1 * s)
    for pk, p in layout.nodes.items():
        inside_x = p.x + p.width > window.x0 and p.x < window.x1
        if inside_x and p.bottom + 10 > window.y0 and p.y < window.y1:
            _box(paint, chart.nodes[pk], p)
    canvas.restoreState()


def render_pdf(chart: Chart, *, language: str = "en") -> bytes:
    """The chart's title on top of every page, then boxes and connector lines."""
    fonts = Fonts.for_texts(_texts(chart), language)
    pages = plan_pages(chart)
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer, pagesize=pages[0].size, pageCompression=1,
        initialFontName=fonts.regular, initialFontSize=10,
    )  # fmt: skip
    canvas.setTitle(chart.title)
    canvas.setSubject(chart.description)
    canvas.setCreator("Keel")
    for number, page in enumerate(pages, 1):
        page_w, page_h = page.size
        canvas.setPageSize(page.size)
        room_w = page_w - 2 * PAGE_MARGIN
        label = f"{number} / {len(pages)}" if len(pages) > 1 else ""
        baseline = page_h - PAGE_MARGIN - TITLE_PT
        title = _fit(chart.title, fonts.bold, TITLE_PT, room_w - (60 if label else 0))
        _string(canvas, fonts, PAGE_MARGIN, baseline, title, TITLE_PT, COLOURS["text"], bold=True)
        if label:
            _string(canvas, fonts, page_w - PAGE_MARGIN, baseline, label, 10, COLOURS["muted"],
                    right=True)  # fmt: skip

        s = page.scale
        cursor = page_h - PAGE_MARGIN - HEADER_PT  # the top of the next window
        for index, window in enumerate(page.windows):
            height = (window.y1 - window.y0) * s
            if index:  # a rule between stacked strips
                canvas.setStrokeColorRGB(*_rgb(COLOURS["border"]))
                canvas.setLineWidth(0.5)
                rule = cursor + STRIP_GAP / 2
                canvas.line(PAGE_MARGIN, rule, PAGE_MARGIN + room_w, rule)
            _window(canvas, chart, fonts, window, s, cursor - height, height, room_w)
            cursor -= height + STRIP_GAP
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
