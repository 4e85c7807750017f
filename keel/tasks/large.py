"""The tasks share of the benchmark data set: 40 projects, 100,000 tasks, 200,000 comments.

Bulk-inserted (it exists only to be measured), deterministic (a seeded random) and
idempotent: a workspace that already has the bench projects is left alone. Registered as a
large seeder, so `keel seed large` builds it; `bench/tasks.py` calls it directly.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from keel.core.models import Membership, Role, Workspace
from keel.tasks.models import (
    Comment,
    Label,
    Priority,
    Project,
    Recurrence,
    Section,
    Status,
    Task,
    TaskLabel,
)

PROJECTS = 40
TASKS_PER_MEMBER = 400  # 250 members → the DESIGN target of 100,000 tasks
COMMENTS_PER_TASK = 2
HOT_PROJECT_TASKS = 5_000  # the project the list/board benchmarks open
HOT_TASK_COMMENTS = 60  # the task the task-page benchmark opens
BATCH = 2_000

_PROJECT_NAMES = [
    "Amazon listings", "Content marketing", "Product development", "Customer service",
    "Warehouse", "Purchasing", "Finance", "Design", "Logistics", "Shopify store",
    "TikTok shop", "Supplier audits", "Photo studio", "Returns", "Ads", "SEO",
    "Packaging", "Trade shows", "Hiring", "Compliance",
]  # fmt: skip
_SECTIONS = ["Backlog", "To do", "In progress", "Review", "Done"]
_LABELS = [
    "urgent", "supplier", "listing", "photo", "copy", "ads", "customer", "refund",
    "stock", "shipping", "design", "finance", "legal", "seo", "video", "amazon",
    "shopify", "tiktok", "q1", "q2", "q3", "q4", "bug", "idea", "review", "translate",
    "packaging", "sample", "price", "promo",
]  # fmt: skip
_VERBS = ["Update", "Check", "Translate", "Photograph", "Order", "Review", "Draft",
          "Fix", "Plan", "Send", "翻译", "检查", "更新"]  # fmt: skip
_THINGS = ["listing images", "bullet points", "supplier quote", "A+ content", "ad budget",
           "return rates", "packaging dieline", "keyword list", "size chart", "产品描述",
           "库存报表", "customer email"]  # fmt: skip


@dataclass(frozen=True)
class LargeTasks:
    projects: int
    tasks: int
    comments: int
    hot_project: Project | None
    busy_member: Membership | None


def _key(i: int) -> str:
    # 2–6 capital letters: BA, BB, … (never digits).
    return "B" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[i // 26] + "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[i % 26]


def bench_project(workspace: Workspace) -> Project | None:
    """The project with HOT_PROJECT_TASKS tasks (the list and board benchmarks open it)."""
    return Project.objects.in_workspace(workspace).filter(key=_key(0)).first()


def busy_member(workspace: Workspace) -> Membership | None:
    """The member with the most tasks (the "My tasks" benchmark signs in as them)."""
    return (
        Membership.objects.in_workspace(workspace).filter(role=Role.MEMBER).order_by("pk").first()
    )


def seed_tasks_large(
    workspace: Workspace, *, tasks: int | None = None, comments: int | None = None
) -> LargeTasks:
    """Build the bench projects in `workspace` unless they exist.

    Defaults scale with the members: 400 tasks and 800 comments per member (250 members →
    100,000 and 200,000). 10 % of tasks are occurrences of weekly series; due dates spread
    over ±1 year; one member holds 2 % of all tasks; the first project has 5,000 tasks.
    """
    members = list(
        Membership.objects.in_workspace(workspace)
        .active()
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    hot = bench_project(workspace)
    if hot is not None or not members:
        total = Task.objects.in_workspace(workspace).count()
        return LargeTasks(PROJECTS, total, 0, hot, busy_member(workspace))
    if tasks is None:
        tasks = TASKS_PER_MEMBER * len(members)
    if comments is None:
        comments = COMMENTS_PER_TASK * tasks
    with transaction.atomic():
        made = _build(workspace, members, tasks=tasks, comments=comments)
    return LargeTasks(PROJECTS, tasks, made, bench_project(workspace), busy_member(workspace))


def _build(workspace: Workspace, members: list[int], *, tasks: int, comments: int) -> int:
    rng = random.Random(20_260_101)  # noqa: S311 - bench data, not security
    now = timezone.now()
    today = now.date()
    owner_id = (
        Membership.objects.in_workspace(workspace)
        .filter(role=Role.OWNER)
        .values_list("pk", flat=True)
    ).first() or members[0]
    busy = busy_member(workspace)
    busy_id = busy.pk if busy else members[0]

    projects = Project.objects.bulk_create(
        [
            Project(
                workspace=workspace,
                name=f"{_PROJECT_NAMES[i % len(_PROJECT_NAMES)]} {i // len(_PROJECT_NAMES) + 1}",
                key=_key(i),
                description="Benchmark project.",
                created_by_id=owner_id,
            )
            for i in range(PROJECTS)
        ]
    )
    sections = Section.objects.bulk_create(
        [
            Section(workspace=workspace, project=p, name=name, position=pos)
            for p in projects
            for pos, name in enumerate(_SECTIONS)
        ]
    )
    sections_of: dict[int, list[Section]] = {}
    for s in sections:
        sections_of.setdefault(s.project_id, []).append(s)
    labels = Label.objects.bulk_create(
        [Label(workspace=workspace, name=n, colour=i % 8 + 1) for i, n in enumerate(_LABELS)]
    )

    # Tasks per project: the first gets HOT_PROJECT_TASKS, the rest share what is left.
    hot_count = min(HOT_PROJECT_TASKS, tasks)
    rest = tasks - hot_count
    per_project = [hot_count] + [
        rest // (PROJECTS - 1) + (1 if i < rest % (PROJECTS - 1) else 0)
        for i in range(PROJECTS - 1)
    ]

    # 10 % recurring: series of 10 weekly occurrences each.
    recurring = tasks // 10
    series_count = max(1, recurring // 10)
    series = Recurrence.objects.bulk_create(
        [
            Recurrence(
                workspace=workspace,
                project=projects[i % PROJECTS],
                section=sections_of[projects[i % PROJECTS].pk][1],
                title=f"Weekly review {i + 1}",
                assignee_id=members[i % len(members)],
                rrule="FREQ=WEEKLY;BYDAY=MO,WE",
                timezone=workspace.timezone or "UTC",
                dtstart_local=datetime.datetime(today.year - 1, 1, 5, 9, 0, tzinfo=datetime.UTC),
                created_by_id=owner_id,
            )
            for i in range(series_count)
        ],
        batch_size=BATCH,
    )
    statuses = [Status.TODO] * 5 + [Status.IN_PROGRESS] * 2 + [Status.BLOCKED] + [Status.DONE] * 2

    batch: list[Task] = []
    created_ids: list[int] = []
    recurring_left = recurring
    serial = 0

    def flush() -> None:
        Task.objects.bulk_create(batch, batch_size=BATCH)
        created_ids.extend(t.pk for t in batch)
        batch.clear()

    for project, count in zip(projects, per_project, strict=True):
        cols = sections_of[project.pk]
        for number in range(1, count + 1):
            serial += 1
            status = rng.choice(statuses)
            due = today + datetime.timedelta(days=rng.randint(-365, 365))
            has_due = rng.random() < 0.9
            start = due - datetime.timedelta(days=rng.randint(0, 14)) if has_due else None
            if rng.random() < 0.5:
                start = None
            assignee = busy_id if rng.random() < 0.02 else members[rng.randrange(len(members))]
            recurrence_id = occurrence = None
            if recurring_left and serial % 10 == 0:
                index = recurring - recurring_left
                recurrence_id = series[(index // 10) % len(series)].pk
                occurrence = today + datetime.timedelta(
                    weeks=index % 10 + (index // 10) // len(series) * 10
                )
                recurring_left -= 1
            created = now - datetime.timedelta(minutes=rng.randint(60, 60 * 24 * 400))
            title = f"{rng.choice(_VERBS)} {rng.choice(_THINGS)} #{number}"
            batch.append(
                Task(
                    workspace=workspace,
                    project=project,
                    number=number,
                    title=title,
                    description="Bench task.",
                    description_html="<p>Bench task.</p>",
                    section=cols[
                        len(cols) - 1 if status == Status.DONE else rng.randrange(len(cols) - 1)
                    ],
                    position=float(number),
                    status=status,
                    priority=rng.choice(Priority.values),
                    assignee_id=None if rng.random() < 0.05 else assignee,
                    start_date=start,
                    due_date=due if has_due else None,
                    completed_at=created + datetime.timedelta(days=3)
                    if status == Status.DONE
                    else None,
                    created_by_id=owner_id,
                    recurrence_id=recurrence_id,
                    occurrence_date=occurrence,
                    created_at=created,
                )
            )
            if len(batch) >= BATCH:
                flush()
    flush()
    Project.objects.bulk_update(
        [_with_counter(p, n) for p, n in zip(projects, per_project, strict=True)],
        ["task_counter"],
    )

    links: list[TaskLabel] = []
    for task_id in created_ids:
        for label in rng.sample(labels, rng.choice((0, 1, 1, 2))):
            links.append(TaskLabel(workspace=workspace, task_id=task_id, label=label))
            if len(links) >= BATCH:
                TaskLabel.objects.bulk_create(links)
                links.clear()
    TaskLabel.objects.bulk_create(links)

    # Comments: the hot project's first task gets a long thread; the rest fall at random.
    made = 0
    rows: list[Comment] = []
    if not created_ids:
        return 0
    hot_task = created_ids[0]
    for i in range(comments):
        task_id = (
            hot_task if i < HOT_TASK_COMMENTS else created_ids[rng.randrange(len(created_ids))]
        )
        body = f"Comment {i}: checked with the supplier, see the sheet."
        rows.append(
            Comment(
                workspace=workspace,
                task_id=task_id,
                author_id=members[rng.randrange(len(members))],
                body=body,
                body_html=f"<p>{body}</p>",
                created_at=now - datetime.timedelta(minutes=comments - i),
            )
        )
        if len(rows) >= BATCH:
            Comment.objects.bulk_create(rows)
            made += len(rows)
            rows.clear()
    Comment.objects.bulk_create(rows)
    return made + len(rows)


def _with_counter(project: Project, count: int) -> Any:
    project.task_counter = count
    return project
