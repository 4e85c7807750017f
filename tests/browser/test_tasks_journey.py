"""The tasks app's "done when" (issue 4), in a real Chromium: a manager creates a project on the
Projects page, adds tasks (quick add and the full form), moves cards on the board by drag and
drop and by the keyboard; a weekly Monday/Wednesday series whose Monday, once done, brings the
Wednesday; an @mention that the colleague sees in their notifications; and the sample Asana CSV
imported through the preview.

axe-core checks every distinct page seen. Waits are on page state, never on time.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from keel.core.models import Membership, Role
from keel.core.tests.factories import MembershipFactory, WorkspaceFactory
from keel.org.models import workspace_today

from .helpers import axe_check, sign_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SLUG = "acme"
DOMAIN = "acme.example"
OWNER_NAME = "Olivia Owner"
MEMBER_NAME = "Mike Lee"
TIMEZONE = "Asia/Shanghai"
ASANA_SAMPLE = (
    Path(__file__).resolve().parents[2] / "keel" / "tasks" / "tests" / "data" / "asana_sample.csv"
)


def field(label: str) -> re.Pattern[str]:
    """A form field's label: the text, optionally followed by the required-field asterisk."""
    return re.compile(rf"^{re.escape(label)}\s*\*?$")


class AxeTrail:
    """axe once per distinct page (ids folded); violations reported together at the end."""

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.failures: list[str] = []

    def check(self, page: Any, label: str, *, again: bool = False) -> None:
        key = re.sub(r"/\d+/", "/<id>/", urlparse(page.url).path)
        if key in self.seen and not again:
            return
        self.seen.add(key)
        try:
            axe_check(page, label=label)
        except pytest.fail.Exception as failure:
            self.failures.append(str(failure))

    def assert_clean(self) -> None:
        if self.failures:
            pytest.fail("\n".join(self.failures), pytrace=False)


def _team() -> tuple[Membership, Membership]:
    """Acme Home: the owner (a manager and above creates projects), Mike and Maya (members).

    The emails are those of the sample Asana export, so its assignees map to members.
    """
    ws = WorkspaceFactory(
        name="Acme Home", slug=SLUG, email_domain=DOMAIN, language="en", timezone=TIMEZONE
    )
    owner = MembershipFactory(
        workspace=ws, role=Role.OWNER, user__email=f"olivia@{DOMAIN}", user__full_name=OWNER_NAME
    )
    member = MembershipFactory(
        workspace=ws, role=Role.MEMBER, user__email=f"mike@{DOMAIN}", user__full_name=MEMBER_NAME
    )
    MembershipFactory(
        workspace=ws, role=Role.MEMBER, user__email=f"maya@{DOMAIN}", user__full_name="Maya Patel"
    )
    return owner, member


def _page_for(new_context: Any, base_url: str, membership: Membership, **options: Any) -> Any:
    context = new_context(**options)
    sign_in_context(context, base_url, membership.user)
    return context.new_page()


def _project(owner: Membership, name: str = "Amazon listings", key: str = "AMZ") -> Any:
    from keel.tasks import services

    return services.project_create(actor=owner, name=name, key=key)


def _column(page: Any, name: str) -> Any:
    return page.locator(f'[data-board] [data-column][data-column-name="{name}"]')


def test_manager_creates_a_project_adds_tasks_and_moves_cards_on_the_board(new_context, base_url):
    from keel.tasks.models import Project, Task

    axe = AxeTrail()
    owner, _member = _team()
    # Wide enough for all four columns (the quick-added task has none): Playwright's drag
    # scrolls the target into view between picking the card up and dropping it, and a board
    # that scrolls inside its container would move the card away from under the pointer.
    page = _page_for(new_context, base_url, owner, viewport={"width": 1700, "height": 900})
    due = workspace_today(owner.workspace) + datetime.timedelta(days=3)

    # 1. The Projects page, empty; create a project with a name and a key.
    page.goto(f"/{SLUG}/projects/")
    expect(page.get_by_role("heading", name="No projects yet")).to_be_visible()
    axe.check(page, "projects (empty)")
    page.get_by_role("link", name="New project").click()
    page.wait_for_url(f"**/{SLUG}/projects/new/")
    axe.check(page, "project form")
    page.get_by_label(field("Name")).fill("Amazon listings")
    page.get_by_label(field("Key")).fill("AMZ")
    page.get_by_role("button", name="Create project").click()
    page.wait_for_url(re.compile(r"/projects/\d+/$"))
    expect(page.get_by_text("The project “Amazon listings” was created.")).to_be_visible()
    axe.check(page, "project list (empty)")
    project = Project.objects.get(workspace=owner.workspace, key="AMZ")
    assert project.name == "Amazon listings"
    sections = [s.name for s in project.sections.order_by("position")]
    assert sections == ["To do", "In progress", "Done"], sections

    # 2. Quick add: type a title, press Enter.
    quick = page.get_by_label("New task title")
    quick.fill("Rewrite bullets for the bamboo board")
    quick.press("Enter")
    expect(page.get_by_text("AMZ-1 added.")).to_be_visible()
    expect(page.get_by_role("link", name="Rewrite bullets for the bamboo board")).to_be_visible()
    axe.check(page, again=True, label="project list (one task)")
    quick_task = Task.objects.get(project=project, number=1)

    # 3. The full form, with a section and a due date.
    page.get_by_role("link", name="New task").first.click()
    page.wait_for_url(re.compile(r"/projects/\d+/tasks/new/$"))
    axe.check(page, "task form")
    page.get_by_label(field("Title")).fill("Photo shoot for the spice rack")
    page.get_by_label(field("Section")).select_option(label="To do")
    page.get_by_label(field("Due"), exact=True).fill(due.isoformat())
    page.get_by_role("button", name="Create task").click()
    page.wait_for_url(re.compile(r"/tasks/\d+/$"))
    expect(page.get_by_role("heading", name="Photo shoot for the spice rack")).to_be_visible()
    expect(page.locator(f'time[datetime="{due.isoformat()}"]')).to_be_visible()
    axe.check(page, "task page")
    full_task = Task.objects.get(project=project, title="Photo shoot for the spice rack")
    assert full_task.due_date == due and full_task.section.name == "To do"

    # 4. The board: drag the full-form task from "To do" to "Done", the Done column, which
    # completes it.
    page.goto(reverse("project_board", kwargs={"ws": SLUG, "project_id": project.pk}))
    axe.check(page, "board")
    card = page.locator(f"#card-{full_task.pk}")
    expect(_column(page, "Done")).to_be_in_viewport(ratio=1)
    expect(_column(page, "To do").locator(f"#card-{full_task.pk}")).to_have_count(1)
    with page.expect_response(lambda r: r.url.endswith(f"/tasks/{full_task.pk}/move/")) as moved:
        card.drag_to(_column(page, "Done"))
    assert moved.value.ok, moved.value.status
    expect(_column(page, "Done").locator(f"#card-{full_task.pk}")).to_have_count(1)
    expect(card).to_have_class(re.compile(r"\bis-done\b"))
    page.reload()
    expect(_column(page, "Done").locator(f"#card-{full_task.pk}")).to_have_count(1)
    full_task.refresh_from_db()
    assert full_task.section.name == "Done", full_task.section
    assert full_task.status == "done", full_task.status

    # 5. The keyboard way: focus the quick-added card, M, → , Enter.
    start = quick_task.section.name if quick_task.section else "No section"
    target = "In progress" if start == "To do" else "To do"
    card = _column(page, start).locator(f"#card-{quick_task.pk}")
    card.focus()
    page.keyboard.press("m")
    page.keyboard.press("ArrowRight")
    expect(_column(page, target).locator(f"#card-{quick_task.pk}")).to_have_count(1)
    with page.expect_response(lambda r: r.url.endswith(f"/tasks/{quick_task.pk}/move/")) as moved:
        page.keyboard.press("Enter")
    assert moved.value.ok, moved.value.status
    expect(page.locator("[data-board-status]")).to_contain_text(f"AMZ-1 is now in {target}")
    page.reload()
    expect(_column(page, target).locator(f"#card-{quick_task.pk}")).to_have_count(1)
    quick_task.refresh_from_db()
    assert quick_task.section is not None and quick_task.section.name == target
    axe.check(page, again=True, label="board (after the moves)")
    axe.assert_clean()


def test_weekly_monday_wednesday_series_brings_wednesday_when_monday_is_done(new_context, base_url):
    from keel.tasks.models import Recurrence, Status, Task

    axe = AxeTrail()
    owner, _member = _team()
    project = _project(owner)
    page = _page_for(new_context, base_url, owner)
    today = workspace_today(owner.workspace)
    monday = today + datetime.timedelta(days=7 - today.weekday())  # next week's Monday
    wednesday = monday + datetime.timedelta(days=2)

    # 1. The recurring page: weekly on Monday and Wednesday, from next Monday.
    page.goto(reverse("project_recurrences", kwargs={"ws": SLUG, "project_id": project.pk}))
    expect(page.get_by_role("heading", name="New recurring task")).to_be_visible()
    axe.check(page, "recurring (empty)")
    page.get_by_label(field("Title")).fill("Listing review")
    page.get_by_role("radio", name="Every week on the days chosen below").check()
    page.get_by_role("checkbox", name="Monday").check()
    page.get_by_role("checkbox", name="Wednesday").check()
    page.get_by_label(field("First date")).fill(monday.isoformat())
    page.get_by_label(field("Assignee")).select_option(label=OWNER_NAME)
    page.get_by_role("button", name="Create recurring task").click()
    page.wait_for_url(re.compile(r"/recurring/$"))
    expect(page.get_by_text("“Listing review” was created")).to_be_visible()
    row = page.get_by_role("row").filter(has_text="Listing review")
    expect(row.locator(f'time[datetime="{monday.isoformat()}"]')).to_be_visible()
    axe.check(page, again=True, label="recurring (one series)")
    series = Recurrence.objects.get(project=project)
    assert "BYDAY=MO,WE" in series.rrule and "FREQ=WEEKLY" in series.rrule, series.rrule
    first = Task.objects.get(recurrence=series)
    assert first.occurrence_date == monday and first.due_date == monday

    # 2. My tasks: tick Monday's occurrence done.
    page.goto(reverse("tasks_mine", kwargs={"ws": SLUG}))
    axe.check(page, "my tasks")
    ref = f"AMZ-{first.number}"
    with page.expect_response(lambda r: r.url.endswith(f"/tasks/{first.pk}/status/")) as done:
        # click, not check(): the row is re-rendered by the response, and check() would wait
        # on the replaced checkbox (flaky under load); the response and the database decide.
        page.get_by_role("checkbox", name=f"Mark {ref} done").click()
    assert done.value.ok, done.value.status
    first.refresh_from_db()
    assert first.status == Status.DONE

    # 3. The next occurrence is there, due on Wednesday (page and database).
    nxt = Task.objects.exclude(pk=first.pk).get(recurrence=series)
    assert nxt.occurrence_date == wednesday and nxt.due_date == wednesday, nxt.due_date
    assert nxt.status != Status.DONE and nxt.assignee_id == owner.pk
    page.reload()
    next_row = page.locator(f"#my-{nxt.pk}")
    expect(next_row).to_contain_text("Listing review")
    expect(next_row.locator(f'time[datetime="{wednesday.isoformat()}"]')).to_be_visible()
    page.goto(reverse("task_detail", kwargs={"ws": SLUG, "task_id": nxt.pk}))
    expect(page.locator(f'.task-meta time[datetime="{wednesday.isoformat()}"]')).to_be_visible()
    axe.check(page, "task page (occurrence)")
    axe.assert_clean()


def test_mentioned_member_sees_the_notification_with_the_task_link(new_context, base_url):
    from keel.notifications.models import Notification
    from keel.tasks import services

    axe = AxeTrail()
    owner, member = _team()
    project = _project(owner)
    task = services.task_create(actor=owner, project=project, title="Fix the size chart")
    task_url = reverse("task_detail", kwargs={"ws": SLUG, "task_id": task.pk})

    # 1. Mike, in his own browser, has nothing unread yet.
    mike = _page_for(new_context, base_url, member)
    mike.goto(f"/{SLUG}/")
    expect(mike.locator("#unread-count .badge")).to_have_count(0)

    # 2. Olivia mentions him in a comment, by the local part of his email.
    page = _page_for(new_context, base_url, owner)
    page.goto(task_url)
    page.get_by_label(field("Comment")).fill("@mike can you check the measurements?")
    page.get_by_role("button", name="Comment", exact=True).click()
    activity = page.locator("#activity")
    expect(activity.locator(".history-comment")).to_contain_text("can you check the measurements")
    axe.check(page, "task page (with a comment)")
    note = Notification.objects.get(recipient=member, kind="task.mentioned")
    assert note.url.endswith(task_url), note.url

    # 3. Mike sees the badge, opens his notifications and follows the link to the task.
    mike.reload()
    expect(mike.locator("#unread-count .badge")).to_have_text("1")
    mike.get_by_role("link", name=re.compile(r"^Notifications")).click()
    mike.wait_for_url(f"**/{SLUG}/notifications/**")
    link = mike.get_by_role("link", name=re.compile(rf"{OWNER_NAME} mentioned you on .*AMZ-1"))
    expect(link).to_be_visible()
    expect(mike.locator(".notification.is-unread")).to_contain_text("can you check")
    axe.check(mike, "notifications (a mention)")
    link.click()
    mike.wait_for_url(f"**{task_url}")
    expect(mike.get_by_role("heading", name="Fix the size chart")).to_be_visible()
    axe.assert_clean()


def test_manager_imports_the_sample_asana_csv_into_a_new_project(new_context, base_url):
    from keel.tasks.models import Project, Task

    axe = AxeTrail()
    owner, _member = _team()
    page = _page_for(new_context, base_url, owner)

    # 1. Upload into a new project; the preview lists every row and maps everyone.
    page.goto(reverse("tasks_import_new", kwargs={"ws": SLUG}))
    expect(page.get_by_role("heading", name="Import a project from Asana")).to_be_visible()
    axe.check(page, "import upload")
    page.get_by_label(field("Project name")).fill("Amazon listings")
    page.get_by_label(field("Key")).fill("AMZ")
    page.get_by_label(field("Asana CSV export")).set_input_files(str(ASANA_SAMPLE))
    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_role("heading", name="Import preview")).to_be_visible()
    expect(page.get_by_text("Into a new project: Amazon listings (AMZ)")).to_be_visible()
    expect(page.get_by_text("asana_sample.csv: 25 tasks")).to_be_visible()
    expect(page.locator("#import-errors")).to_have_count(0)
    expect(page.locator("#unknown-emails")).to_have_count(0)
    rows = page.get_by_role("table").locator("tbody tr")
    expect(rows).to_have_count(25)
    axe.check(page, "import preview")
    assert not Project.objects.filter(workspace=owner.workspace).exists()  # nothing written yet

    # 2. Confirm: 25 tasks in the new project, listed.
    page.get_by_role("button", name="Import 25 tasks").click()
    page.wait_for_url(re.compile(r"/projects/\d+/$"))
    expect(page.get_by_text("Imported 25 tasks into Amazon listings.")).to_be_visible()
    project = Project.objects.get(workspace=owner.workspace, key="AMZ")
    assert Task.objects.filter(project=project).count() == 25
    expect(
        page.get_by_role("link", name="Rewrite bullet points for the bamboo cutting board")
    ).to_be_visible()
    listed = page.locator("#results table tbody tr:not(.group-row)")
    shown = listed.count()
    assert shown > 0
    axe.check(page, "project list (imported)")
    axe.assert_clean()


def test_e_opens_the_task_details_form_and_saving_changes_the_task(new_context, base_url):
    from keel.tasks import services
    from keel.tasks.models import Task

    axe = AxeTrail()
    owner, member = _team()
    project = _project(owner)
    task = services.task_create(actor=owner, project=project, title="Update the A+ content")
    page = _page_for(new_context, base_url, owner)
    page.goto(reverse("task_detail", kwargs={"ws": SLUG, "task_id": task.pk}))
    expect(page.locator("#edit-details")).to_have_count(0)  # built only when asked for

    page.locator("body").press("e")
    page.wait_for_url("**?edit=details*")
    form = page.locator("#edit-details")
    expect(form).to_be_visible()
    axe.check(page, "task page (editing details)")
    form.get_by_label(field("Title")).fill("Update the A+ content for Q1")
    form.get_by_label(field("Assignee")).select_option(label=MEMBER_NAME)
    form.get_by_role("button", name="Save", exact=True).click()

    expect(page.get_by_role("heading", name="Update the A+ content for Q1")).to_be_visible()
    expect(page.locator("#edit-details")).to_have_count(0)
    task = Task.objects.get(pk=task.pk)
    assert task.title == "Update the A+ content for Q1" and task.assignee_id == member.pk
    axe.assert_clean()
