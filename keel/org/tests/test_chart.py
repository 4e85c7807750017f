"""Chart data (today vs the future, nearest visible manager, badges) and its SVG and PDF."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET

import pytest

from keel.core.tests.factories import MembershipFactory
from keel.org.chart import OVERLOAD_SEATS, chart_for
from keel.org.chart_pdf import render_pdf
from keel.org.chart_svg import render_svg, text_width, truncate
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


def test_empty_chart_renders(workspace):
    chart = chart_for(workspace=workspace, as_of=None)
    assert chart.is_empty
    parse(render_svg(chart, standalone=True))


# --- PDF -----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "zh-hans", "zh-hant"])
def test_pdf_export_draws_latin_and_chinese_text(workspace, org, language):
    seat(workspace, "采购主管", reports_to=org["ceo"], placeholder="王小明 — 待招聘")
    seat(workspace, "客服專員", reports_to=org["ceo"])
    chart = chart_for(workspace=workspace, as_of=datetime.date(2028, 1, 1),
                      collapsed=[org["head"].pk])  # fmt: skip
    pdf = render_pdf(chart, language=language)
    assert pdf.startswith(b"%PDF")
    font = b"MSung-Light" if language == "zh-hant" else b"STSong-Light"
    assert font in pdf and b"Helvetica" in pdf


def test_pdf_of_a_big_chart_fits_a3_landscape(workspace, owner):
    boss = seat(workspace, "Boss", holder=owner)
    for i in range(120):
        seat(workspace, f"Seat {i}", reports_to=boss)
    pdf = render_pdf(chart_for(workspace=workspace, as_of=None))
    media = pdf.split(b"/MediaBox [", 1)[1].split(b"]", 1)[0].split()
    assert float(media[2]) <= 1190.6 and float(media[3]) <= 842
