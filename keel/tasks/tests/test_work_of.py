"""Whose work is this (`selectors.work_of`): the workload count, the list its cell links to,
the API's and the CSV export's assignee filter and My tasks show the same tasks — a
person's own and those of the seats that resolve to them now."""

from __future__ import annotations

import csv
import datetime
import io
from typing import Any

import pytest
from django.urls import reverse

from keel.org.models import SeatStatus
from keel.org.tests.factories import SeatFactory
from keel.tasks import selectors
from keel.tasks.models import Status
from keel.tasks.selectors.pages import today_for
from keel.tasks.tests import factories

pytestmark = pytest.mark.django_db

TaskFactory: Any = factories.TaskFactory


@pytest.fixture
def work(workspace, project, manager, member):
    """The manager holds "Purchasing lead"; "Purchasing assistant" (empty) reports to it.

    This week: 4 of the manager's own tasks, 3 on the lead seat, 2 on the empty seat below
    (its work goes up to the lead's holder): 9 for the manager. Noise: a done seat task, the
    member's own task, and a seat task due in a later month.
    """
    lead = SeatFactory(
        workspace=workspace, title="Purchasing lead", holder=manager, status=SeatStatus.FILLED
    )
    helper = SeatFactory(workspace=workspace, title="Purchasing assistant", reports_to=lead)
    today = today_for(manager)
    monday = today - datetime.timedelta(days=today.weekday())
    for i in range(4):
        TaskFactory(project=project, assignee=manager, due_date=monday + datetime.timedelta(i))
    for i in range(3):
        TaskFactory(project=project, assignee_seat=lead, due_date=monday + datetime.timedelta(i))
    for _ in range(2):
        TaskFactory(project=project, assignee_seat=helper, due_date=monday)
    TaskFactory(project=project, assignee_seat=lead, due_date=monday, status=Status.DONE)
    TaskFactory(project=project, assignee=member, due_date=monday)
    TaskFactory(project=project, assignee_seat=helper, due_date=monday + datetime.timedelta(60))
    return {"lead": lead, "helper": helper, "monday": monday}


def test_workload_count_is_the_drill_down_api_export_and_my_tasks(
    login, api_for, workspace, project, owner, manager, work
):
    client = login(owner)
    page = client.get(reverse("tasks_workload", kwargs={"ws": workspace.slug}))
    row = next(r for r in page.context["data"].rows if r.membership == manager)
    cell = row.cells[0]
    assert cell["count"] == 9

    listing = client.get(cell["url"])
    assert len(listing.context["rows"]) == 9

    api = api_for(owner).get(
        "/workspaces/acme/tasks",
        {"assignee": manager.pk, "status": "open", "due_from": work["monday"].isoformat(),
         "due_to": (work["monday"] + datetime.timedelta(days=6)).isoformat()},
    )  # fmt: skip
    assert api.status_code == 200 and len(api.json()["items"]) == 9

    export = client.get(
        reverse("tasks_export", kwargs={"ws": workspace.slug, "project_id": project.pk}),
        {"assignee": f"m:{manager.pk}", "status": "open",
         "due_to": (work["monday"] + datetime.timedelta(days=6)).isoformat()},
    )  # fmt: skip
    lines = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert len(lines) - 1 == 9

    mine = selectors.my_tasks(membership=manager, today=today_for(manager))
    assert sum(mine.counts.values()) == 10  # the 9 plus the empty seat's task due later


def test_empty_seats_work_goes_to_the_holder_of_the_seat_above(
    workspace, project, manager, member, work
):
    load = selectors.workload(workspace=workspace, start_week=work["monday"], weeks=1)
    by_person = {row.membership.pk: row.counts[0] for row in load.rows}
    assert by_person[manager.pk] == 9 and by_person[member.pk] == 1

    # The member fills the empty seat: its work is theirs now, on every page at once.
    work["helper"].holder = member
    work["helper"].status = SeatStatus.FILLED
    work["helper"].save(update_fields=["holder", "status"])
    load = selectors.workload(workspace=workspace, start_week=work["monday"], weeks=1)
    by_person = {row.membership.pk: row.counts[0] for row in load.rows}
    assert by_person[manager.pk] == 7 and by_person[member.pk] == 3
    filters = selectors.TaskFilters(assignee=member.pk, status="open")
    page = selectors.tasks_for_list(membership=manager, project=None, filters=filters)
    assert len(page.items) == 4  # 3 this week + the one due later


def test_assignee_filter_resolves_seats_once_per_filters(
    workspace, project, manager, work, django_assert_max_num_queries
):
    filters = selectors.TaskFilters(assignee=manager, status="open")
    selectors.tasks_for_list(membership=manager, project=project, filters=filters, limit=2)
    # The CSV export pages with the same filters: the seats are not resolved again.
    with django_assert_max_num_queries(3):
        page = selectors.tasks_for_list(
            membership=manager, project=project, filters=filters, limit=2, brief=True
        )
    assert len(page.items) == 2
