"""A seat's history lists people, never "Nobody" or a placeholder name as a holder.

A placeholder ("Alex — to hire") stands in for nobody: its periods are vacancies, shown as a
gap ("Vacant from … to …"), and back-to-back vacancies read as one gap.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from keel.org import services
from keel.org.models import SeatHolding
from keel.org.selectors import history_rows

pytestmark = pytest.mark.django_db

T0 = dt.datetime(2026, 1, 5, 9, tzinfo=dt.UTC)


def _history_html(client, workspace, seat) -> str:
    html = client.get(reverse("org_seat", kwargs={"ws": workspace.slug, "pk": seat.pk})).content
    text = html.decode()
    return text[text.index('id="history-title"') :]


def test_seat_history_shows_vacancies_as_gaps_not_holders(
    login, owner, member, workspace, make_seat
):
    seat = make_seat("Buyer", placeholder_name="Alex — to hire")
    services.seat_fill(actor=owner, seat=seat, membership=member)
    services.seat_vacate(actor=owner, seat=seat, placeholder_name="Next buyer")

    history = _history_html(login(owner), workspace, seat)

    assert "Nobody" not in history
    assert "Alex — to hire" not in history and "Next buyer" not in history
    assert "Vacant from" in history  # before Mike came
    assert "Vacant since" in history  # since he left
    assert "Mike" in history


def test_back_to_back_vacancies_read_as_one_gap(owner, workspace, make_seat):
    seat = make_seat("Buyer", placeholder_name="Alex — to hire")
    SeatHolding.objects.filter(seat=seat).update(started_at=T0, ended_at=T0 + dt.timedelta(days=10))
    SeatHolding.objects.create(
        workspace=workspace, seat=seat, placeholder_name="Sam — to hire",
        started_at=T0 + dt.timedelta(days=10), ended_at=T0 + dt.timedelta(days=20),
    )  # fmt: skip
    SeatHolding.objects.create(
        workspace=workspace, seat=seat, holder=owner, started_at=T0 + dt.timedelta(days=20)
    )
    holdings = list(SeatHolding.objects.filter(seat=seat).order_by("-started_at"))

    rows = history_rows(holdings)

    assert [(r.holder, r.started_at, r.ended_at) for r in rows] == [
        (owner, T0 + dt.timedelta(days=20), None),
        (None, T0, T0 + dt.timedelta(days=20)),
    ]
