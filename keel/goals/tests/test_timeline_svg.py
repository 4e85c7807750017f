"""The timeline SVG: well-formed XML, accessible name and description, escaped text."""

from __future__ import annotations

import xml.etree.ElementTree as ET  # our own output, not untrusted XML

from keel.goals.timeline_svg import Column, Marker, render_timeline

SVG = "{http://www.w3.org/2000/svg}"


def _columns() -> list[Column]:
    return [
        Column(year=2026, label="2026 (this year)", markers=[
            Marker(title="Brand registered <US & EU>", status_label="At risk", tone="amber"),
        ]),
        Column(year=2027, label="2027", markers=[
            Marker(title="在天猫开设旗舰店并完成第一百个订单的目标", status_label="Done",
                   tone="green", done=True),
            Marker(title='Launch "own" brand', status_label="On track", tone="green"),
        ]),
        Column(year=2028, label="2028", markers=[]),
    ]  # fmt: skip


def test_timeline_is_well_formed_and_accessible() -> None:
    svg = render_timeline(columns=_columns(), title="Path to 2031", description="3 milestones")
    root = ET.fromstring(str(svg))  # noqa: S314
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    title = root.find(f"{SVG}title")
    desc = root.find(f"{SVG}desc")
    assert title is not None and title.text == "Path to 2031"
    assert desc is not None and desc.text == "3 milestones"
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    years = root.findall(f"{SVG}g")
    assert [g.get("data-year") for g in years] == ["2026", "2027", "2028"]
    circles = root.findall(f".//{SVG}circle")
    assert len(circles) == 3
    assert "tl-amber" in (circles[0].get("class") or "")
    assert "tl-marker-done" in (circles[1].get("class") or "")
    tooltip = circles[0].find(f"{SVG}title")
    assert tooltip is not None and tooltip.text == "Brand registered <US & EU> · At risk"
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert any(label and label.endswith("…") for label in labels)  # long CJK title shortened


def test_empty_timeline_still_renders() -> None:
    root = ET.fromstring(str(render_timeline(columns=[], title="t", description="d")))  # noqa: S314
    assert root.find(f"{SVG}title") is not None
