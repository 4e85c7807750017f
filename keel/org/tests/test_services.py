"""Org services: departments, seats, fill/vacate, offboarding. Bad input and wrong roles
change nothing."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from keel.accounts.services import membership_offboard
from keel.core.models import AuditEvent, Membership
from keel.org import services
from keel.org.models import (
    Department,
    Responsibility,
    Seat,
    SeatHolding,
    SeatStatus,
    add_quarters,
    quarter_start,
    workspace_today,
)
from keel.org.resolution import seat_assignee
from keel.org.services import departments

pytestmark = pytest.mark.django_db


def snapshot(workspace) -> dict[str, Any]:
    """Everything the org services may write, to prove a refused call wrote nothing."""
    return {
        "departments": list(Department.objects.filter(workspace=workspace).values()),
        "seats": list(Seat.objects.filter(workspace=workspace).values()),
        "responsibilities": list(Responsibility.objects.filter(workspace=workspace).values()),
        "holdings": list(SeatHolding.objects.filter(workspace=workspace).values()),
        "audit": AuditEvent.objects.filter(workspace=workspace).count(),
    }


def seat_kwargs(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "title": "Purchasing lead",
        "department": None,
        "reports_to": None,
        "purpose": "",
        "responsibilities": [],
        "employment_type": "staff",
        "fte": Decimal("1"),
        "cost_per_month": None,
        "cost_currency": "CNY",
        "holder": None,
        "placeholder_name": "",
        "status": None,
        "planned_for": None,
    }
    return base | overrides


# --- Departments -----------------------------------------------------------------------------


def test_department_create_audits_and_picks_next_colour(owner, workspace):
    first = services.department_create(actor=owner, name=" Marketing ")
    second = services.department_create(actor=owner, name="Sales", parent=first)
    assert first.name == "Marketing" and first.colour == 1 and second.colour == 2
    assert second.parent == first
    assert AuditEvent.objects.filter(action="department.created", workspace=workspace).count() == 2


def test_department_duplicate_name_among_siblings_is_refused(owner, workspace, make_department):
    make_department("Marketing")
    before = snapshot(workspace)
    with pytest.raises(ValidationError) as exc:
        services.department_create(actor=owner, name="marketing")
    assert "name" in exc.value.error_dict
    assert snapshot(workspace) == before


@pytest.mark.parametrize("role", ["manager", "member", "assistant"])
def test_only_owners_and_admins_change_departments(request, role, workspace, make_department):
    actor = request.getfixturevalue(role)
    department = make_department("Sales")
    before = snapshot(workspace)
    for call in (
        lambda: services.department_create(actor=actor, name="X"),
        lambda: services.department_update(
            actor=actor, department=department, name="Y", parent=None, colour=2
        ),
        lambda: services.department_move(actor=actor, department=department, direction="up"),
        lambda: services.department_delete(actor=actor, department=department),
        lambda: services.department_template_apply(actor=actor),
    ):
        with pytest.raises(PermissionDenied):
            call()
    assert snapshot(workspace) == before


def test_admin_may_change_departments(admin):
    assert services.department_create(actor=admin, name="Finance").pk


def test_template_creates_seven_departments_once(owner, workspace):
    created = services.department_template_apply(actor=owner)
    assert [d.name for d in created] == [
        "Management", "Marketing", "Sales", "Purchasing", "Operations/Logistics",
        "Customer service", "Finance",
    ]  # fmt: skip
    assert [d.colour for d in created] == [1, 2, 3, 4, 5, 6, 7]
    assert services.department_template_apply(actor=owner) == []
    assert Department.objects.filter(workspace=workspace).count() == 7


def test_template_names_are_in_the_workspace_language(owner, workspace, monkeypatch):
    class LanguageName:
        """Stands in for a lazy translation: its text is the language active when read."""

        def __str__(self) -> str:
            return translation.get_language()

    monkeypatch.setattr(departments, "ECOMMERCE_DEPARTMENTS", [("x", LanguageName(), 1)])
    workspace.language = "zh-hans"
    workspace.save()
    with translation.override("en"):
        created = services.department_template_apply(actor=owner)
    assert [d.name for d in created] == ["zh-hans"]


def test_department_cannot_nest_under_its_own_child(owner, workspace, make_department):
    top = make_department("Operations")
    child = make_department("Warehouse", parent=top)
    grandchild = make_department("Returns", parent=child)
    before = snapshot(workspace)
    for parent in (top, grandchild):
        with pytest.raises(ValidationError) as exc:
            services.department_update(
                actor=owner, department=top, name="Operations", parent=parent, colour=1
            )
        assert "parent" in exc.value.error_dict
    assert snapshot(workspace) == before


def test_department_rename_and_reparent(owner, make_department):
    a, b = make_department("A"), make_department("B")
    services.department_update(actor=owner, department=b, name="Bee", parent=a, colour=3)
    b.refresh_from_db()
    assert (b.name, b.parent_id, b.colour) == ("Bee", a.pk, 3)


def test_department_move_up_and_down(owner, make_department):
    a, b, c = (make_department(n, position=i) for i, n in enumerate("ABC"))
    services.department_move(actor=owner, department=c, direction="up")
    order = list(Department.objects.order_by("position").values_list("name", flat=True))
    assert order == ["A", "C", "B"]
    services.department_move(actor=owner, department=a, direction="down")
    services.department_move(actor=owner, department=b, direction="down")  # already last
    order = list(Department.objects.order_by("position").values_list("name", flat=True))
    assert order == ["C", "A", "B"]


def test_department_with_seats_or_children_is_not_deleted(
    owner, workspace, make_department, make_seat
):
    full = make_department("Sales")
    make_seat("Sales rep", department=full)
    parent = make_department("Ops")
    make_department("Warehouse", parent=parent)
    before = snapshot(workspace)
    with pytest.raises(ValidationError, match="still has seats"):
        services.department_delete(actor=owner, department=full)
    with pytest.raises(ValidationError, match="still has sub-departments"):
        services.department_delete(actor=owner, department=parent)
    assert snapshot(workspace) == before
    empty = make_department("Empty")
    services.department_delete(actor=owner, department=empty)
    assert not Department.objects.filter(pk=empty.pk).exists()


# --- Seats: create and validation ------------------------------------------------------------


def test_seat_create_saves_responsibilities_history_and_audit(owner, member, workspace):
    dept = services.department_create(actor=owner, name="Purchasing")
    seat = services.seat_create(
        actor=owner,
        **seat_kwargs(
            department=dept, holder=member, responsibilities=["Orders", "  ", " Suppliers "],
            cost_per_month="12000", cost_currency="cny",
        ),
    )  # fmt: skip
    assert seat.status == SeatStatus.FILLED and seat.holder == member
    assert [r.text for r in seat.responsibilities.all()] == ["Orders", "Suppliers"]
    assert seat.cost_per_month == Decimal("12000") and seat.cost_currency == "CNY"
    holding = SeatHolding.objects.get(seat=seat)
    assert holding.holder == member and holding.ended_at is None
    assert AuditEvent.objects.filter(action="seat.created", target_id=str(seat.pk)).exists()


def test_planned_seat_is_stored_at_the_start_of_its_quarter(owner, workspace):
    today = workspace_today(workspace)
    target = add_quarters(today, 2) + datetime.timedelta(days=40)
    seat = services.seat_create(
        actor=owner,
        **seat_kwargs(status="planned", planned_for=target, placeholder_name="Alex — to hire"),
    )
    assert seat.planned_for == quarter_start(target)
    assert seat.display_holder == "Alex — to hire"


@pytest.fixture
def chain(make_seat, owner):
    """ceo ← head ← lead: three seats in a reporting line."""
    ceo = make_seat("CEO", holder=owner)
    head = make_seat("Head of ops", reports_to=ceo)
    lead = make_seat("Warehouse lead", reports_to=head)
    return ceo, head, lead


def _update(actor: Membership, seat: Seat, **overrides: Any) -> Seat:
    current = {
        "title": seat.title,
        "department": seat.department,
        "reports_to": seat.reports_to,
        "purpose": seat.purpose,
        "responsibilities": [r.text for r in seat.responsibilities.all()],
        "employment_type": seat.employment_type,
        "fte": seat.fte,
        "cost_per_month": seat.cost_per_month,
        "cost_currency": seat.cost_currency,
        "holder": seat.holder,
        "placeholder_name": seat.placeholder_name,
        "status": seat.status,
        "planned_for": seat.planned_for,
    }
    return services.seat_update(actor=actor, seat=seat, **(current | overrides))


def test_reporting_to_own_descendant_is_a_cycle(owner, workspace, chain):
    ceo, _head, lead = chain
    before = snapshot(workspace)
    with pytest.raises(ValidationError) as exc:
        _update(owner, ceo, reports_to=lead)
    assert list(exc.value.error_dict) == ["reports_to"]
    assert "circle" in exc.value.error_dict["reports_to"][0].messages[0]
    assert snapshot(workspace) == before


def test_reporting_to_itself_is_refused(owner, workspace, chain):
    _ceo, head, _lead = chain
    before = snapshot(workspace)
    with pytest.raises(ValidationError) as exc:
        _update(owner, head, reports_to=head)
    assert "itself" in exc.value.error_dict["reports_to"][0].messages[0]
    assert snapshot(workspace) == before


def test_moving_a_seat_under_another_branch_is_fine(owner, chain, make_seat):
    ceo, _head, lead = chain
    other = make_seat("Marketing lead", reports_to=ceo)
    _update(owner, lead, reports_to=other)
    lead.refresh_from_db()
    assert lead.reports_to == other


def _offboarded(workspace) -> Membership:
    from keel.core.tests.factories import MembershipFactory

    offboarded: Any = MembershipFactory(workspace=workspace, offboarded_at=timezone.now())
    return offboarded


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"title": "  "}, "title"),
        ({"status": "filled"}, "holder"),
        ({"holder": "member", "status": "open"}, "holder"),
        ({"holder": "member", "status": "planned", "planned_for": "future"}, "holder"),
        ({"holder": "outsider"}, "holder"),
        ({"holder": "offboarded"}, "holder"),
        ({"status": "planned"}, "planned_for"),
        ({"status": "planned", "planned_for": "past"}, "planned_for"),
        ({"fte": Decimal("0")}, "fte"),
        ({"fte": Decimal("1.5")}, "fte"),
        ({"cost_per_month": Decimal("-1")}, "cost_per_month"),
        ({"cost_per_month": "abc"}, "cost_per_month"),
        ({"cost_currency": "JPY"}, "cost_currency"),
        ({"employment_type": "boss"}, "employment_type"),
        ({"status": "gone"}, "status"),
        ({"responsibilities": ["x" * 201]}, "responsibilities"),
        ({"department": "other_department"}, "department"),
        ({"reports_to": "other_seat"}, "reports_to"),
    ],
)
def test_bad_seat_input_names_the_field_and_saves_nothing(
    request, owner, member, outsider, workspace, overrides, field
):
    today = workspace_today(workspace)
    values = {
        "member": member,
        "outsider": outsider,
        "offboarded": _offboarded(workspace) if overrides.get("holder") == "offboarded" else None,
        "future": add_quarters(today, 1),
        "past": add_quarters(today, -1),
        "other_department": Department.objects.create(workspace=outsider.workspace, name="Theirs"),
        "other_seat": Seat.objects.create(workspace=outsider.workspace, title="Theirs"),
    }
    resolved = {
        k: values[v] if isinstance(v, str) and v in values else v for k, v in overrides.items()
    }
    before = snapshot(workspace)
    with pytest.raises(ValidationError) as exc:
        services.seat_create(actor=owner, **seat_kwargs(**resolved))
    assert field in exc.value.error_dict
    assert snapshot(workspace) == before


def test_past_quarter_message_says_this_quarter_or_later(owner, workspace):
    past = add_quarters(workspace_today(workspace), -2)
    with pytest.raises(ValidationError, match="this quarter or later"):
        services.seat_create(actor=owner, **seat_kwargs(status="planned", planned_for=past))


def test_this_quarter_is_allowed_for_a_planned_seat(owner, workspace):
    this = quarter_start(workspace_today(workspace))
    seat = services.seat_create(actor=owner, **seat_kwargs(status="planned", planned_for=this))
    assert seat.planned_for == this


@pytest.mark.parametrize("role", ["manager", "member", "assistant"])
def test_only_owners_and_admins_change_seats(request, role, workspace, owner, make_seat):
    actor = request.getfixturevalue(role)
    held = make_seat("CEO", holder=owner)
    empty = make_seat("Buyer", reports_to=held)
    before = snapshot(workspace)
    for call in (
        lambda: services.seat_create(actor=actor, **seat_kwargs()),
        lambda: _update(actor, empty, title="Renamed"),
        lambda: services.seat_fill(actor=actor, seat=empty, membership=actor),
        lambda: services.seat_vacate(actor=actor, seat=held),
        lambda: services.seat_delete(actor=actor, seat=empty),
    ):
        with pytest.raises(PermissionDenied):
            call()
    assert snapshot(workspace) == before


def test_another_workspaces_seat_is_never_touched(owner, outsider, workspace):
    theirs = Seat.objects.create(workspace=outsider.workspace, title="Theirs")
    with pytest.raises(PermissionDenied):
        services.seat_fill(actor=owner, seat=theirs, membership=owner)
    with pytest.raises(PermissionDenied):
        services.seat_delete(actor=owner, seat=theirs)
    assert Seat.objects.filter(pk=theirs.pk, holder__isnull=True).exists()


def test_update_changing_holder_records_history(owner, member, make_seat):
    seat = make_seat("Buyer", holder=owner)
    _update(owner, seat, holder=member)
    holdings = list(SeatHolding.objects.filter(seat=seat).order_by("started_at", "id"))
    assert [h.holder for h in holdings] == [owner, member]
    assert holdings[0].ended_at is not None and holdings[1].ended_at is None


def test_update_replaces_responsibilities_keeping_unchanged_rows(owner, make_seat):
    seat = make_seat("Buyer")
    _update(owner, seat, responsibilities=["One", "Two"])
    two = seat.responsibilities.get(text="Two")
    _update(owner, seat, responsibilities=["Zero", "Two"])
    assert [r.text for r in seat.responsibilities.order_by("position")] == ["Zero", "Two"]
    assert seat.responsibilities.get(text="Two").pk == two.pk  # links to it survive


def test_seat_with_reports_is_not_deleted(owner, workspace, chain):
    _ceo, head, lead = chain
    before = snapshot(workspace)
    with pytest.raises(ValidationError, match="report to"):
        services.seat_delete(actor=owner, seat=head)
    assert snapshot(workspace) == before
    services.seat_delete(actor=owner, seat=lead)
    assert not Seat.objects.filter(pk=lead.pk).exists()


# --- Fill and vacate -------------------------------------------------------------------------


def test_fill_replaces_placeholder_and_keeps_history(owner, member, workspace, make_seat):
    seat = make_seat("Marketing lead", placeholder_name="Alex — to hire")
    services.seat_fill(actor=owner, seat=seat, membership=member)
    seat.refresh_from_db()
    assert (seat.holder, seat.status, seat.placeholder_name) == (member, "filled", "")
    holdings = list(SeatHolding.objects.filter(seat=seat).order_by("started_at", "id"))
    assert [(h.holder, h.placeholder_name) for h in holdings] == [
        (None, "Alex — to hire"),
        (member, ""),
    ]
    assert holdings[0].ended_at is not None
    event = AuditEvent.objects.get(action="seat.filled")
    assert event.data["member_id"] == member.pk


def test_fill_a_planned_seat_makes_it_filled(owner, member, workspace, make_seat):
    seat = make_seat(
        "Ops manager", status="planned", planned_for=add_quarters(workspace_today(workspace), 4)
    )
    services.seat_fill(actor=owner, seat=seat, membership=member)
    seat.refresh_from_db()
    assert seat.status == "filled" and seat.planned_for is None


def test_filling_a_seat_held_by_someone_else_is_refused(owner, member, workspace, make_seat):
    seat = make_seat("Buyer", holder=owner)
    before = snapshot(workspace)
    with pytest.raises(ValidationError) as exc:
        services.seat_fill(actor=owner, seat=seat, membership=member)
    message = exc.value.error_dict["member"][0].messages[0]
    assert "already held by Olivia" in message and "vacate it first" in message
    assert snapshot(workspace) == before


@pytest.mark.parametrize("who", ["same", "outsider", "offboarded"])
def test_fill_with_wrong_person_is_refused(owner, outsider, workspace, make_seat, who):
    seat = make_seat("Buyer", holder=owner if who == "same" else None)
    person = {"same": owner, "outsider": outsider, "offboarded": _offboarded(workspace)}[who]
    before = snapshot(workspace)
    with pytest.raises(ValidationError) as exc:
        services.seat_fill(actor=owner, seat=seat, membership=person)
    assert "member" in exc.value.error_dict
    assert snapshot(workspace) == before


def test_vacate_empties_seat_and_keeps_history(owner, member, workspace, make_seat):
    seat = make_seat("Buyer", holder=member)
    services.seat_vacate(actor=owner, seat=seat, placeholder_name="Next buyer")
    seat.refresh_from_db()
    assert (seat.holder, seat.status, seat.placeholder_name) == (None, "open", "Next buyer")
    assert SeatHolding.objects.filter(seat=seat).count() == 2
    assert AuditEvent.objects.get(action="seat.vacated").data["member_id"] == member.pk


def test_vacating_an_empty_seat_is_refused(owner, workspace, make_seat):
    seat = make_seat("Buyer")
    before = snapshot(workspace)
    with pytest.raises(ValidationError, match="nothing to vacate"):
        services.seat_vacate(actor=owner, seat=seat)
    assert snapshot(workspace) == before


def test_fill_moves_the_seats_work_to_the_new_holder_at_once(owner, member, make_seat):
    boss = make_seat("CEO", holder=owner)
    seat = make_seat("Buyer", reports_to=boss)
    assert seat_assignee(seat) == owner
    services.seat_fill(actor=owner, seat=seat, membership=member)
    assert seat_assignee(seat) == member
    services.seat_vacate(actor=owner, seat=seat)
    assert seat_assignee(seat) == owner


# --- Offboarding hook ------------------------------------------------------------------------


def test_offboarding_vacates_the_members_seats(owner, member, workspace, make_seat):
    boss = make_seat("CEO", holder=owner)
    buyer = make_seat("Buyer", holder=member, reports_to=boss)
    packer = make_seat("Packer", holder=member, reports_to=boss)
    other = make_seat("Other", holder=owner)
    summary = membership_offboard(actor=owner, membership=member)
    steps = dict(summary.steps)
    assert steps["org.seats"].count == 2
    assert sorted(steps["org.seats"].items) == ["Buyer", "Packer"]
    assert steps["org.seats"].url == f"/{workspace.slug}/org/seats/"
    for seat in (buyer, packer):
        seat.refresh_from_db()
        assert seat.holder is None and seat.status == "open"
        assert seat_assignee(seat) == owner  # the work went up the chart
    other.refresh_from_db()
    assert other.holder == owner
    event = AuditEvent.objects.get(action="member.offboarded")
    assert {"key": "org.seats", "count": 2}.items() <= next(
        s for s in event.data["steps"] if s["key"] == "org.seats"
    ).items()
    assert AuditEvent.objects.filter(action="seat.vacated").count() == 2


def test_offboarding_someone_without_seats_reports_zero(owner, member):
    summary = membership_offboard(actor=owner, membership=member)
    assert dict(summary.steps)["org.seats"].count == 0


# --- Demo and bench data ---------------------------------------------------------------------


def test_demo_chart_is_drawn_once_with_the_overloaded_owner():
    from keel.accounts.demo import DEMO_OWNER_EMAIL
    from keel.core import seeding
    from keel.org.selectors import overloaded_members

    result = seeding.seed_demo()
    seeding.seed_demo()  # idempotent
    ws = result.workspace
    seats = {s.title: s for s in Seat.objects.filter(workspace=ws).select_related("holder__user")}
    assert len(seats) == 11
    assert seats["Marketing lead"].status == "open"
    assert seats["Marketing lead"].placeholder_name == "Alex — to hire"
    assert seats["Listing assistant"].holder.is_external
    ops = seats["Operations manager"]
    assert ops.status == "planned" and ops.planned_for.year == workspace_today(ws).year + 1
    assert all(s.cost_currency == "CNY" for s in seats.values())
    assert all(s.responsibilities.exists() for s in seats.values())
    [(owner, count)] = overloaded_members(workspace=ws)
    assert owner.user.email == DEMO_OWNER_EMAIL and count == 4
    assert Department.objects.filter(workspace=ws).count() == 7


def test_large_chart_is_a_deterministic_tree(workspace, owner):
    from keel.core.tests.factories import WorkspaceFactory
    from keel.org.demo import seed_org_large

    assert seed_org_large(workspace, seats=300) == 300
    assert seed_org_large(workspace, seats=300) == 300  # nothing added
    rows = list(
        Seat.objects.filter(workspace=workspace)
        .order_by("position")
        .values_list("title", "reports_to_id", "id", "status", "planned_for")
    )
    assert len(rows) == 300
    parents = {pk: parent for _t, parent, pk, _s, _p in rows}
    assert sum(1 for p in parents.values() if p is None) == 1
    for pk in parents:  # every seat reaches the root: no loops
        seen = set()
        while pk is not None:
            assert pk not in seen
            seen.add(pk)
            pk = parents[pk]
    assert all(p is not None for _t, _r, _i, s, p in rows if s == "planned")
    other: Any = WorkspaceFactory(slug="other-bench")
    seed_org_large(other, seats=300)
    assert [r[0] for r in rows] == list(
        Seat.objects.filter(workspace=other).order_by("position").values_list("title", flat=True)
    )
