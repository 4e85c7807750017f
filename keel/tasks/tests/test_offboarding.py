# mypy: disable-error-code="attr-defined,operator,misc"
"""Offboarding hands over the person's tasks, series and seats (shown before, reported after);
the reassign page still moves anyone's tasks in one step."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from keel.accounts import selectors as account_selectors
from keel.accounts import services as account_services
from keel.accounts.offboarding import MoveKind
from keel.org.models import Seat
from keel.org.ownership import seat_ownership
from keel.tasks.models import Status, Task
from keel.tasks.tests.factories import TaskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop(workspace, owner, manager, member, project):
    """Mike holds "Logistics coordinator" under Maya's "Operations lead"; the seat carries a
    weekly recurring series (with its open occurrence), Mike has tasks and a series of his own.
    """
    from datetime import date

    from keel.tasks.services.recurrence import recurrence_create

    lead = Seat.objects.create(workspace=workspace, title="Operations lead", holder=manager,
                               status="filled")  # fmt: skip
    seat = Seat.objects.create(workspace=workspace, title="Logistics coordinator",
                               holder=member, reports_to=lead, status="filled")  # fmt: skip
    for person in (manager, member):
        project.memberships.get_or_create(workspace=workspace, membership=person)
    seat_series = recurrence_create(
        actor=owner, project=project, title="Weekly carrier invoices", preset="weekly",
        weekdays=["MO"], dtstart_local=date(2026, 12, 7), assignee_seat=seat, now=None,
    )  # fmt: skip
    own_series = recurrence_create(
        actor=owner, project=project, title="Check FBA stock", preset="weekly",
        weekdays=["MO"], dtstart_local=date(2026, 12, 7), assignee=member,
    )  # fmt: skip
    email = TaskFactory(project=project, assignee=member, title="Supplier email")
    TaskFactory(project=project, assignee=member, status=Status.DONE, title="Old one")
    return {"lead": lead, "seat": seat, "seat_series": seat_series, "own_series": own_series,
            "email": email}  # fmt: skip


def test_plan_lists_every_piece_of_work_with_counts_and_the_seat_above(owner, manager, member,
                                                                         shop):  # fmt: skip
    plan = account_selectors.offboarding_plan(actor=owner, membership=member)
    assert plan.successor == manager  # the seat above's holder, not the person offboarding
    tasks = plan.section("tasks.open_work")
    own_occurrence = Task.objects.get(recurrence=shop["own_series"])
    assert {i.label for i in tasks.items} == {
        "AMZ-" + str(shop["email"].number) + " Supplier email",
        f"AMZ-{own_occurrence.number} Check FBA stock",
    }
    assert tasks.default == manager
    assert [i.label for i in plan.section("tasks.series").items] == ["Check FBA stock"]
    seats = plan.section("org.seats")
    [seat_item] = seats.items
    assert seat_item.label == "Logistics coordinator"
    # What the seat carries, counted, and who does it if the seat is left empty.
    assert "Open tasks: 1" in seat_item.detail and "Recurring tasks: 1" in seat_item.detail
    assert "Maya" in seat_item.detail
    assert seats.default is None


def test_confirm_page_shows_names_counts_and_receivers(login, owner, member, shop):
    html = login(owner).get(f"/acme/members/{member.pk}/offboard/").content.decode()
    for text in ("Supplier email", "Check FBA stock", "Logistics coordinator",
                 "Open tasks: 1", "Recurring tasks: 1", "Maya"):  # fmt: skip
        assert text in html
    assert f'name="to__tasks.open_work__{shop["email"].pk}"' in html


def test_defaults_hand_everything_to_the_seat_above(owner, manager, member, shop):
    summary = account_services.membership_offboard(actor=owner, membership=member)
    shop["email"].refresh_from_db()
    shop["own_series"].refresh_from_db()
    assert shop["email"].assignee == manager
    assert shop["own_series"].assignee == manager
    seat = Seat.objects.get(pk=shop["seat"].pk)
    assert seat.holder is None
    steps = dict(summary.steps)
    assert steps["tasks.open_work"].count == 2  # not "0 open tasks"
    seat_moves = steps["org.seats"].moves
    assert [m.kind for m in seat_moves] == [MoveKind.SEAT_EMPTY]
    assert seat_moves[0].to == "Maya" and "Recurring tasks: 1" in seat_moves[0].item


def test_owner_picks_a_receiver_per_item(owner, admin, manager, member, project, shop):
    project.memberships.get_or_create(workspace=project.workspace, membership=admin)
    email = shop["email"]
    account_services.membership_offboard(
        actor=owner, membership=member,
        handover={"tasks.open_work": {str(email.pk): None},
                  "tasks.series": {str(shop["own_series"].pk): admin.pk},
                  "org.seats": {str(shop["seat"].pk): admin.pk}},
    )  # fmt: skip
    email.refresh_from_db()
    shop["own_series"].refresh_from_db()
    assert email.assignee is None
    assert shop["own_series"].assignee == admin
    assert Seat.objects.get(pk=shop["seat"].pk).holder == admin


@pytest.mark.parametrize("choice", ["outsider", "leaver", "empty_series"])
def test_bad_receiver_changes_nothing(owner, member, outsider, shop, choice):
    handover = {
        "outsider": {"tasks.open_work": {str(shop["email"].pk): outsider.pk}},
        "leaver": {"org.seats": {str(shop["seat"].pk): member.pk}},
        "empty_series": {"tasks.series": {str(shop["own_series"].pk): None}},
    }[choice]
    with pytest.raises(ValidationError):
        account_services.membership_offboard(actor=owner, membership=member, handover=handover)
    member.refresh_from_db()
    shop["email"].refresh_from_db()
    assert member.is_active and shop["email"].assignee == member
    assert Seat.objects.get(pk=shop["seat"].pk).holder == member


def test_report_says_what_moved_to_whom_by_name(login, owner, manager, member, shop):
    client = login(owner)
    response = client.post(f"/acme/members/{member.pk}/offboard/", {
        f"to__tasks.open_work__{shop['email'].pk}": str(manager.pk),
    })  # fmt: skip
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    html = page[page.index("<main") :]  # the shell shows the signed-in person's own email
    assert "Given to Maya" in html
    assert "Left empty: Maya does its work until it is filled" in html
    assert "Supplier email" in html and "Check FBA stock" in html
    assert "Done by Olivia" in html
    assert "maya@acme.example" not in html and "olivia@acme.example" not in html


def test_offboarding_plan_and_handover_through_the_api(api_for, owner, admin, member, shop):
    api = api_for(owner)
    plan = api.get(f"/workspaces/acme/members/{member.pk}/offboarding-plan").json()
    sections = {s["key"]: s for s in plan["sections"]}
    assert sections["org.seats"]["receiver"] == "holder"
    assert sections["org.seats"]["items"][0]["label"] == "Logistics coordinator"
    body = api.post(
        f"/workspaces/acme/members/{member.pk}/offboard",
        {"handover": {"org.seats": {str(shop["seat"].pk): admin.pk}}},
    ).json()
    seats = next(s for s in body["steps"] if s["key"] == "org.seats")
    assert seats["moves"][0]["kind"] == "seat_filled" and seats["moves"][0]["to"] == "Adam"


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
