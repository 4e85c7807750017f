"""Every main page, as the owner (or anonymous for the entrance), in English and Simplified
Chinese: axe-core finds no serious or critical violation, and at 375 px nothing overflows.

The org chart and vision pages are checked on the demo shop's chart and vision (seeded through
the services), so the chart, the outline, the headcount table and the timeline have content.
The tasks pages are checked on the demo shop's projects and tasks (keel.tasks.demo), plus a
weekly series, a status update and a calendar feed; the board scrolls inside its own container
at 375 px, the page itself must not.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse

from keel.core.models import Role
from keel.core.tests.factories import MembershipFactory, WorkspaceFactory

from .helpers import MOBILE_WIDTH, axe_check, horizontal_overflow, set_language, sign_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SLUG = "lotus"
# (page id, URL name, needs the workspace slug, signed in)
PAGES = [
    ("sign-in", "account_login", False, False),
    ("sign-up", "account_signup", False, False),
    ("workspace-home", "workspace_home", True, True),
    ("members", "members", True, True),
    ("groups", "groups", True, True),
    ("audit", "audit", True, True),
    ("notifications", "notifications", True, True),
    ("account-settings", "account_settings", False, True),
    ("api-tokens", "api_tokens", False, True),
    ("mfa", "mfa_index", False, True),
    ("sessions", "usersessions_list", False, True),
]
LANGUAGES = ["en", "zh-hans"]


def _ws_url(name: str, **kwargs: Any) -> Callable[[Any], str]:
    return lambda owner: reverse(name, kwargs={"ws": SLUG, **kwargs})


def _seat_url(name: str, title: str) -> Callable[[Any], str]:
    def make(owner: Any) -> str:
        from keel.org.models import Seat

        seat = Seat.objects.filter(workspace=owner.workspace, title=title).order_by("pk").first()
        assert seat is not None, f"the demo chart has no seat {title!r}"
        return reverse(name, kwargs={"ws": SLUG, "pk": seat.pk})

    return make


def _future_chart_url(owner: Any) -> str:
    from keel.org.models import workspace_today

    year = workspace_today(owner.workspace).year + 2
    return f"{reverse('org_chart', kwargs={'ws': SLUG})}?as_of={year}-12-31"


def _milestone_form_url(owner: Any) -> str:
    from keel.goals.models import Goal

    goal = Goal.objects.filter(workspace=owner.workspace).order_by("pk").first()
    assert goal is not None, "the demo vision has no goal"
    return reverse("goals_milestone_create", kwargs={"ws": SLUG, "goal_id": goal.pk})


# The org chart and vision pages, on the demo shop's data: (page id, URL maker).
ORG_PAGES: list[tuple[str, Callable[[Any], str]]] = [
    ("org-chart", _ws_url("org_chart")),
    ("org-chart-future", _future_chart_url),
    ("org-departments", _ws_url("org_departments")),
    ("org-seats", _ws_url("org_seats")),
    ("org-seat-filled", _seat_url("org_seat", "Founder")),
    ("org-seat-planned", _seat_url("org_seat", "Operations manager")),
    ("org-seat-new", _ws_url("org_seat_new")),
    ("org-seat-edit", _seat_url("org_seat_edit", "Operations manager")),
    ("org-headcount", _ws_url("org_headcount")),
    ("goals-vision", _ws_url("goals_vision")),
    ("goals-vision-edit", _ws_url("goals_vision_edit")),
    ("goals-goal-new", _ws_url("goals_goal_create")),
    ("goals-milestone-new", _milestone_form_url),
]


def _project_url(name: str, key: str = "AMZ") -> Callable[[Any], str]:
    def make(owner: Any) -> str:
        from keel.tasks.models import Project

        project = Project.objects.get(workspace=owner.workspace, key=key)
        return reverse(name, kwargs={"ws": SLUG, "project_id": project.pk})

    return make


def _task_url(title: str) -> Callable[[Any], str]:
    def make(owner: Any) -> str:
        from keel.tasks.models import Task

        task = Task.objects.get(workspace=owner.workspace, title=title)
        return reverse("task_detail", kwargs={"ws": SLUG, "task_id": task.pk})

    return make


def _summary_url(owner: Any) -> str:
    from keel.tasks.models import Project

    project = Project.objects.get(workspace=owner.workspace, key="PUR")
    return f"{reverse('tasks_summary', kwargs={'ws': SLUG})}?project={project.pk}&period=week"


# The tasks pages, on the demo shop's projects: (page id, URL maker).
TASK_PAGES: list[tuple[str, Callable[[Any], str]]] = [
    ("tasks-projects", _ws_url("projects")),
    ("tasks-project-new", _ws_url("project_new")),
    ("tasks-project-list", _project_url("project_tasks")),
    ("tasks-project-board", _project_url("project_board")),
    ("tasks-project-calendar", _project_url("project_calendar")),
    ("tasks-project-settings", _project_url("project_settings")),
    ("tasks-task-new", _project_url("task_new")),
    ("tasks-task", _task_url("Order samples from three bamboo suppliers")),
    ("tasks-task-commented", _task_url("Customs paperwork for container MSKU 1234567")),
    ("tasks-all", _ws_url("tasks_all")),
    ("tasks-mine", _ws_url("tasks_mine")),
    ("tasks-calendar", _ws_url("tasks_calendar")),
    ("tasks-workload", _ws_url("tasks_workload")),
    ("tasks-recurring", _project_url("project_recurrences")),
    ("tasks-status-updates", _project_url("project_updates")),
    ("tasks-summaries", _ws_url("tasks_summary")),
    ("tasks-summary-shown", _summary_url),
    ("tasks-calendar-feeds", _ws_url("calendar_feeds")),
    ("tasks-import-new", _ws_url("tasks_import_new")),
    ("tasks-import-into", _project_url("tasks_import")),
]


def _workspace_with_people() -> Any:
    from keel.accounts.models import Group, GroupMembership

    ws = WorkspaceFactory(name="莲花贸易", slug=SLUG, email_domain="lotus.example")
    owner = MembershipFactory(
        workspace=ws, role=Role.OWNER, user__email="owner@lotus.example", user__full_name="王芳"
    )
    member = MembershipFactory(
        workspace=ws, role=Role.MEMBER, user__email="li@lotus.example", user__full_name="李雷"
    )
    MembershipFactory(
        workspace=ws, role=Role.ASSISTANT, user__email="ana@freelance.example",
        user__full_name="Ana Lopez",
    )  # fmt: skip
    group = Group.objects.create(workspace=ws, name="销售", alias="sales")
    GroupMembership.objects.create(workspace=ws, group=group, membership=member)
    return owner


def _with_demo_chart_and_vision(owner: Any) -> Any:
    from keel.goals.demo import seed_demo_vision
    from keel.org import services
    from keel.org.demo import seed_demo_org
    from keel.org.models import Seat

    seed_demo_org(owner)
    # The demo's owner is owner@demo.example; put this owner in the demo owner's four seats,
    # so the chart shows filled seats and the "overloaded" warning too.
    for seat in Seat.objects.filter(
        workspace=owner.workspace,
        title__in=["Founder", "Sales lead", "Bookkeeping", "Logistics coordinator"],
    ):
        services.seat_fill(actor=owner, seat=seat, membership=owner)
    seed_demo_vision(owner)
    return owner


def _with_demo_tasks(owner: Any) -> Any:
    """The demo projects and tasks, a weekly Monday/Wednesday series (due next week, so it has
    an occurrence and a "next" date), a status update and a project calendar feed."""
    import datetime

    from keel.org.models import workspace_today
    from keel.tasks.demo import seed_demo_tasks
    from keel.tasks.models import Project
    from keel.tasks.services import feeds as ical
    from keel.tasks.services import progress
    from keel.tasks.services.recurrence import recurrence_create

    _with_demo_chart_and_vision(owner)
    seed_demo_tasks(owner)
    amz = Project.objects.get(workspace=owner.workspace, key="AMZ")
    today = workspace_today(owner.workspace)
    recurrence_create(
        actor=owner, project=amz, title="Listing review", preset="weekly",
        weekdays=["MO", "WE"], dtstart_local=today + datetime.timedelta(days=7 - today.weekday()),
        assignee=owner,
    )  # fmt: skip
    progress.status_update_create(
        actor=owner, project=amz, status="at_risk",
        text="A+ content waits for the **new photos**; the German listing starts next week.",
    )  # fmt: skip
    ical.feed_create(actor=owner, project=amz)
    return owner


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("page_id", "url_name", "in_workspace", "signed_in"), PAGES, ids=[p[0] for p in PAGES]
)
def test_page_is_accessible_and_fits_a_phone(
    new_context, base_url, page_id, url_name, in_workspace, signed_in, language
):
    owner = _workspace_with_people()
    url = reverse(url_name, kwargs={"ws": SLUG} if in_workspace else None)
    _check_page(new_context, base_url, owner, url, page_id, language, signed_in=signed_in)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("page_id", "make_url"), ORG_PAGES, ids=[p[0] for p in ORG_PAGES])
def test_org_and_vision_page_is_accessible_and_fits_a_phone(
    new_context, base_url, page_id, make_url, language
):
    owner = _with_demo_chart_and_vision(_workspace_with_people())
    _check_page(new_context, base_url, owner, make_url(owner), page_id, language, signed_in=True)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("page_id", "make_url"), TASK_PAGES, ids=[p[0] for p in TASK_PAGES])
def test_tasks_page_is_accessible_and_fits_a_phone(
    new_context, base_url, page_id, make_url, language
):
    owner = _with_demo_tasks(_workspace_with_people())
    _check_page(new_context, base_url, owner, make_url(owner), page_id, language, signed_in=True)


def _check_page(
    new_context: Any, base_url: str, owner: Any, url: str, page_id: str, language: str,
    *, signed_in: bool,
) -> None:  # fmt: skip
    context = new_context()
    set_language(context, base_url, language)
    if signed_in:
        owner.user.language = language
        owner.user.save(update_fields=["language"])
        sign_in_context(context, base_url, owner.user)
    page = context.new_page()
    response = page.goto(url)
    assert response is not None and response.status == 200, (
        f"{url} answered {response and response.status} (ended at {page.url})"
    )
    assert page.url.endswith(url), f"{url} redirected to {page.url}"
    assert (
        page.evaluate("() => document.documentElement.lang")
        .lower()
        .startswith(language.split("-")[0])
    )
    axe_check(page, label=f"{page_id} [{language}]")

    page.set_viewport_size({"width": MOBILE_WIDTH, "height": 812})
    overflow = page.evaluate("() => document.documentElement.scrollWidth")
    assert overflow <= MOBILE_WIDTH + 1, (
        f"{page_id} [{language}] is {overflow}px wide at {MOBILE_WIDTH}px "
        f"({horizontal_overflow(page)}px too wide)"
    )
