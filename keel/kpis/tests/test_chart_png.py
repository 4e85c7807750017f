"""The email's trend chart as PNG: a real PNG of the promised size, the same bytes for the same
figures, a different image for different figures, and no crash without any figure."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal as D

from PIL import Image

from keel.kpis.chart_png import HEIGHT, SCALE, WIDTH, trend_png
from keel.kpis.figures import add_months
from keel.kpis.models import Kpi
from keel.kpis.selectors import KpiHistory, cell
from keel.kpis.selectors.scorecard import MonthRow

MONTHS = [add_months(date(2026, 11, 1), -n) for n in range(11, -1, -1)]


def history(values: list[int | None], *, target: int | None = 100, unit: str = "count",
            pace: D | None = None, today: date | None = None) -> KpiHistory:  # fmt: skip
    kpi = Kpi(pk=1, name="Orders", unit=unit, aggregation="sum", direction="higher")
    cells = [
        cell(
            kpi,
            m,
            MonthRow(None if target is None else D(target), None if v is None else D(v), "", ""),
            today,
        )
        for m, v in zip(MONTHS, values, strict=True)
    ]
    return KpiHistory(kpi=kpi, owner="", cells=cells, pace=pace, pace_text="")


def image(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data))


def test_chart_is_a_png_twice_the_size_it_is_shown():
    data = trend_png(history([80, 95, 110, 100, 60, 120, 90, 100, 130, 85, 99, 101]))
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    picture = image(data)
    picture.load()  # decodes the whole image: a truncated file raises here
    assert picture.format == "PNG"
    assert picture.size == (WIDTH * SCALE, HEIGHT * SCALE) == (560, 180)
    assert len(data) < 8_000  # a palette image: a few kilobytes (docs/kpis.md)


def test_same_figures_give_the_same_bytes_and_others_a_different_image():
    values = [80, 95, 110, 100, 60, 120, 90, 100, 130, 85, 99, 101]
    first = trend_png(history(values))
    assert trend_png(history(values)) == first
    changed = trend_png(history([*values[:-1], 40]))  # last month missed: red, shorter bar
    assert changed != first
    assert image(changed).convert("RGB").tobytes() != image(first).convert("RGB").tobytes()


def test_status_colours_are_drawn():
    picture = image(trend_png(history([150] * 6 + [40] * 6))).convert("RGB")
    colours = {colour for _, colour in picture.getcolors(maxcolors=10_000) or []}
    assert (22, 163, 74) in colours  # green bars: on target
    assert (220, 38, 38) in colours  # red bars: missed


def test_empty_history_and_missing_targets_do_not_crash():
    for data in (
        trend_png(history([None] * 12)),
        trend_png(history([None] * 12, target=None)),
        trend_png(history([5, None, -3, None, 0, 0, 0, 0, 0, 0, 0, 0], target=None)),
        trend_png(history([1_250_000] * 12, target=1_000_000, unit="money")),
    ):
        assert image(data).size == (560, 180)


def test_current_month_is_drawn_by_its_pace():
    values = [100] * 11 + [40]
    flat = trend_png(history(values))
    paced = trend_png(history(values, pace=D(120), today=date(2026, 11, 10)))
    assert paced != flat
