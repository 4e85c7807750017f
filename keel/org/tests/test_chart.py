"""Chart data (today vs the future, nearest visible manager, badges) and its SVG and PDF."""

from __future__ import annotations

import base64
import datetime
import re
import xml.etree.ElementTree as ET
import zlib
from itertools import pairwise

import pytest
from django.utils import translation
from reportlab.pdfbase import pdfmetrics

from keel.core.tests.factories import MembershipFactory
from keel.org import chart_pdf
from keel.org.chart import OVERLOAD_SEATS, chart_for
from keel.org.chart_pdf import render_pdf
from keel.org.chart_svg import render_svg, split_title, text_width, truncate
from keel.org.models import Department, Seat, SeatStatus

pytestmark = pytest.mark.django_db


def parse(markup: str) -> ET.Element:
    return ET.fromstring(markup)  # noqa: S314 - our own output, parsed to check it


SVG = "{http://www.w3.org/2000/svg}"


def seat(workspace, title, *, holder=None, status=None, reports_to=None, planned_for=None,
         placeholder="", department=None):  # fmt: skip
    if status is None:
        status = SeatStatus.FILLED if holder else SeatStatus.OPEN
    return Seat.objects.create(
        workspace=workspace, title=title, holder=holder, status=status, reports_to=reports_to,
        planned_for=planned_for, placeholder_name=placeholder, department=department,
    )  # fmt: skip


@pytest.fixture
def org(workspace, owner):
    sales = Department.objects.create(workspace=workspace, name="Sales", colour=3)
    ceo = seat(workspace, "Managing director", holder=owner)
    head = seat(workspace, "Head of sales", holder=MembershipFactory(workspace=workspace),
                reports_to=ceo, department=sales)  # fmt: skip
    rep = seat(workspace, "Sales rep", reports_to=head, placeholder="Alex — to hire",
               department=sales)  # fmt: skip
    planned = seat(workspace, "Marketplace manager", status=SeatStatus.PLANNED,
                   planned_for=datetime.date(2027, 7, 1), reports_to=ceo,
                   placeholder="Sam — to hire")  # fmt: skip
    return {"ceo": ceo, "head": head, "rep": rep, "planned": planned, "sales": sales}


def test_today_shows_filled_and_open_seats_only(workspace, org):
    chart = chart_for(workspace=workspace, as_of=None)
    assert set(chart.nodes) == {org["ceo"].pk, org["head"].pk, org["rep"].pk}
    assert chart.layout.roots == [org["ceo"].pk]
    assert chart.counts == {"filled": 2, "open": 1, "planned": 0}


def test_planned_seat_appears_only_in_the_future_on_or_after_its_quarter(workspace, org):
    before = chart_for(workspace=workspace, as_of=datetime.date(2027, 6, 30))
    on = chart_for(workspace=workspace, as_of=datetime.date(2027, 7, 1))
    assert org["planned"].pk not in before.nodes
    node = on.nodes[org["planned"].pk]
    assert node.parent_id == org["ceo"].pk
    assert node.is_placeholder and node.holder == "Sam — to hire"
    assert [b.kind for b in node.badges] == ["planned"]
    assert "Q3 2027" in node.badges[0].label


def test_a_seat_under_a_hidden_manager_attaches_to_the_nearest_visible_one(workspace, org):
    under_planned = seat(workspace, "Listing assistant", reports_to=org["planned"])
    chart = chart_for(workspace=workspace, as_of=None)
    assert chart.nodes[under_planned.pk].parent_id == org["ceo"].pk
    future = chart_for(workspace=workspace, as_of=datetime.date(2030, 1, 1))
    assert future.nodes[under_planned.pk].parent_id == org["planned"].pk


def test_node_labels_colours_and_badges(workspace, org, owner):
    chart = chart_for(workspace=workspace, as_of=None)
    rep = chart.nodes[org["rep"].pk]
    assert rep.colour == 3 and rep.department == "Sales"
    assert rep.label == "Sales rep — Alex — to hire (Open)"
    assert rep.url.endswith(f"/seats/{org['rep'].pk}/")
    ceo = chart.nodes[org["ceo"].pk]
    assert ceo.holder == owner.user.display_name and not ceo.is_placeholder
    assert ceo.initials == owner.user.initials
    assert ceo.badges == []


def test_a_member_holding_too_many_seats_is_flagged_overloaded(workspace, org, owner):
    for i in range(OVERLOAD_SEATS - 1):
        seat(workspace, f"Extra {i}", holder=owner, reports_to=org["ceo"])
    chart = chart_for(workspace=workspace, as_of=None)
    assert all(b.kind != "overloaded" for b in chart.nodes[org["ceo"].pk].badges)
    seat(workspace, "One too many", holder=owner, reports_to=org["ceo"])
    chart = chart_for(workspace=workspace, as_of=None)
    assert [b.kind for b in chart.nodes[org["ceo"].pk].badges] == ["overloaded"]
    assert all(b.kind != "overloaded" for b in chart.nodes[org["head"].pk].badges)


def test_collapsed_branch_hides_descendants_and_counts_them(workspace, org):
    chart = chart_for(workspace=workspace, as_of=None, collapsed=[org["head"].pk, 999999])
    assert set(chart.layout.nodes) == {org["ceo"].pk, org["head"].pk}
    assert chart.layout.nodes[org["head"].pk].hidden == 1
    assert chart.collapsed == {org["head"].pk}


def test_chart_data_takes_a_bounded_number_of_queries(
    workspace, org, django_assert_max_num_queries
):
    seat(workspace, "Under planned", reports_to=org["planned"])
    with django_assert_max_num_queries(2):
        chart_for(workspace=workspace, as_of=None)


def test_other_workspaces_seats_never_appear(workspace, org, other_workspace):
    seat(other_workspace, "Their CEO")
    chart = chart_for(workspace=workspace, as_of=datetime.date(2040, 1, 1))
    assert "Their CEO" not in {n.title for n in chart.nodes.values()}


def test_outline_nests_like_the_tree(workspace, org):
    chart = chart_for(workspace=workspace, as_of=None)
    items = chart.outline()
    assert [(i.node.title, i.depth, len(i.closes)) for i in items] == [
        ("Managing director", 0, 0),
        ("Head of sales", 1, 0),
        ("Sales rep", 2, 2),
    ]


# --- SVG -----------------------------------------------------------------------------------


def test_svg_is_well_formed_and_accessible(workspace, org):
    chart = chart_for(workspace=workspace, as_of=datetime.date(2028, 1, 1))
    root = parse(render_svg(chart, standalone=True, link_base="https://keel.example"))
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "org-chart-title org-chart-desc"
    assert "Acme Shop" in str(root.findtext(f"{SVG}title"))
    assert "4 seats" in str(root.findtext(f"{SVG}desc"))
    items = root.findall(f".//{SVG}g[@role='listitem']")
    labels = {g.get("aria-label") for g in items}
    assert "Sales rep — Alex — to hire (Open)" in labels
    assert any(label.startswith("Marketplace manager — Sam — to hire (Planned") for label in labels)
    links = [a.get("href") for a in root.iter(f"{SVG}a")]
    assert f"https://keel.example/acme/org/seats/{org['rep'].pk}/" in links
    italic = [t for t in root.iter(f"{SVG}text") if t.get("font-style") == "italic"]
    assert {t.text for t in italic} == {"Alex — to hire", "Sam — to hire"}


def test_inline_svg_is_a_group_with_collapse_links(workspace, org):
    chart = chart_for(workspace=workspace, as_of=None)
    markup = render_svg(chart, toggle_href=lambda node, p: f"?collapsed={node.id}")
    root = parse(markup)
    assert root.get("role") == "group"
    toggles = [a for a in root.iter(f"{SVG}a") if a.get("data-toggle")]
    assert {a.get("data-toggle") for a in toggles} == {str(org["ceo"].pk), str(org["head"].pk)}
    assert all(a.get("aria-expanded") == "true" for a in toggles)
    assert root.find(f".//{SVG}g[@data-viewport]") is not None
    # chart.js moves between boxes by these: the manager of each box, "" for the top.
    parents = {g.get("data-node"): g.get("data-parent") for g in root.iter(f"{SVG}g")
               if g.get("data-node")}  # fmt: skip
    assert parents[str(org["ceo"].pk)] == ""
    assert parents[str(org["rep"].pk)] == str(org["head"].pk)


@pytest.mark.parametrize(
    ("language", "badge"),
    [
        ("en", "Planned Q3 2027"),
        ("zh-hans", "计划于 2027 年 Q3"),
        ("zh-hant", "規劃於 2027 年第 3 季"),
    ],
)
def test_planned_seats_look_planned(workspace, org, language, badge):
    unnamed = seat(workspace, "Buyer", status=SeatStatus.PLANNED, reports_to=org["ceo"],
                   planned_for=datetime.date(2027, 4, 1))  # fmt: skip
    with translation.override(language):
        chart = chart_for(workspace=workspace, as_of=datetime.date(2028, 1, 1))
        root = parse(render_svg(chart, standalone=True))
    nodes = {g.get("data-node"): g for g in root.iter(f"{SVG}g") if g.get("data-node")}
    planned = nodes[str(org["planned"].pk)]
    assert "oc-node-planned" in str(planned.get("class")).split()
    outline = planned.find(f".//{SVG}rect[@class='oc-box oc-box-planned']")
    assert outline is not None and outline.get("stroke-dasharray") == "5 3"
    avatar = planned.find(f".//{SVG}g[@class='oc-avatar-placeholder']")
    assert avatar is not None and avatar.get("aria-hidden") == "true"
    assert avatar.find(f"{SVG}path[@class='oc-avatar-person']") is not None
    assert planned.find(f".//{SVG}text[@class='oc-initials']") is None  # no initials
    texts = {t.text for t in planned.iter(f"{SVG}text")}
    assert badge in texts and "Sam — to hire" in texts
    # Without a placeholder name a planned seat is a planned seat, not an "Open seat".
    with translation.override(language):
        expected = translation.gettext("Planned seat")
    assert expected in {t.text for t in nodes[str(unnamed.pk)].iter(f"{SVG}text")}
    # Filled and open seats keep a solid outline and their initials.
    for other in (org["ceo"], org["rep"]):
        box = nodes[str(other.pk)]
        assert "oc-node-planned" not in str(box.get("class"))
        assert box.find(f".//{SVG}rect[@class='oc-box']").get("stroke-dasharray") is None
        assert box.find(f".//{SVG}text[@class='oc-initials']") is not None


def test_svg_escapes_user_text(workspace, owner):
    owner.user.full_name = 'Bob "the <b>boss</b>" & co'
    owner.user.save()
    seat(workspace, "<script>alert(1)</script>", holder=owner)
    seat(workspace, "Bell\x07 ringer ']]>", placeholder="<img src=x onerror=alert(1)>")
    chart = chart_for(workspace=workspace, as_of=None)
    for markup in (render_svg(chart, standalone=True), render_svg(chart)):
        assert "<script" not in markup and "<img" not in markup and "<b>" not in markup
        assert "&lt;script&gt;" in markup
        root = parse(markup)  # still well-formed
        texts = "".join(t.text or "" for t in root.iter(f"{SVG}text"))
        assert "&lt;" not in texts  # escaped once, not twice


def test_long_text_is_truncated_with_an_ellipsis_cjk_counting_double():
    assert truncate("Short", 12, 100) == "Short"
    latin = truncate("Head of cross-border marketplace operations", 12, 100)
    assert latin.endswith("…") and text_width(latin, 12) <= 100 + 12
    cjk = truncate("跨境电商平台运营总监兼采购主管", 12, 100)
    assert cjk.endswith("…") and len(cjk) <= 8
    assert text_width("采购", 10) == 20 and text_width("ab", 10) == 11


def test_long_titles_wrap_to_two_lines_then_an_ellipsis(workspace, owner):
    def width(text):
        return text_width(text, 10)

    assert split_title("Buyer", width, 100) == ("Buyer", "")
    first, rest = split_title("Head of cross-border marketplace operations", width, 120)
    assert (first, rest) == ("Head of cross-border", "marketplace operations")  # at a space
    first, rest = split_title("跨境电商平台运营总监兼采购主管", width, 100)
    assert (first, rest) == ("跨境电商平台运营总监", "兼采购主管")  # anywhere in CJK
    boss = seat(workspace, "Regional head of warehouse and logistics operations, Asia-Pacific",
                holder=owner)  # fmt: skip
    seat(workspace, "Buyer", reports_to=boss)
    root = parse(render_svg(chart_for(workspace=workspace, as_of=None), standalone=True))
    titles = [t for t in root.iter(f"{SVG}text") if t.get("class") == "oc-title"]
    long, short = titles
    lines = [span.text or "" for span in long.iter(f"{SVG}tspan")]
    assert len(lines) == 2 and lines[0].startswith("Regional head of") and lines[1].endswith("…")
    assert [span.get("y") for span in long.iter(f"{SVG}tspan")] == ["22", "37"]
    assert short.text == "Buyer" and not list(short.iter(f"{SVG}tspan"))
    holders = {t.text: t.get("y") for t in root.iter(f"{SVG}text") if t.get("class") == "oc-holder"}
    assert holders[owner.user.display_name] == "55"  # below the two lines
    assert pdf_ok(render_pdf(chart_for(workspace=workspace, as_of=None)))


def pdf_ok(pdf: bytes) -> bool:
    return pdf.startswith(b"%PDF") and media_boxes(pdf) == [A4_LANDSCAPE]


def test_empty_chart_renders(workspace):
    chart = chart_for(workspace=workspace, as_of=None)
    assert chart.is_empty
    parse(render_svg(chart, standalone=True))
    assert pdf_ok(render_pdf(chart))


# --- PDF -----------------------------------------------------------------------------------


A4_LANDSCAPE, A3_LANDSCAPE = (841.9, 595.3), (1190.6, 841.9)


def media_boxes(pdf: bytes) -> list[tuple[float, float]]:
    boxes = re.findall(rb"/MediaBox \[([^\]]*)\]", pdf)
    return [(round(float(b.split()[2]), 1), round(float(b.split()[3]), 1)) for b in boxes]


def page_streams(pdf: bytes) -> str:
    """The decoded content of every compressed stream (page contents and font files)."""
    out = []
    for head, body in re.findall(
        rb"<<([^>]*?/Filter[^>]*)>>\s*stream\r?\n(.*?)endstream", pdf, re.S
    ):
        data = body.strip()
        if b"ASCII85Decode" in head:
            data = base64.a85decode(data, adobe=True)
        out.append(zlib.decompress(data).decode("latin-1"))
    return "\n".join(out)


def font_sizes(pdf: bytes) -> set[tuple[str, float]]:
    return {
        (name, float(size)) for name, size in re.findall(r"/(\S+) ([\d.]+) Tf", page_streams(pdf))
    }


@pytest.mark.parametrize("language", ["en", "zh-hans", "zh-hant"])
def test_pdf_embeds_one_cjk_font_for_latin_and_chinese_on_a4_landscape(workspace, org, language):
    seat(workspace, "采购主管", reports_to=org["ceo"], placeholder="王小明 — 待招聘")
    seat(workspace, "客服專員", reports_to=org["ceo"])
    seat(workspace, "Warehouse 仓库主管", reports_to=org["ceo"])
    chart = chart_for(workspace=workspace, as_of=datetime.date(2028, 1, 1),
                      collapsed=[org["head"].pk])  # fmt: skip
    pdf = render_pdf(chart, language=language)
    assert pdf.startswith(b"%PDF")
    face = pdfmetrics.getFont(chart_pdf.embedded_font()).face.name  # e.g. b"WenQuanYiZenHei"
    assert b"/FontFile2" in pdf and b"+" + face in pdf  # embedded (as a subset)
    assert b"STSong-Light" not in pdf and b"MSung-Light" not in pdf
    # One font sets every string, Latin and Chinese alike: its own metrics space "Warehouse 仓库".
    assert len({name for name, _size in font_sizes(pdf)}) == 1
    assert media_boxes(pdf) == [A4_LANDSCAPE]
    assert re.search(r"\[[\d. ]+\] 0 d", page_streams(pdf))  # the planned seat's dashes


def test_a_latin_pdf_uses_helvetica_and_embeds_nothing(workspace, org):
    pdf = render_pdf(chart_for(workspace=workspace, as_of=None))
    assert b"/FontFile" not in pdf and b"Helvetica-Bold" in pdf
    assert media_boxes(pdf) == [A4_LANDSCAPE]
    assert min(size for _name, size in font_sizes(pdf)) >= chart_pdf.MIN_FONT_PT


def test_pdf_font_path_setting_and_fallbacks(workspace, org, settings, monkeypatch, caplog):
    seat(workspace, "采购主管", reports_to=org["ceo"])
    chart = chart_for(workspace=workspace, as_of=None)
    # A path that can't be embedded (missing; Noto's CFF outlines) → a warning, then a candidate.
    settings.KEEL_CHART_PDF_FONT = "/nonexistent/font.ttf"
    assert chart_pdf.embedded_font() == chart_pdf._load_font("")
    assert "cannot be embedded" in caplog.text
    assert b"/FontFile2" in render_pdf(chart, language="zh-hans")
    # No loadable font at all → the viewer's CID font, named but not embedded.
    monkeypatch.setattr(chart_pdf, "FONT_CANDIDATES", ())
    chart_pdf._load_font.cache_clear()
    try:
        settings.KEEL_CHART_PDF_FONT = ""
        pdf = render_pdf(chart, language="zh-hant")
    finally:
        chart_pdf._load_font.cache_clear()
    assert b"MSung-Light" in pdf and b"/FontFile" not in pdf


def test_a_300_seat_pdf_is_split_across_a3_pages_without_shrinking_text(workspace, owner):
    boss = seat(workspace, "Boss", holder=owner)
    leads = [seat(workspace, f"Lead {i}", reports_to=boss) for i in range(12)]
    for i in range(287):
        seat(workspace, f"Seat {i}", reports_to=leads[i % 12])
    chart = chart_for(workspace=workspace, as_of=None)
    pdf = render_pdf(chart)
    pages = media_boxes(pdf)
    assert set(pages) == {A3_LANDSCAPE}
    # 287 boxes side by side: ~37 page-wide strips, stacked three to a page.
    assert 2 < len(pages) <= 15
    assert min(size for _name, size in font_sizes(pdf)) >= chart_pdf.MIN_FONT_PT
    text = page_streams(pdf)
    assert all(f"(Seat {i})" in text for i in range(287))  # every box drawn, none lost
    assert f"({len(pages)} / {len(pages)})" in text


def test_page_edges_fall_between_boxes():
    boxes = [(0, 100), (120, 220), (240, 340), (360, 460)]
    edges = chart_pdf.cuts(boxes, -10, 470, 250)
    assert edges[0] == -10 and edges[-1] == 470
    assert all(not (a < e < b) for e in edges for a, b in boxes)
    assert all(b - a <= 250 for a, b in pairwise(edges))
