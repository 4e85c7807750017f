# mypy: disable-error-code="attr-defined,operator,misc"
"""Selectors: visibility, keyset pages, board, My tasks (incl. seats), calendar, workload —
each with a query count that does not grow with the data."""

from __future__ import annotations

import datetime

import pytest
from django.http import Http404

from keel.core.tests.factories import MembershipFactory
from keel.org.models import Seat, SeatStatus
from keel.tasks import selectors
from keel.tasks.models import Status
from keel.tasks.tests.factories import LabelFactory, TaskFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 3, 10)


def _fill(project, n, **fields):
    label = LabelFactory(workspace=project.workspace, name="listing")
    sections = list(project.sections.all())
    for i in range(n):
        TaskFactory(
            project=project,
            section=sections[i % len(sections)],
            labels=[label],
            due_date=TODAY + datetime.timedelta(days=(i % 20) - 5) if i % 3 else None,
            **fields,
        )


def test_keyset_pages_visit_every_task_once_in_each_sort(member, project):
    _fill(project, 23)
    for sort in ("number", "-number", "due_date", "-due_date", "priority", "updated", "position"):
        seen, cursor = [], None
        while True:
            page = selectors.tasks_for_list(
                membership=member, project=project, sort=sort, cursor=cursor, limit=5
            )
            seen += [t.pk for t in page.items]
            cursor = page.next_cursor
            if not cursor:
                break
        assert len(seen) == len(set(seen)) == 23, sort
    page = selectors.tasks_for_list(membership=member, project=project, sort="due_date", limit=50)
    dues = [t.due_date for t in page.items]
    assert dues[-1] is None and dues[0] is not None


def test_filters(member, project):
    _fill(project, 9)
    TaskFactory(
        project=project, title="Supplier email to Ningbo", assignee=member, status=Status.BLOCKED
    )
    f = selectors.TaskFilters(text="ningbo")
    assert [
        t.title
        for t in selectors.tasks_for_list(membership=member, project=project, filters=f).items
    ] == ["Supplier email to Ningbo"]
    f = selectors.TaskFilters(assignee=member.pk, status=["blocked"])
    assert len(selectors.tasks_for_list(membership=member, project=project, filters=f).items) == 1
    f = selectors.TaskFilters(label="listing")
    assert len(selectors.tasks_for_list(membership=member, project=project, filters=f).items) == 9
    f = selectors.TaskFilters(q="AMZ-3")
    assert [
        t.number
        for t in selectors.tasks_for_list(membership=member, project=project, filters=f).items
    ] == [3]


@pytest.mark.parametrize("n", [10, 200])
def test_list_and_board_queries_do_not_grow(member, project, n, django_assert_max_num_queries):
    _fill(project, n)
    with django_assert_max_num_queries(4):
        page = selectors.tasks_for_list(membership=member, project=project, limit=50)
        for task in page.items:
            list(task.labels.all())
            selectors.task_assignee(task)
            str(task.section)
    with django_assert_max_num_queries(5):
        columns = selectors.board_columns(membership=member, project=project, per_column=20)
        for column in columns:
            for task in column.tasks:
                assert isinstance(task.label_chips, list)  # no query per card
    assert sum(c.count for c in columns) == n
    assert all(len(c.tasks) <= 20 for c in columns)


def test_board_orders_by_position_and_has_a_no_section_column(member, project):
    TaskFactory(project=project, section=None)
    first = project.sections.first()
    b = TaskFactory(project=project, section=first, position=2)
    a = TaskFactory(project=project, section=first, position=1)
    columns = selectors.board_columns(membership=member, project=project)
    assert columns[0].section is None and columns[0].count == 1
    assert [t.pk for t in columns[1].tasks] == [a.pk, b.pk]


@pytest.mark.parametrize("n", [10, 200])
def test_my_tasks_buckets_include_seat_work(
    workspace, member, project, n, django_assert_max_num_queries
):
    boss = Seat.objects.create(
        workspace=workspace, title="Purchasing lead", holder=member, status=SeatStatus.FILLED
    )
    vacant = Seat.objects.create(workspace=workspace, title="Buyer", reports_to=boss)
    _fill(project, n, assignee=member)
    TaskFactory(project=project, assignee_seat=vacant, due_date=TODAY, title="Seat work")
    TaskFactory(project=project, assignee=member, due_date=TODAY, status=Status.DONE)
    with django_assert_max_num_queries(12):
        mine = selectors.my_tasks(membership=member, today=TODAY)
        for _name, rows in mine.buckets:
            for task in rows:
                assert isinstance(task.label_chips, list)
                selectors.task_assignee(task)
    assert "Seat work" in [t.title for t in mine.today]
    assert all(t.due_date and t.due_date < TODAY for t in mine.overdue)
    assert sum(mine.counts.values()) == n + 1


def test_calendar_and_workload(workspace, member, manager, project, django_assert_max_num_queries):
    _fill(project, 30, assignee=member)
    seat = Seat.objects.create(
        workspace=workspace, title="Listing assistant", holder=manager, status=SeatStatus.FILLED
    )
    TaskFactory(project=project, assignee_seat=seat, due_date=TODAY)
    with django_assert_max_num_queries(6):
        month = selectors.calendar_tasks(membership=member, project=project, month=TODAY)
    assert month and all(t.due_date.month in (2, 3, 4) for t in month)
    mine = selectors.calendar_tasks(membership=member, month=TODAY)
    assert {t.assignee_id for t in mine} == {member.pk}
    with django_assert_max_num_queries(6):
        load = selectors.workload(workspace=workspace, start_week=TODAY, weeks=3)
    assert load.weeks[0] == datetime.date(2026, 3, 9)
    by_person = {row.membership.pk: row for row in load.rows}
    assert by_person[manager.pk].counts[0] == 1
    assert by_person[member.pk].total > 0


def test_get_for_is_404_for_other_workspaces_and_hidden_projects(
    member, assistant, project, outsider
):
    task = TaskFactory(project=project)
    with pytest.raises(Http404):
        selectors.get_task_for(outsider, task.pk)
    with pytest.raises(Http404):
        selectors.get_project_for(assistant, project.pk)
    assert selectors.get_task_for(member, task.pk) == task


def test_assistant_sees_only_projects_they_were_added_to(assistant, project, workspace):
    from keel.tasks.models import ProjectMember
    from keel.tasks.tests.factories import ProjectFactory

    ProjectFactory(workspace=workspace)
    assert not selectors.visible_projects(assistant).exists()
    ProjectMember.objects.create(workspace=workspace, project=project, membership=assistant)
    assert list(selectors.visible_projects(assistant)) == [project]
    other = MembershipFactory(workspace=workspace, role="guest")
    assert not selectors.visible_projects(other).exists()
