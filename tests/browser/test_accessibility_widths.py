"""Every page issue 9 changed, at a phone's width (375 px) and a desktop's (1280 px), in English
and Simplified Chinese: axe-core finds no serious or critical violation and the page does not
scroll sideways (wide content scrolls inside its own container).

One test seeds the shop once (the demo chart, vision and tasks of test_accessibility.py, plus
a member with an open task, a seat and a recurring series, and one offboarded the same way)
and walks the pages in one browser context per width and language; failures are collected and
reported together. The offboarding pages are named by URL only and checked for axe and
overflow only, so they survive a rewrite of their content.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from keel.core.models import Membership, Role
from keel.core.tests.factories import MembershipFactory

from .helpers import MOBILE_WIDTH, axe_check, horizontal_overflow, set_language, sign_in_context
from .test_accessibility import SLUG, _with_demo_tasks, _workspace_with_people

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["en", "zh-hans"]
WIDTHS = [MOBILE_WIDTH, 1280]
ASANA_SAMPLE = Path(__file__).resolve().parents[2] / "keel/tasks/tests/data/asana_sample.csv"
# One row with no name and a due date before its start: the preview lists it as a problem.
BAD_ROW = "1205001000000999,2026-01-05,,2026-02-10,,Listing drafts,,,2026-02-10,2026-02-01,,,,,,\n"


@dataclass
class Shop:
    owner: Membership
    leaving: Membership  # active: an open task, a seat and a recurring series on the seat
    gone: Membership  # offboarded with the same kind of work
    project_id: int
    seat_id: int


def _give_work(owner: Membership, person: Membership, *, title: str, seat_title: str) -> Any:
    """A seat under the founder held by `person`, an open task due today and a weekly series
    on the seat, in the Amazon listings project."""
    from keel.org import services as org
    from keel.org.models import Seat, workspace_today
    from keel.tasks import services as tasks
    from keel.tasks.models import Project
    from keel.tasks.services.recurrence import recurrence_create

    founder = Seat.objects.get(workspace=owner.workspace, title="Founder")
    seat = org.seat_create(actor=owner, title=seat_title, reports_to=founder, holder=person)
    project = Project.objects.get(workspace=owner.workspace, key="AMZ")
    today = workspace_today(owner.workspace)
    tasks.task_create(actor=owner, project=project, title=title, due=today, assignee=person)
    recurrence_create(
        actor=owner, project=project, title=f"{title} (weekly)", preset="weekly",
        weekdays=["FR"], dtstart_local=today + datetime.timedelta(days=1), assignee_seat=seat,
    )  # fmt: skip
    return seat


def _shop() -> Shop:
    from keel.accounts.services import membership_offboard
    from keel.tasks.models import Project

    owner = _with_demo_tasks(_workspace_with_people())
    leaving = Membership.objects.get(workspace=owner.workspace, user__email="li@lotus.example")
    seat = _give_work(owner, leaving, title="Photograph the tea sets", seat_title="Warehouse lead")
    gone = MembershipFactory(
        workspace=owner.workspace, role=Role.MEMBER, user__email="zhang@lotus.example",
        user__full_name="张伟",
    )  # fmt: skip
    _give_work(owner, gone, title="Pack the spring orders", seat_title="Packer")
    membership_offboard(actor=owner, membership=gone)
    project = Project.objects.get(workspace=owner.workspace, key="AMZ")
    return Shop(owner=owner, leaving=leaving, gone=gone, project_id=project.pk, seat_id=seat.pk)


def _ws(name: str, **kwargs: Callable[[Shop], int]) -> Callable[[Shop], str]:
    return lambda shop: reverse(
        name, kwargs={"ws": SLUG, **{key: make(shop) for key, make in kwargs.items()}}
    )


def _project(shop: Shop) -> int:
    return shop.project_id


def _summary_preview(shop: Shop) -> str:
    return f"{reverse('tasks_summary', kwargs={'ws': SLUG})}?project={shop.project_id}&period=week"


# (page id, URL maker): every page issue 9 changed that a GET shows.
PAGES: list[tuple[str, Callable[[Shop], str]]] = [
    ("workspace-settings", _ws("workspace_settings")),
    ("members", _ws("members")),
    ("member-detail", _ws("member_detail", pk=lambda s: s.leaving.pk)),
    ("member-invite", _ws("member_invite")),
    ("member-offboard", _ws("member_offboard", pk=lambda s: s.leaving.pk)),
    ("member-offboarding", _ws("member_offboarding", pk=lambda s: s.gone.pk)),
    ("asana-upload", _ws("tasks_import_new")),
    ("project-new", _ws("project_new")),
    ("project-board", _ws("project_board", project_id=_project)),
    ("project-list", _ws("project_tasks", project_id=_project)),
    ("project-calendar", _ws("project_calendar", project_id=_project)),
    ("workload", _ws("tasks_workload")),
    ("headcount", _ws("org_headcount")),
    ("org-chart", _ws("org_chart")),
    ("seat-detail", _ws("org_seat", pk=lambda s: s.seat_id)),
    ("notifications", _ws("notifications")),
    ("recurring-form", _ws("project_recurrences", project_id=_project)),
    ("summary-preview", _summary_preview),
]


def _problems(page: Any, label: str, width: int) -> list[str]:
    """axe's serious/critical violations and sideways scrolling on the page as it stands."""
    found = []
    try:
        axe_check(page, label=label)
    except pytest.fail.Exception as failure:
        found.append(str(failure))
    overflow = horizontal_overflow(page)
    if overflow > 1:
        found.append(f"{label}: the page is {overflow}px wider than the {width}px viewport")
    return found


def _asana_preview(page: Any, tmp_path: Path, label: str, width: int) -> list[str]:
    csv = tmp_path / "asana_with_a_bad_row.csv"
    csv.write_text(ASANA_SAMPLE.read_text(encoding="utf-8") + BAD_ROW, encoding="utf-8")
    page.goto(reverse("tasks_import_new", kwargs={"ws": SLUG}))
    form = page.locator("form[enctype='multipart/form-data']")
    form.locator("input[name=name]").fill("Amazon Europe")
    form.locator("input[name=key]").fill("AMZE")
    form.locator("input[type=file]").set_input_files(str(csv))
    form.locator("button[type=submit]").click()
    expect(page.locator("main table tbody tr").first).to_be_visible()
    return _problems(page, label, width)


def test_issue_9_pages_pass_axe_and_fit_at_phone_and_desktop_width(new_context, base_url, tmp_path):
    shop = _shop()  # seeded once: the demo shop takes longer than a page
    failures: list[str] = []
    for language in LANGUAGES:
        shop.owner.user.language = language
        shop.owner.user.save(update_fields=["language"])
        for width in WIDTHS:
            failures += _walk(new_context, base_url, tmp_path, shop, language, width)
    assert not failures, "\n".join(failures)


def _walk(
    new_context: Any, base_url: str, tmp_path: Path, shop: Shop, language: str, width: int
) -> list[str]:
    """Every page of PAGES and the Asana preview, in one browser context of this width."""
    failures: list[str] = []
    context = new_context(viewport={"width": width, "height": 812 if width < 768 else 900})
    set_language(context, base_url, language)
    sign_in_context(context, base_url, shop.owner.user)
    page = context.new_page()
    for page_id, make_url in PAGES:
        url = make_url(shop)
        label = f"{page_id} [{language}, {width}px]"
        response = page.goto(url)
        if response is None or response.status != 200:
            failures.append(f"{label}: {url} answered {response and response.status}")
            continue
        lang = page.evaluate("() => document.documentElement.lang").lower()
        if not lang.startswith(language.split("-")[0]):
            failures.append(f"{label}: <html lang={lang!r}>")
        if page_id == "project-calendar":
            # A phone gets the agenda, a desktop the month grid.
            agenda = page.locator(".calendar-agenda")
            expect(agenda).to_be_visible() if width < 768 else expect(agenda).to_be_hidden()
        failures += _problems(page, label, width)
    failures += _asana_preview(page, tmp_path, f"asana-preview [{language}, {width}px]", width)
    context.close()
    return failures
