"""A milestone measured by a KPI: the service's checks (this workspace's, not archived), the
form's picker, the vision page's progress (hand-computed) within its query budget, the API
(id in, id and read-only progress out) and the demo's links in every language."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from keel.core.models import AuditEvent
from keel.core.tests.api_client import assert_problem
from keel.goals import services
from keel.goals.models import Milestone
from keel.goals.tests.factories import GoalFactory, MilestoneFactory
from keel.kpis.models import Unit
from keel.kpis.tests.factories import KpiFactory, KpiMonthFactory
from keel.org.tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db
WS = "/workspaces/acme"


@pytest.fixture
def year(workspace) -> int:
    return services.current_year(workspace)


@pytest.fixture
def goal(workspace, year):
    return GoalFactory(workspace=workspace, target_year=year + 3, title="¥10M revenue")


@pytest.fixture
def revenue(workspace, year):
    """A summed money KPI with last year complete: targets 100,000 a month (1.2M), values
    90,000 a month except December's 120,000 (1,110,000: 93%, close)."""
    kpi = KpiFactory(workspace=workspace, name="Revenue", unit=Unit.MONEY, currency="CNY")
    for m in range(1, 13):
        KpiMonthFactory(kpi=kpi, workspace=workspace, month=dt.date(year - 1, m, 1),
                        target=D(100_000), value=D(120_000 if m == 12 else 90_000))  # fmt: skip
    return kpi


def _create(actor, goal, year, **kwargs):
    return services.milestone_create(actor=actor, goal=goal, year=year, title="¥3M", **kwargs)


# --- The service -----------------------------------------------------------------------------


def test_a_milestone_takes_a_kpi_of_its_workspace(owner, goal, year, revenue):
    milestone = _create(owner, goal, year, kpi=revenue)
    assert Milestone.objects.get().kpi == revenue
    event = AuditEvent.objects.get(action="vision.milestone_created")
    assert event.data["kpi"] == revenue.pk
    services.milestone_update(actor=owner, milestone=milestone, year=year, title="¥3M",
                              owner_seat=None, needed_seats=[], status="on_track")  # fmt: skip
    assert Milestone.objects.get().kpi == revenue  # left out: the link stays
    services.milestone_update(actor=owner, milestone=milestone, year=year, title="¥3M",
                              owner_seat=None, needed_seats=[], status="on_track",
                              kpi=None)  # fmt: skip
    assert Milestone.objects.get().kpi is None


def test_another_workspaces_kpi_is_refused(owner, goal, year, other_workspace):
    theirs = KpiFactory(workspace=other_workspace)
    with pytest.raises(ValidationError) as error:
        _create(owner, goal, year, kpi=theirs)
    assert "kpi" in error.value.message_dict
    assert not Milestone.objects.exists()


def test_an_archived_kpi_is_refused_but_an_existing_link_stays(owner, goal, year, revenue):
    milestone = _create(owner, goal, year, kpi=revenue)
    old = KpiFactory(workspace=goal.workspace, name="Old", archived_at=timezone.now())
    with pytest.raises(ValidationError) as error:
        _create(owner, goal, year, kpi=old)
    assert "archived" in error.value.message_dict["kpi"][0]
    with pytest.raises(ValidationError):
        services.milestone_update(actor=owner, milestone=milestone, year=year, title="x",
                                  owner_seat=None, needed_seats=[], status="on_track",
                                  kpi=old)  # fmt: skip
    revenue.archived_at = timezone.now()
    revenue.save(update_fields=["archived_at"])
    milestone.refresh_from_db()
    services.milestone_update(actor=owner, milestone=milestone, year=year, title="Renamed",
                              owner_seat=None, needed_seats=[], status="on_track",
                              kpi=revenue)  # fmt: skip
    assert Milestone.objects.get().title == "Renamed"


def test_a_member_cannot_link_a_kpi(member, goal, year, revenue):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        _create(member, goal, year, kpi=revenue)
    assert not Milestone.objects.exists()


# --- Pages -----------------------------------------------------------------------------------


def _url(name: str, **kwargs) -> str:
    return reverse(name, kwargs={"ws": "acme", **kwargs})


def test_the_form_offers_this_workspaces_active_kpis_by_team(
    login, owner, goal, year, revenue, other_workspace
):
    team = DepartmentFactory(workspace=goal.workspace, name="Marketing")
    KpiFactory(workspace=goal.workspace, name="ACoS", department=team)
    KpiFactory(workspace=goal.workspace, name="Old KPI", archived_at=timezone.now())
    theirs = KpiFactory(workspace=other_workspace, name="Their KPI")
    client = login(owner)
    html = client.get(_url("goals_milestone_create", goal_id=goal.pk)).content.decode()
    assert '<optgroup label="Company">' in html and '<optgroup label="Marketing">' in html
    assert "Revenue" in html and "ACoS" in html
    assert "Old KPI" not in html and "Their KPI" not in html
    response = client.post(_url("goals_milestone_create", goal_id=goal.pk), {
        "year": year, "title": "¥3M", "status": "on_track", "kpi": theirs.pk,
    })  # fmt: skip
    assert response.status_code == 400 and not Milestone.objects.exists()
    response = client.post(_url("goals_milestone_create", goal_id=goal.pk), {
        "year": year, "title": "¥3M", "status": "on_track", "kpi": revenue.pk,
    })  # fmt: skip
    assert response.status_code == 302
    assert Milestone.objects.get().kpi == revenue


def test_editing_keeps_an_archived_kpi(login, owner, goal, year, revenue):
    milestone = MilestoneFactory(workspace=goal.workspace, goal=goal, year=year, kpi=revenue)
    revenue.archived_at = timezone.now()
    revenue.save(update_fields=["archived_at"])
    client = login(owner)
    html = client.get(_url("goals_milestone_edit", milestone_id=milestone.pk)).content.decode()
    assert "Revenue (archived)" in html
    response = client.post(_url("goals_milestone_edit", milestone_id=milestone.pk), {
        "year": year, "title": "Still", "status": "on_track", "kpi": revenue.pk,
    })  # fmt: skip
    assert response.status_code == 302
    assert Milestone.objects.get().kpi == revenue


def test_the_vision_page_shows_the_kpi_over_the_milestones_year(
    login, member, workspace, goal, year, revenue
):
    goal.target_year = year + 1
    goal.save(update_fields=["target_year"])
    MilestoneFactory(workspace=workspace, goal=goal, year=year - 1, kpi=revenue, title="Last")
    MilestoneFactory(workspace=workspace, goal=goal, year=year, title="No KPI")
    html = login(member).get(_url("goals_vision")).content.decode()
    # 11 × 90,000 + 120,000 = 1,110,000 of 12 × 100,000: 93%, within the 10% margin
    assert "CN¥1,110,000 of CN¥1,200,000 (93%)" in html
    assert 'class="badge badge-amber">Close<' in html
    kpi_page = reverse("kpis_detail", kwargs={"ws": "acme", "kpi_id": revenue.pk})
    assert f'href="{kpi_page}"' in html


def test_the_page_without_kpis_has_no_kpi_column(login, member, workspace, goal, year):
    MilestoneFactory(workspace=workspace, goal=goal, year=year)
    assert "KPI for the year" not in login(member).get(_url("goals_vision")).content.decode()


@pytest.mark.parametrize("milestones", [4, 24])
def test_vision_page_queries_do_not_grow_with_kpi_milestones(
    login, owner, workspace, year, milestones, django_assert_max_num_queries
):
    team = DepartmentFactory(workspace=workspace)
    goals = [GoalFactory(workspace=workspace, target_year=year + 5) for _ in range(3)]
    for i in range(milestones):
        kpi = KpiFactory(workspace=workspace, department=team if i % 2 else None)
        KpiMonthFactory(kpi=kpi, workspace=workspace, month=dt.date(year, 1, 1))
        MilestoneFactory(workspace=workspace, goal=goals[i % 3], year=year + i % 3, kpi=kpi)
    client = login(owner)
    # the vision page's 16 (test_views.py) and one for the KPIs' months
    with django_assert_max_num_queries(17):
        response = client.get(_url("goals_vision"))
    assert response.content.decode().count('class="milestone-kpi"') == milestones


# --- API -------------------------------------------------------------------------------------


def test_api_links_a_kpi_and_reports_its_progress(api_for, owner, goal, year, revenue):
    api = api_for(owner)
    response = api.post(f"{WS}/goals/{goal.pk}/milestones", {
        "year": year, "title": "¥3M", "kpi_id": revenue.pk,
    })  # fmt: skip
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["kpi_id"] == revenue.pk
    assert body["kpi_progress"]["year"] == year
    milestone_id = body["id"]
    Milestone.objects.filter(pk=milestone_id).update(year=year - 1)  # last year: complete
    body = api.get(f"{WS}/milestones/{milestone_id}").json()
    assert body["kpi_progress"] == {"year": year - 1, "value": "1110000", "target": "1200000",
                                    "status": "amber", "share": 93, "by_pace": False}  # fmt: skip
    listed = api.get(f"{WS}/goals/{goal.pk}/milestones").json()["items"]
    assert listed[0]["kpi_progress"]["value"] == "1110000"
    body = api.patch(f"{WS}/milestones/{milestone_id}", {"kpi_id": None}).json()
    assert body["kpi_id"] is None and body["kpi_progress"] is None


def test_api_refuses_another_workspaces_and_archived_kpis(
    api_for, owner, goal, year, other_workspace
):
    api = api_for(owner)
    theirs = KpiFactory(workspace=other_workspace)
    old = KpiFactory(workspace=goal.workspace, archived_at=timezone.now())
    for kpi in (theirs, old):
        problem = assert_problem(api.post(f"{WS}/goals/{goal.pk}/milestones", {
            "year": year, "title": "x", "kpi_id": kpi.pk,
        }), 422)  # fmt: skip
        assert problem["errors"][0]["loc"] == ["body", "kpi_id"]
    assert not Milestone.objects.exists()


# --- Demo ------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "zh-hans", "zh-hant"])
def test_the_demo_links_four_milestones_to_demo_kpis(owner, language):
    from keel.goals.demo import seed_demo_vision
    from keel.kpis.demo import seed_demo_kpis
    from keel.org.demo import seed_demo_org

    seed_demo_org(owner, language=language)
    seed_demo_vision(owner, language=language)
    seed_demo_kpis(owner, language=language)  # seeds after the vision, as in `keel seed`
    linked = Milestone.objects.filter(kpi__isnull=False)
    assert linked.count() == 4
    assert all(m.kpi.workspace_id == owner.workspace_id for m in linked)
    this_year = services.current_year(owner.workspace)
    assert linked.filter(year=this_year).count() == 2
