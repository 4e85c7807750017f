"""The line chart: well-formed accessible SVG, escaped text, gaps for missing values."""

from __future__ import annotations

import xml.etree.ElementTree as ET  # our own output, not untrusted XML

import pytest
from django.utils import translation

from keel.ui.charts import Series, line_chart

SVG = "{http://www.w3.org/2000/svg}"


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314


def test_chart_is_an_accessible_image_with_title_and_description() -> None:
    svg = line_chart(
        [Series("Mood", [("W1", 3.0), ("W2", 4.0), ("W3", 2.5)])],
        y_min=1, y_max=5, title="Mood <trend>", desc="Weekly average & more", svg_id="mood",
    )  # fmt: skip
    root = _parse(svg)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "mood-title mood-desc"
    assert root.find(f"{SVG}title").text == "Mood <trend>"
    assert root.find(f"{SVG}desc").text == "Weekly average & more"
    assert "style=" not in svg  # the CSP forbids inline styles


def test_each_point_has_its_own_title_and_the_line_joins_them() -> None:
    svg = line_chart(
        [Series("Mood", [("W1", 3.0), ("W2", 4.26)], tone="green")],
        y_min=1, y_max=5, title="t", desc="d",
    )  # fmt: skip
    root = _parse(svg)
    group = root.find(f"{SVG}g")
    assert "chart-green" in (group.get("class") or "")
    points = group.findall(f"{SVG}circle")
    assert [p.find(f"{SVG}title").text for p in points] == ["Mood · W1: 3", "Mood · W2: 4.3"]
    assert len(group.findall(f"{SVG}polyline")) == 1


def test_missing_values_leave_a_gap() -> None:
    points = [("a", 1.0), ("b", 2.0), ("c", None), ("d", 3.0), ("e", 4.0), ("f", None)]
    root = _parse(line_chart([Series("x", points)], y_min=0, y_max=5, title="t", desc="d"))
    group = root.find(f"{SVG}g")
    lines = group.findall(f"{SVG}polyline")
    assert len(lines) == 2  # a–b and d–e, nothing across c
    assert len(group.findall(f"{SVG}circle")) == 4


def test_a_lone_point_between_gaps_is_drawn_as_a_point() -> None:
    root = _parse(
        line_chart([Series("x", [("a", None), ("b", 2.0), ("c", None)])],
                   y_min=0, y_max=5, title="t", desc="d")
    )  # fmt: skip
    group = root.find(f"{SVG}g")
    assert group.findall(f"{SVG}polyline") == []
    assert len(group.findall(f"{SVG}circle")) == 1


def test_higher_values_are_drawn_higher_and_clamped_to_the_axis() -> None:
    root = _parse(
        line_chart([Series("x", [("a", 1.0), ("b", 5.0), ("c", 99.0)])],
                   y_min=1, y_max=5, title="t", desc="d", height=200)
    )  # fmt: skip
    ys = [float(c.get("cy")) for c in root.iter(f"{SVG}circle")]
    assert ys[0] > ys[1]
    assert ys[1] == ys[2]  # 99 clamped to 5


def test_text_is_escaped_and_unknown_tones_fall_back() -> None:
    svg = line_chart(
        [Series('<script>"x"', [("<b>", 1.0)], tone='red" onload="x')],
        y_min=0, y_max=2, title="t", desc="d",
    )  # fmt: skip
    assert "<script>" not in svg and "<b>" not in svg
    assert "onload" not in svg
    assert "chart-blue" in svg


def test_target_line_and_legend_for_several_series() -> None:
    svg = line_chart(
        [Series("Mood", [("a", 3.0)]), Series("Workload", [("a", 4.0)], tone="amber")],
        y_min=1, y_max=5, title="t", desc="d", target=3.5,
    )  # fmt: skip
    root = _parse(svg)
    assert len([e for e in root.iter(f"{SVG}line") if e.get("class") == "chart-target"]) == 1
    legends = [e.text for e in root.iter(f"{SVG}text") if e.get("class") == "chart-legend"]
    assert legends == ["Mood", "Workload"]


def test_many_x_labels_are_thinned() -> None:
    points = [(f"W{i}", float(i % 5)) for i in range(26)]
    root = _parse(line_chart([Series("x", points)], y_min=0, y_max=5, title="t", desc="d"))
    labels = [e.text for e in root.iter(f"{SVG}text") if e.get("text-anchor") == "middle"]
    assert len(labels) <= 9
    assert labels[0] == "W0" and labels[-1] == "W25"


def test_no_series_still_renders_and_bad_range_is_refused() -> None:
    _parse(line_chart([], y_min=0, y_max=1, title="t", desc="d"))
    with pytest.raises(ValueError):
        line_chart([], y_min=1, y_max=1, title="t", desc="d")


def test_values_use_the_readers_number_format() -> None:
    with translation.override("zh-hans"):
        svg = line_chart([Series("心情", [("第1周", 2.5)])], y_min=1, y_max=5, title="t", desc="d")
    assert "心情 · 第1周: 2.5" in svg
