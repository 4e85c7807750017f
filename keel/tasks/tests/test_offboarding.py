# mypy: disable-error-code="attr-defined,operator,misc"
"""Offboarding lists the person's open tasks; the reassign page hands them over in one step."""

from __future__ import annotations

import pytest

from keel.accounts import services as account_services
from keel.org.models import Seat
from keel.org.ownership import seat_ownership
from keel.tasks.models import Status, Task
from keel.tasks.tests.factories import TaskFactory

pytestmark = pytest.mark.django_db


def test_offboarding_lists_open_tasks_with_the_reassign_link(owner, member, project):
    TaskFactory(project=project, assignee=member, title="Supplier email")
    TaskFactory(project=project, assignee=member, status=Status.DONE)
    summary = account_services.membership_offboard(actor=owner, membership=member)
    steps = dict(summary.steps)
    result = steps["tasks.open_work"]
    assert result.count == 1 and result.items == ["AMZ-1 Supplier email"]
    assert result.url == f"/acme/tasks/reassign/{member.pk}/"


def test_reassign_page_moves_all_tasks_to_a_person(login, owner, admin, member, project):
    tasks = [TaskFactory(project=project, assignee=member) for _ in range(3)]
    client = login(owner)
    url = f"/acme/tasks/reassign/{member.pk}/"
    page = client.get(url)
    assert page.status_code == 200 and b"AMZ-1" in page.content
    response = client.post(url, {"target": f"m:{admin.pk}"})
    assert response.status_code == 302
    assert Task.objects.filter(pk__in=[t.pk for t in tasks], assignee=admin).count() == 3


def test_reassign_selected_tasks_to_a_seat(login, owner, member, project, workspace):
    seat = Seat.objects.create(workspace=workspace, title="Listing assistant")
    keep, move = (
        TaskFactory(project=project, assignee=member),
        TaskFactory(project=project, assignee=member),
    )
    login(owner).post(
        f"/acme/tasks/reassign/{member.pk}/", {"target": f"s:{seat.pk}", "tasks": [move.pk]}
    )
    move.refresh_from_db()
    keep.refresh_from_db()
    assert move.assignee_seat == seat and move.assignee is None
    assert keep.assignee == member
    assert [i[0] for g in seat_ownership(seat) for i in g.items] == [str(move)]


def test_reassign_page_needs_offboarding_rights(login, manager, member, project):
    TaskFactory(project=project, assignee=member)
    assert login(manager).get(f"/acme/tasks/reassign/{member.pk}/").status_code == 403
