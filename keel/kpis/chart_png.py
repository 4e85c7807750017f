"""A KPI's trend as a small PNG for email (email clients show no SVG): a bar per month in its
status colour, the target as a dark line, the current month's pace as an outlined bar.

The image holds no words, only digits (the y axis, month numbers), so it reads the same in
English and Chinese without shipping a CJK font: the title, legend and figures are HTML text
beside it, in the reader's language. Drawn from `trend.trend_data`, the SVG's own figures.
Pillow only (its built-in font); drawn at twice the size it is shown, so it stays crisp.
"""

from __future__ import annotations

import io
from functools import cache

from PIL import Image, ImageDraw, ImageFont

from keel.kpis import figures
from keel.kpis.selectors import KpiHistory
from keel.kpis.trend import TrendData, trend_data

# Shown at WIDTH × HEIGHT CSS pixels; drawn at SCALE times that.
WIDTH, HEIGHT, SCALE = 280, 90, 2

BACKGROUND = (255, 255, 255)
GRID = (229, 231, 235)
AXIS_TEXT = (75, 85, 99)
TARGET = (31, 41, 55)
STATUS = {  # the page's badge colours, dark enough on white
    figures.GREEN: (22, 163, 74),
    figures.AMBER: (217, 119, 6),
    figures.RED: (220, 38, 38),
    None: (156, 163, 175),
}


@cache
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    # Pillow's bundled font: digits only are drawn, so no CJK font is needed or fetched.
    return ImageFont.load_default(size=size)


def _tick(value: float) -> str:
    """An axis number in digits only: "350", "87.5", "-20" (no grouping, no unit, no word)."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def trend_png(history: KpiHistory) -> bytes:
    """The KPI's trend over `history`'s months as PNG bytes (same input → same bytes)."""
    return render(trend_data(history))


def render(data: TrendData) -> bytes:
    s = SCALE
    width, height = WIDTH * s, HEIGHT * s
    image = Image.new("RGB", (width, height), BACKGROUND)
    draw = ImageDraw.Draw(image)
    font = _font(9 * s)
    steps = 4
    ticks = [data.low + (data.high - data.low) * i / steps for i in range(steps + 1)]
    left = max(int(draw.textlength(_tick(t), font=font)) for t in ticks) + 6 * s
    top, bottom, right = 5 * s, height - 13 * s, width - 3 * s
    span = (data.high - data.low) or 1.0

    def y(value: float) -> float:
        return bottom - (value - data.low) / span * (bottom - top)

    # the grid: every other step labelled, so 0, the middle and the top read at a glance
    for i, tick in enumerate(ticks):
        draw.line([(left, y(tick)), (right, y(tick))], fill=GRID, width=s)
        if i % 2 == 0:
            draw.text((left - 3 * s, y(tick)), _tick(tick), font=font, fill=AXIS_TEXT,
                      anchor="rm")  # fmt: skip
    count = max(len(data.cells), 1)
    slot = (right - left) / count
    bar = max(slot * 0.6, s)
    zero = y(max(data.low, min(0.0, data.high)))
    centres = [left + slot * (i + 0.5) for i in range(count)]
    for i, cell in enumerate(data.cells):
        colour = STATUS.get(cell.status, STATUS[None])
        x0, x1 = centres[i] - bar / 2, centres[i] + bar / 2
        value = data.values[i]
        if value is not None:
            draw.rectangle(_box(x0, x1, y(value), zero), fill=colour)
        elif data.pace is not None and data.pace[i] is not None and i == count - 1:
            # where the current month is heading: an outline, it is not there yet
            draw.rectangle(_box(x0, x1, y(data.pace[i] or 0.0), zero), outline=colour, width=s)
        draw.text((centres[i], height - 1 * s), str(cell.month.month), font=font,
                  fill=AXIS_TEXT, anchor="ms")  # fmt: skip
    # the target: a line through the months that have one, broken where one is missing
    points = [(centres[i], y(t)) if t is not None else None for i, t in enumerate(data.targets)]
    run: list[tuple[float, float]] = []
    for point in [*points, None]:
        if point is not None:
            run.append(point)
            continue
        if len(run) > 1:
            draw.line(run, fill=TARGET, width=2 * s, joint="curve")
        for px, py in run:
            draw.ellipse([px - 2 * s, py - 2 * s, px + 2 * s, py + 2 * s], fill=TARGET)
        run = []
    out = io.BytesIO()
    # 16 colours (the chart's six and the text's anti-aliasing) keep a chart near 2 KB; no
    # metadata, so the same figures give the same bytes
    image.quantize(colors=16, dither=Image.Dither.NONE).save(out, format="PNG", optimize=True)
    return out.getvalue()


def _box(x0: float, x1: float, ya: float, yb: float) -> list[float]:
    low, high = sorted((ya, yb))
    return [x0, low, x1, max(high, low + 1)]
