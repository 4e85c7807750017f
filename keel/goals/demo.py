"""Demo Shop's vision: a statement, three values, three goals with yearly milestones.

Registered as a demo seeder (runs after the org chart's). Goes through the services like a
real owner would, so the audit trail is genuine. Idempotent: content is only added when the
workspace has no goals yet; milestones point at the org chart's seats by title when they
exist and are created without seats otherwise. The content is the language's (`GoalsDemo`):
English here, Chinese in `demo_content/<language>.py`. The KPI demo seeds after this one, so
four milestones get their KPI from the KPI seeder's hook (`link_demo_kpis`), once.
"""

from __future__ import annotations

from dataclasses import dataclass

from keel.core.models import Membership
from keel.core.seeding import demo_content_in
from keel.goals import services
from keel.goals.models import CoreValue, Goal, MilestoneStatus, Vision
from keel.kpis.models import Kpi
from keel.org.models import Seat

VALUES = [
    ("Answer every customer within a day", "In their language, on the marketplace they used."),
    ("Write it down once", "A process that lives only in someone's head is a process we lose."),
    ("Decide at the seat", "Whoever holds the seat decides; the founder is asked, not waited for."),
]

# (offset from this year, title, status, owner seat title, needed seat titles)
Milestones = list[tuple[int, str, str, str, list[str]]]
GOALS: list[tuple[str, str, Milestones]] = [
    (
        "¥10M yearly revenue",
        "From about ¥2.4M today, mostly Amazon US and Tmall, to ¥10M across three marketplaces.",
        [
            (0, "¥3M revenue, gross margin above 35%", MilestoneStatus.ON_TRACK, "Founder", []),
            (1, "¥4.5M revenue; second warehouse partner in the EU", MilestoneStatus.NOT_STARTED,
             "Operations manager", ["Operations manager"]),
            (2, "¥6M revenue; wholesale to 20 tea houses", MilestoneStatus.NOT_STARTED,
             "Sales lead", ["Sales lead"]),
            (3, "¥8M revenue", MilestoneStatus.NOT_STARTED, "Founder", []),
            (5, "¥10M revenue", MilestoneStatus.NOT_STARTED, "Founder", ["Finance manager"]),
        ],
    ),
    (
        "Own brand on Amazon, Shopify and Tmall",
        "Our own handmade tea ware line, sold under one brand on three marketplaces.",
        [
            (0, "Brand registered in the US, EU and China", MilestoneStatus.AT_RISK,
             "Founder", []),
            (1, "Launch own brand on Amazon US and EU", MilestoneStatus.NOT_STARTED,
             "Marketing lead", ["Marketing lead", "Listing assistant"]),
            (2, "Own Shopify store with 30% repeat customers", MilestoneStatus.NOT_STARTED,
             "Marketing lead", ["Content designer"]),
            (3, "Tmall flagship store open", MilestoneStatus.NOT_STARTED,
             "Marketing lead", ["Tmall store manager"]),
        ],
    ),
    (
        "Founder works at most 20 hours a week on operations",
        "The shop runs from its seats and procedures, not from the founder's inbox.",
        [
            (0, "Every recurring task owned by a seat, not a person", MilestoneStatus.ON_TRACK,
             "Founder", []),
            (1, "Operations manager hired; purchasing and logistics handed over",
             MilestoneStatus.NOT_STARTED, "Founder", ["Operations manager"]),
            (2, "Founder out of customer service and listings", MilestoneStatus.NOT_STARTED,
             "Operations manager", ["Customer service lead"]),
            (3, "Four-week holiday without the shop calling", MilestoneStatus.NOT_STARTED,
             "Operations manager", []),
        ],
    ),
]  # fmt: skip

# (goal's place in GOALS, milestone's year from this year) → the demo KPI that measures it;
# by place, not by title, so it holds in every language.
DEMO_KPIS: dict[tuple[int, int], str] = {
    (0, 0): "revenue",  # ¥3M revenue this year
    (1, 1): "amazon_us",  # own brand launched on Amazon US and EU
    (2, 0): "overdue",  # every recurring task owned by a seat
    (2, 2): "first_response",  # the founder out of customer service
}

STATEMENT = (
    "By {year}, the go-to shop for handmade tea ware on three marketplaces, run by a team "
    "that doesn't need the founder in every decision."
)


@dataclass(frozen=True)
class GoalsDemo:
    """One language's vision: statement ({year} is the horizon), values and goals; a goal's
    title is `goal_title` with {title} and {year} (its target year)."""

    statement: str
    values: list[tuple[str, str]]
    goals: list[tuple[str, str, Milestones]]
    goal_title: str = "{title} by {year}"


ENGLISH = GoalsDemo(statement=STATEMENT, values=VALUES, goals=GOALS)


def seed_demo_vision(owner: Membership, *, language: str = "en") -> None:
    ws = owner.workspace
    content = demo_content_in(language, package="keel.goals", english=ENGLISH)
    this_year = services.current_year(ws)
    horizon = this_year + services.HORIZON_YEARS
    if not Vision.objects.in_workspace(ws).exists():
        services.vision_update(actor=owner, statement=content.statement.format(year=horizon),
                               horizon_year=horizon)  # fmt: skip
    if not CoreValue.objects.in_workspace(ws).exists():
        for title, description in content.values:
            services.value_create(actor=owner, title=title, description=description)
    if Goal.objects.in_workspace(ws).exists():
        return
    seats: dict[str, Seat] = {}
    for seat in Seat.objects.in_workspace(ws).order_by("id"):
        seats.setdefault(seat.title.lower(), seat)
    for title, description, milestones in content.goals:
        target = max(offset for offset, *_rest in milestones) + this_year
        goal = services.goal_create(actor=owner,
                                    title=content.goal_title.format(title=title, year=target),
                                    target_year=target, description=description)  # fmt: skip
        for offset, text, status, owner_title, needed in milestones:
            services.milestone_create(
                actor=owner, goal=goal, year=this_year + offset, title=text, status=status,
                owner_seat=seats.get(owner_title.lower()),
                needed_seats=[seats[t.lower()] for t in needed if t.lower() in seats],
            )  # fmt: skip


def link_demo_kpis(owner: Membership, *, language: str = "en", kpis: dict[str, Kpi]) -> None:
    """Hook of the KPI demo (kpis.demo.register_after_demo_kpis): the demo KPIs just made
    measure four of the demo milestones. Milestones that already have a KPI keep it."""
    ws = owner.workspace
    this_year = services.current_year(ws)
    goals = list(Goal.objects.in_workspace(ws).order_by("position", "id"))
    for (place, offset), key in DEMO_KPIS.items():
        kpi = kpis.get(key)
        if kpi is None or place >= len(goals):
            continue
        milestone = (
            goals[place].milestones.filter(year=this_year + offset, kpi__isnull=True)
            .select_related("owner_seat").order_by("id").first()
        )  # fmt: skip
        if milestone is None:
            continue
        services.milestone_update(
            actor=owner, milestone=milestone, year=milestone.year, title=milestone.title,
            owner_seat=milestone.owner_seat, needed_seats=list(milestone.needed_seats.all()),
            status=milestone.status, kpi=kpi,
        )  # fmt: skip
