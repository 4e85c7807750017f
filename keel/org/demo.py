"""Demo Shop's org chart, and a large random chart for the chart benchmark.

`seed_demo_org` is a demo seeder (registered in OrgConfig.ready) that goes through the
services like a real owner, so its audit trail is genuine. It is idempotent: it draws the chart
only while the workspace has no seats. It shows the seed's trap on purpose: the owner sits in
four seats, so the "overloaded" warning appears. The seats are the language's (`OrgDemo`):
English here, Chinese in `demo_content/<language>.py`.

`seed_org_large(workspace, seats=300)` bulk-inserts a random but deterministic tree for
`bench/` and the chart's query/timing budgets.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone, translation

from keel.core.models import Membership
from keel.core.seeding import demo_content_in
from keel.org import services
from keel.org.models import (
    Department,
    EmploymentType,
    Responsibility,
    Seat,
    SeatHolding,
    SeatStatus,
    add_quarters,
    workspace_today,
)
from keel.org.templates_data import ECOMMERCE_DEPARTMENTS


@dataclass(frozen=True)
class DemoSeat:
    key: str
    title: str
    department: str  # a template department's key
    reports_to: str | None  # another DemoSeat's key
    holder: str | None  # the demo person's email
    status: str
    placeholder: str
    planned_in_years: int  # for planned seats: 1 = next year's first quarter
    kind: str
    fte: str
    cost: int  # CNY a month; 0 = not recorded
    purpose: str
    responsibilities: list[str]


DEMO_SEATS = [
    DemoSeat(
        key="founder",
        title="Founder",
        department="management",
        reports_to=None,
        holder="owner@demo.example",
        status=SeatStatus.FILLED,
        placeholder="",
        planned_in_years=0,
        kind=EmploymentType.STAFF,
        fte="1",
        cost=30000,
        purpose="Sets the direction and makes sure the shop runs without the founder in every "
        "decision.",
        responsibilities=[
            "Vision, goals and the yearly plan",
            "Hiring and the org chart",
            "Cash flow and bank",
        ],
    ),
    DemoSeat(
        key="sales",
        title="Sales lead",
        department="sales",
        reports_to="founder",
        holder="owner@demo.example",
        status=SeatStatus.FILLED,
        placeholder="",
        planned_in_years=0,
        kind=EmploymentType.STAFF,
        fte="0.3",
        cost=0,
        purpose="Grows revenue on Amazon US/EU and Tmall, and wholesale.",
        responsibilities=[
            "Marketplace pricing and promotions",
            "Wholesale customers",
            "Weekly sales report",
        ],
    ),
    DemoSeat(
        key="bookkeeping",
        title="Bookkeeping",
        department="finance",
        reports_to="founder",
        holder="owner@demo.example",
        status=SeatStatus.FILLED,
        placeholder="",
        planned_in_years=0,
        kind=EmploymentType.STAFF,
        fte="0.2",
        cost=0,
        purpose="Keeps the books straight and pays on time.",
        responsibilities=[
            "Match marketplace payouts",
            "Pay suppliers",
            "Monthly VAT and tax filings",
        ],
    ),
    DemoSeat(
        key="logistics",
        title="Logistics coordinator",
        department="operations",
        reports_to="founder",
        holder="owner@demo.example",
        status=SeatStatus.FILLED,
        placeholder="",
        planned_in_years=0,
        kind=EmploymentType.STAFF,
        fte="0.2",
        cost=0,
        purpose="Gets stock to the warehouses and orders to customers.",
        responsibilities=[
            "Book FBA shipments",
            "Track inbound containers",
            "Warehouse partner invoices",
        ],
    ),
    DemoSeat(
        key="purchasing",
        title="Purchasing lead",
        department="purchasing",
        reports_to="founder",
        holder="wang.fang@demo.example",
        status=SeatStatus.FILLED,
        placeholder="",
        planned_in_years=0,
        kind=EmploymentType.STAFF,
        fte="1",
        cost=12000,
        purpose="Buys the right stock at the right price from reliable workshops.",
        responsibilities=[
            "Purchase orders and reorder points",
            "Supplier quality checks",
            "Negotiate yearly prices",
        ],
    ),
    DemoSeat(
        key="warehouse",
        title="Warehouse lead",
        department="operations",
        reports_to="logistics",
        holder="zhang.min@demo.example",
        status=SeatStatus.FILLED,
        placeholder="",
        planned_in_years=0,
        kind=EmploymentType.STAFF,
        fte="1",
        cost=11000,
        purpose="Runs the Shenzhen stockroom: receiving, packing, returns.",
        responsibilities=[
            "Receive and count deliveries",
            "Pack and ship domestic orders",
            "Process returns",
        ],
    ),
    DemoSeat(
        key="marketing",
        title="Marketing lead",
        department="marketing",
        reports_to="founder",
        holder=None,
        status=SeatStatus.OPEN,
        placeholder="Alex — to hire",
        planned_in_years=0,
        kind=EmploymentType.STAFF,
        fte="1",
        cost=15000,
        purpose="Builds the brand and fills the funnel on every marketplace.",
        responsibilities=[
            "Campaign calendar",
            "Advertising budgets and ACoS",
            "Brand store and social accounts",
        ],
    ),
    DemoSeat(
        key="listing",
        title="Listing assistant",
        department="marketing",
        reports_to="marketing",
        holder="maria.santos@freelancehub.example",
        status=SeatStatus.FILLED,
        placeholder="",
        planned_in_years=0,
        kind=EmploymentType.ASSISTANT,
        fte="0.5",
        cost=4000,
        purpose="Keeps the Amazon listings accurate, searchable and attractive.",
        responsibilities=[
            "Amazon listing updates (titles, bullets, A+ content)",
            "Keyword research each quarter",
            "Fix suppressed listings within a day",
        ],
    ),
    DemoSeat(
        key="service",
        title="Customer service rep",
        department="service",
        reports_to="founder",
        holder="sophie.turner@demo.example",
        status=SeatStatus.FILLED,
        placeholder="",
        planned_in_years=0,
        kind=EmploymentType.STAFF,
        fte="1",
        cost=8000,
        purpose="Answers every customer within a day, in their language.",
        responsibilities=[
            "Marketplace messages and emails",
            "Returns and refunds",
            "Reviews follow-up",
        ],
    ),
    DemoSeat(
        key="operations",
        title="Operations manager",
        department="operations",
        reports_to="founder",
        holder=None,
        status=SeatStatus.PLANNED,
        placeholder="Ops manager — to hire",
        planned_in_years=1,
        kind=EmploymentType.STAFF,
        fte="1",
        cost=20000,
        purpose="Takes purchasing, logistics and service off the founder's desk.",
        responsibilities=[
            "Own purchasing, logistics and customer service",
            "Weekly operations review",
            "Write and keep the SOPs",
        ],
    ),
    DemoSeat(
        key="finance",
        title="Finance manager",
        department="finance",
        reports_to="founder",
        holder=None,
        status=SeatStatus.PLANNED,
        placeholder="To hire",
        planned_in_years=3,
        kind=EmploymentType.STAFF,
        fte="1",
        cost=18000,
        purpose="Owns the numbers once the shop passes ¥6M a year.",
        responsibilities=[
            "Monthly accounts and cash forecast",
            "Tax and audit",
            "Margins by product and marketplace",
        ],
    ),
]


@dataclass(frozen=True)
class OrgDemo:
    """One language's demo chart: its seats, the currency of their cost, and the placeholder
    of a seat whose demo person is missing."""

    seats: list[DemoSeat]
    currency: str = "CNY"
    to_hire: str = "To hire"


ENGLISH = OrgDemo(seats=DEMO_SEATS)


def _departments(owner: Membership) -> dict[str, Department]:
    """Template departments by their key (created if missing)."""
    ws = owner.workspace
    services.department_template_apply(actor=owner)
    with translation.override(ws.language):
        names = {key: str(name) for key, name, _colour in ECOMMERCE_DEPARTMENTS}
    found = {d.name: d for d in Department.objects.in_workspace(ws).filter(parent__isnull=True)}
    return {key: found[name] for key, name in names.items() if name in found}


def seed_demo_org(owner: Membership, *, language: str = "en") -> None:
    ws = owner.workspace
    if Seat.objects.in_workspace(ws).exists():
        return
    content = demo_content_in(language, package="keel.org", english=ENGLISH)
    departments = _departments(owner)
    people = {
        m.user.email: m for m in Membership.objects.active().in_workspace(ws).select_related("user")
    }
    this_year = workspace_today(ws).year
    seats: dict[str, Seat] = {}
    for spec in content.seats:
        holder = people.get(spec.holder) if spec.holder else None
        status, placeholder = spec.status, spec.placeholder
        if status == SeatStatus.FILLED and holder is None:  # a demo person is missing
            status, placeholder = SeatStatus.OPEN, placeholder or content.to_hire
        years = spec.planned_in_years
        seats[spec.key] = services.seat_create(
            actor=owner,
            title=spec.title,
            department=departments.get(spec.department),
            reports_to=seats.get(spec.reports_to) if spec.reports_to else None,
            purpose=spec.purpose,
            responsibilities=spec.responsibilities,
            employment_type=spec.kind,
            fte=Decimal(spec.fte),
            cost_per_month=Decimal(spec.cost) if spec.cost else None,
            cost_currency=content.currency,
            holder=holder,
            placeholder_name=placeholder,
            status=status,
            planned_for=datetime.date(this_year + years, 1, 1) if years else None,
        )


# --- The large chart (benchmarks) ------------------------------------------------------------

_ROLES = ["Lead", "Specialist", "Coordinator", "Assistant", "Manager", "Analyst", "Associate"]


@transaction.atomic
def seed_org_large(workspace: Any, seats: int = 300) -> int:
    """A deterministic random tree of `seats` seats across the template departments.

    Bulk-inserted level by level (so each level knows its managers' ids). Roughly 75% filled
    by the workspace's active members, 15% open, 10% planned within five years. Re-running
    tops up nothing if the workspace already has that many seats. Returns the seat count.
    """
    existing = Seat.objects.filter(workspace=workspace).count()
    if existing >= seats:
        return existing
    rng = random.Random(300)  # noqa: S311 - benchmark data, not security
    departments = []
    for position, (_key, name, colour) in enumerate(ECOMMERCE_DEPARTMENTS):
        with translation.override(workspace.language):
            text = str(name)
        department, _created = Department.objects.get_or_create(
            workspace=workspace, parent=None, name=text,
            defaults={"colour": colour, "position": position},
        )  # fmt: skip
        departments.append(department)
    members = list(
        Membership.objects.filter(workspace=workspace, offboarded_at__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    today = workspace_today(workspace)
    count = seats - existing
    parent_of = [None] + [rng.randrange(0, i) for i in range(1, count)]
    depth = [0] * count
    dept_of = [rng.randrange(len(departments))] * count
    for i in range(1, count):
        depth[i] = depth[parent_of[i]] + 1  # type: ignore[index]
        parent_dept = dept_of[parent_of[i]]  # type: ignore[index]
        dept_of[i] = parent_dept if rng.random() < 0.7 else rng.randrange(len(departments))
    objects: list[Seat | None] = [None] * count
    for level in range(max(depth) + 1):
        batch = []
        for i in (i for i in range(count) if depth[i] == level):
            roll = rng.random()
            pick = rng.random()  # drawn even without members: same tree whoever is in it
            holder = members[int(pick * len(members))] if members and roll < 0.75 else None
            status = SeatStatus.FILLED if holder else (
                SeatStatus.OPEN if roll < 0.9 else SeatStatus.PLANNED
            )  # fmt: skip
            department = departments[dept_of[i]]
            seat = Seat(
                workspace=workspace,
                title=f"{department.name} {rng.choice(_ROLES)} {existing + i + 1}",
                department=department,
                reports_to=objects[parent_of[i]] if parent_of[i] is not None else None,  # type: ignore[index]
                holder_id=holder,
                status=status,
                placeholder_name="" if holder else f"To hire {existing + i + 1}",
                planned_for=add_quarters(today, rng.randint(1, 20))
                if status == SeatStatus.PLANNED
                else None,
                cost_per_month=Decimal(rng.randrange(5, 31) * 1000),
                fte=Decimal("1.00") if rng.random() < 0.8 else Decimal("0.50"),
                position=existing + i,
            )
            objects[i] = seat
            batch.append(seat)
        Seat.objects.bulk_create(batch, batch_size=500)
    created = [s for s in objects if s is not None]
    now = timezone.now()
    Responsibility.objects.bulk_create(
        [
            Responsibility(
                workspace=workspace, seat=s, text=f"Responsibility {n} of {s.title}", position=n
            )
            for s in created
            for n in range(2)
        ],
        batch_size=500,
    )
    SeatHolding.objects.bulk_create(
        [
            SeatHolding(
                workspace=workspace,
                seat=s,
                holder_id=s.holder_id,
                placeholder_name=s.placeholder_name,
                started_at=now,
            )
            for s in created
        ],
        batch_size=500,
    )
    return existing + count
