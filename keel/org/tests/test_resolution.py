"""seat → holder → seat above → owner: the one resolution function, single and in bulk."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from keel.core.models import Membership, Role
from keel.core.tests.factories import MembershipFactory
from keel.org.models import Seat
from keel.org.resolution import seat_assignee, seat_assignees

pytestmark = pytest.mark.django_db


def test_held_seat_resolves_to_its_holder(owner, member, make_seat):
    boss = make_seat("CEO", holder=owner)
    seat = make_seat("Buyer", holder=member, reports_to=boss)
    assert seat_assignee(seat) == member


def test_vacant_seat_resolves_to_the_managers_holder(owner, manager, make_seat):
    ceo = make_seat("CEO", holder=owner)
    head = make_seat("Head of purchasing", holder=manager, reports_to=ceo)
    seat = make_seat("Buyer", reports_to=head, placeholder_name="To hire")
    assert seat_assignee(seat) == manager


def test_chain_of_vacancies_goes_up_to_the_first_held_seat(owner, manager, make_seat):
    ceo = make_seat("CEO", holder=manager)
    a = make_seat("A", reports_to=ceo)
    b = make_seat("B", reports_to=a, status="planned", planned_for="2099-01-01")
    c = make_seat("C", reports_to=b)
    assert seat_assignee(c) == manager


def test_no_holder_anywhere_resolves_to_the_first_active_owner(workspace, owner, make_seat):
    later_owner: Any = MembershipFactory(workspace=workspace, role=Role.OWNER)
    Membership.objects.filter(pk=later_owner.pk).update(
        created_at=owner.created_at + datetime.timedelta(days=1)
    )
    top = make_seat("CEO")
    seat = make_seat("Buyer", reports_to=top)
    assert seat_assignee(seat) == owner


def test_offboarded_first_owner_is_skipped(workspace, owner, make_seat):
    second = MembershipFactory(workspace=workspace, role=Role.OWNER)
    Membership.objects.filter(pk=owner.pk).update(offboarded_at=timezone.now())
    assert seat_assignee(make_seat("Lonely")) == second


def test_offboarded_holder_counts_as_vacant(owner, member, manager, make_seat):
    boss = make_seat("Boss", holder=manager)
    seat = make_seat("Buyer", holder=member, reports_to=boss)
    # Offboarded without the hook (e.g. a direct update): the seat still names them.
    Membership.objects.filter(pk=member.pk).update(offboarded_at=timezone.now())
    seat.refresh_from_db()
    assert seat_assignee(seat) == manager


def test_bad_data_with_a_loop_does_not_hang(owner, make_seat):
    a = make_seat("A")
    b = make_seat("B", reports_to=a)
    Seat.objects.filter(pk=a.pk).update(reports_to=b)  # bypasses the service's check
    assert seat_assignee(a) == owner


def test_bulk_matches_single_resolution(owner, manager, member, make_seat):
    ceo = make_seat("CEO", holder=owner)
    head = make_seat("Head", holder=manager, reports_to=ceo)
    seats = [
        ceo,
        head,
        make_seat("Open", reports_to=head),
        make_seat("Held", holder=member, reports_to=head),
        make_seat("Orphan"),
    ]
    bulk = seat_assignees(seats)
    assert bulk == {seat.pk: seat_assignee(seat) for seat in seats}
    assert bulk[seats[2].pk] == manager and bulk[seats[4].pk] == owner


def _tree(make_seat, owner, workspace, size: int) -> list[Seat]:
    seats = [make_seat("Root", holder=owner)]
    for i in range(1, size):
        holder = MembershipFactory(workspace=workspace) if i % 3 == 0 else None
        seats.append(make_seat(f"S{i}", holder=holder, reports_to=seats[(i - 1) // 2]))
    return seats


def _queries(seats: list[Seat]) -> int:
    with CaptureQueriesContext(connection) as ctx:
        result = seat_assignees(seats)
    assert len(result) == len(seats)
    return len(ctx.captured_queries)


def test_bulk_resolution_uses_a_constant_number_of_queries(owner, workspace, make_seat):
    small = _tree(make_seat, owner, workspace, 4)
    small_count = _queries(small)
    large = small + _tree(make_seat, owner, workspace, 60)
    assert _queries(large) == small_count <= 3


def test_bulk_fallback_costs_one_query_more_at_most(owner, make_seat):
    seats = [make_seat(f"Empty {i}") for i in range(10)]
    assert _queries(seats) == 2  # the tree, then the owner: no seat is held, no holders to read
    assert set(seat_assignees(seats).values()) == {owner}


def test_bulk_refuses_seats_of_two_workspaces(owner, outsider, make_seat):
    mine = make_seat("Mine")
    theirs = Seat.objects.create(workspace=outsider.workspace, title="Theirs")
    with pytest.raises(ValueError, match="one workspace"):
        seat_assignees([mine, theirs])


def test_empty_list_costs_nothing(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert seat_assignees([]) == {}
