"""`manager_chain` and `people_below`: who stands above a person on the chart, and below.

Feedback's privacy rules (keel/feedback/access.py) rest on these two functions, so the odd
shapes of real charts are pinned here: nesting, vacancies, two seats, loops, leavers.
"""

from __future__ import annotations

import pytest
from django.utils import timezone

from keel.core.models import Membership, Role
from keel.core.tests.factories import MembershipFactory
from keel.org.models import Seat
from keel.org.resolution import manager_chain, people_below

pytestmark = pytest.mark.django_db


def _ids(chain: list[Membership]) -> list[int]:
    return [m.pk for m in chain]


def test_nested_seats_give_the_chain_nearest_first(owner, manager, member, make_seat):
    ceo = make_seat("CEO", holder=owner)
    head = make_seat("Head of purchasing", holder=manager, reports_to=ceo)
    make_seat("Buyer", holder=member, reports_to=head)
    assert _ids(manager_chain(member)) == [manager.pk, owner.pk]
    assert _ids(manager_chain(manager)) == [owner.pk]
    assert manager_chain(owner) == []
    assert people_below(owner) == {manager.pk, member.pk}
    assert people_below(manager) == {member.pk}
    assert people_below(member) == set()


def test_vacant_seat_in_the_middle_is_skipped(owner, member, make_seat):
    ceo = make_seat("CEO", holder=owner)
    head = make_seat("Head of purchasing", reports_to=ceo, placeholder_name="To hire")
    make_seat("Buyer", holder=member, reports_to=head)
    assert _ids(manager_chain(member)) == [owner.pk]
    assert people_below(owner) == {member.pk}


def test_someone_without_a_seat_has_an_empty_chain_and_nobody_below(owner, member, make_seat):
    make_seat("CEO", holder=owner)
    assert manager_chain(member) == []
    assert people_below(member) == set()


def test_person_in_two_seats_has_both_chains_once_each(
    workspace, owner, manager, member, make_seat
):
    ceo = make_seat("CEO", holder=owner)
    ops = make_seat("Head of operations", holder=manager, reports_to=ceo)
    sales = make_seat("Head of sales", holder=owner, reports_to=ceo)
    make_seat("Warehouse", holder=member, reports_to=ops)
    make_seat("Sales assistant", holder=member, reports_to=sales)
    chain = _ids(manager_chain(member))
    assert sorted(chain) == sorted([manager.pk, owner.pk])
    assert len(chain) == len(set(chain))  # the owner stands above twice, listed once
    assert people_below(manager) == {member.pk}
    assert people_below(owner) == {manager.pk, member.pk}


def test_holding_a_seat_above_yourself_does_not_put_you_in_your_own_chain(owner, member, make_seat):
    top = make_seat("Founder", holder=member)
    make_seat("Buyer", holder=member, reports_to=top)
    assert manager_chain(member) == []
    assert people_below(member) == set()


def test_a_loop_in_bad_data_does_not_hang(owner, manager, member, make_seat):
    a = make_seat("A", holder=manager)
    b = make_seat("B", holder=member, reports_to=a)
    # The services refuse a cycle; bad data written around them must still terminate.
    Seat.objects.filter(pk=a.pk).update(reports_to=b)
    assert _ids(manager_chain(member)) == [manager.pk]
    assert _ids(manager_chain(manager)) == [member.pk]
    assert people_below(manager) == {member.pk}
    assert people_below(member) == {manager.pk}


def test_offboarded_holder_is_skipped_in_the_chain(owner, manager, member, make_seat):
    ceo = make_seat("CEO", holder=owner)
    head = make_seat("Head of purchasing", holder=manager, reports_to=ceo)
    make_seat("Buyer", holder=member, reports_to=head)
    Membership.objects.filter(pk=manager.pk).update(offboarded_at=timezone.now())
    assert _ids(manager_chain(member)) == [owner.pk]


def test_another_workspaces_seats_never_count(workspace, other_workspace, owner, make_seat):
    from keel.org.tests.conftest import make_seat_in

    stranger = MembershipFactory(workspace=other_workspace, role=Role.OWNER)
    below = MembershipFactory(workspace=workspace, role=Role.MEMBER)
    make_seat_in(other_workspace, "Their CEO", holder=stranger)
    make_seat("Our buyer", holder=below)
    assert manager_chain(below) == []
    assert people_below(stranger) == set()


def test_chain_costs_a_fixed_number_of_queries(
    workspace, owner, member, make_seat, django_assert_max_num_queries
):
    top = make_seat("CEO", holder=owner)
    parent = top
    for index in range(12):
        person = MembershipFactory(workspace=workspace, role=Role.MANAGER)
        parent = make_seat(f"Level {index}", holder=person, reports_to=parent)
    make_seat("Buyer", holder=member, reports_to=parent)
    with django_assert_max_num_queries(3):
        chain = manager_chain(member)
    assert len(chain) == 13
    with django_assert_max_num_queries(1):
        assert len(people_below(owner)) == 13
