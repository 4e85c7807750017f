"""A member's shown title is their seat's: it cannot disagree with the org chart.

The free-text title (Membership.title) is shown only for someone who holds no seat. accounts
asks org through the registry in keel/accounts/titles.py, filled by org's wiring.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from keel.accounts.titles import display_title, prepare_titles
from keel.core.models import Membership
from keel.core.tests.factories import MembershipFactory
from keel.org import services
from keel.org.titles import seat_titles_held

pytestmark = pytest.mark.django_db


def _titled(membership: Membership, title: str) -> Membership:
    membership.title = title
    membership.save(update_fields=["title"])
    return Membership.objects.get(pk=membership.pk)


def test_org_registers_the_seat_titles_source():
    from keel.accounts import titles

    assert seat_titles_held in titles._SOURCES  # org's wiring.connect() calls titles.connect()


def test_title_is_the_seats_when_a_seat_is_held(owner, member, make_seat):
    member = _titled(member, "Logistics coordinator")
    make_seat("Purchasing lead", holder=member)
    assert display_title(Membership.objects.get(pk=member.pk)) == "Purchasing lead"


def test_free_text_title_only_without_a_seat(owner, member, make_seat):
    member = _titled(member, "Logistics coordinator")
    assert display_title(member) == "Logistics coordinator"
    seat = make_seat("Buyer", holder=member)
    services.seat_vacate(actor=owner, seat=seat)
    assert display_title(Membership.objects.get(pk=member.pk)) == "Logistics coordinator"


def test_several_seats_are_all_named_in_chart_order(owner, make_seat):
    owner = _titled(owner, "Founder")
    make_seat("CEO", holder=owner, position=0)
    make_seat("Head of sales", holder=owner, position=1)
    assert display_title(Membership.objects.get(pk=owner.pk)) == "CEO · Head of sales"


def test_a_list_costs_one_query(workspace, make_seat, django_assert_num_queries):
    people: list[Any] = [MembershipFactory(workspace=workspace) for _ in range(5)]
    for i, person in enumerate(people[:3]):
        make_seat(f"Seat {i}", holder=person)
    fresh = list(Membership.objects.filter(pk__in=[p.pk for p in people]).order_by("pk"))
    with django_assert_num_queries(1):
        prepare_titles(fresh)
        titles = [display_title(m) for m in fresh]
    assert titles[:3] == ["Seat 0", "Seat 1", "Seat 2"]


def test_members_list_and_member_page_show_the_seat_title(
    login, owner, member, workspace, make_seat
):
    member = _titled(member, "Logistics coordinator")
    make_seat("Warehouse lead", holder=member)
    client = login(owner)
    listing = client.get(reverse("members", kwargs={"ws": workspace.slug})).content.decode()
    detail = client.get(
        reverse("member_detail", kwargs={"ws": workspace.slug, "pk": member.pk})
    ).content.decode()
    for html in (listing, detail):
        assert "Warehouse lead" in html
        assert "Logistics coordinator" not in html


def test_profile_shows_the_seat_title(login, member, workspace, make_seat):
    member = _titled(member, "Logistics coordinator")
    make_seat("Warehouse lead", holder=member)
    html = login(member).get(reverse("account_settings")).content.decode()
    assert "Your title in Acme Shop: Warehouse lead" in html
    assert "Logistics coordinator" not in html
