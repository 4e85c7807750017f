# ruff: noqa: E501 - the demo data reads best as one row per task
"""Demo Shop's projects and tasks: a demo seeder registered in wiring_core.

It goes through the services like real people (numbers, activity, mentions and notifications
are genuine) and is idempotent: a project whose key already exists is left alone. Dates are
relative to today so the demo always has overdue, today and upcoming work. Seats are looked
up by title (drawn by the org demo seeder, which runs first); a missing seat falls back to the
owner. The content is the language's (`TasksDemo`): English here, Chinese in
`demo_content/<language>.py`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from keel.core.models import Membership
from keel.core.seeding import demo_content_in
from keel.org.models import Seat, workspace_today
from keel.tasks import services
from keel.tasks.models import Project, Section, Status, Task, Visibility

# (key, name, description, sections, members by email)
PROJECTS = [
    ("AMZ", "Amazon listings", "Listing quality, keywords and A+ content for our ASINs.",
     ["To do", "Drafting", "Review", "Live"],
     ["zhang.min@demo.example", "sophie.turner@demo.example",
      "maria.santos@freelancehub.example"]),
    ("MKT", "Content marketing", "Blog, social posts, newsletters and photo shoots.",
     ["Ideas", "In progress", "Scheduled", "Published"],
     ["sophie.turner@demo.example", "maria.santos@freelancehub.example"]),
    ("DEV", "Product development", "New products from idea to first purchase order.",
     ["Research", "Samples", "Approved", "Launched"],
     ["zhang.min@demo.example", "wang.fang@demo.example"]),
    ("PUR", "Purchasing", "Supplier orders, samples, shipping and customs.",
     ["To order", "Ordered", "In transit", "Received"],
     ["zhang.min@demo.example", "wang.fang@demo.example"]),
]  # fmt: skip

# (project key, section index, title, assignee: email | "seat:Title" | None, due offset in
#  days | None, priority, labels, status)
TASKS: list[tuple[str, int, str, str | None, int | None, int, list[str], str]] = [
    ("AMZ", 0, "Rewrite bullets for the bamboo cutting board", "seat:Listing assistant", 2, 2, ["listing"], "todo"),
    ("AMZ", 0, "Keyword research for Q3 (kitchen storage)", "seat:Listing assistant", 9, 1, ["seo"], "todo"),
    ("AMZ", 1, "A+ content for the spice rack bundle", "maria.santos@freelancehub.example", 0, 3, ["listing", "a-plus"], "in_progress"),
    ("AMZ", 1, "Fix suppressed listing: missing size chart", "maria.santos@freelancehub.example", -2, 4, ["urgent"], "in_progress"),
    ("AMZ", 2, "Update main images after the photo shoot", "sophie.turner@demo.example", 5, 2, ["photos"], "todo"),
    ("AMZ", 2, "Translate listing into German for amazon.de", None, 14, 1, ["translation"], "todo"),
    ("AMZ", 3, "Price update for the Prime Day deal", "zhang.min@demo.example", -6, 3, ["pricing"], "done"),
    ("AMZ", 0, "Answer customer questions on the drawer organiser page", "sophie.turner@demo.example", 1, 1, [], "todo"),
    ("AMZ", 0, "Check competitor prices for the knife block", "seat:Listing assistant", -1, 2, ["pricing"], "todo"),
    ("AMZ", 1, "Backend search terms for all cutting boards", "maria.santos@freelancehub.example", 3, 1, ["seo"], "in_progress"),
    ("MKT", 0, "Photo shoot: autumn kitchen set", "sophie.turner@demo.example", 7, 3, ["photos"], "todo"),
    ("MKT", 1, "Blog post: 5 ways to organise a small kitchen", "sophie.turner@demo.example", 4, 2, ["blog"], "in_progress"),
    ("MKT", 2, "Newsletter for October", "seat:Marketing lead", 12, 2, ["newsletter"], "todo"),
    ("MKT", 0, "Book the photographer and studio", "sophie.turner@demo.example", -3, 3, ["photos"], "todo"),
    ("MKT", 1, "Instagram reels for the spice rack", "maria.santos@freelancehub.example", 2, 1, ["social"], "in_progress"),
    ("MKT", 3, "Customer review round-up video", None, -10, 1, ["social"], "done"),
    ("MKT", 0, "Influencer outreach list (home & kitchen)", "seat:Marketing lead", 20, 1, [], "todo"),
    ("MKT", 2, "Schedule posts for Singles' Day", "sophie.turner@demo.example", 0, 2, ["social"], "todo"),
    ("DEV", 0, "Research silicone lids market size", "zhang.min@demo.example", 10, 1, ["research"], "todo"),
    ("DEV", 1, "Order samples from three bamboo suppliers", "wang.fang@demo.example", -4, 3, ["samples"], "in_progress"),
    ("DEV", 1, "Test sample quality: drop and dishwasher test", "zhang.min@demo.example", 6, 2, ["samples"], "todo"),
    ("DEV", 2, "Approve packaging artwork", "owner@demo.example", 3, 3, ["packaging"], "todo"),
    ("DEV", 0, "Cost calculation for the magnetic knife strip", "seat:Purchasing lead", 8, 2, ["costing"], "todo"),
    ("DEV", 2, "Register the trademark in the EU", "owner@demo.example", 30, 2, ["legal"], "todo"),
    ("DEV", 3, "Launch checklist for the spice rack", "zhang.min@demo.example", -14, 2, [], "done"),
    ("DEV", 0, "Collect customer feedback on lid sizes", None, None, 1, ["research"], "todo"),
    ("PUR", 0, "Email supplier about the late shipment (Ningbo)", "wang.fang@demo.example", -1, 4, ["supplier", "urgent"], "todo"),
    ("PUR", 1, "Confirm PO #2024-118 with Yiwu Home Goods", "seat:Purchasing lead", 0, 3, ["supplier"], "in_progress"),
    ("PUR", 2, "Customs paperwork for container MSKU 1234567", "wang.fang@demo.example", 2, 4, ["customs"], "in_progress"),
    ("PUR", 2, "Book freight forwarder for November", "seat:Logistics coordinator", 5, 2, ["shipping"], "todo"),
    ("PUR", 0, "Reorder cutting boards (stock under 4 weeks)", "seat:Purchasing lead", 1, 3, ["reorder"], "todo"),
    ("PUR", 3, "Check received goods against the packing list", "seat:Warehouse lead", -2, 2, ["warehouse"], "todo"),
    ("PUR", 0, "Negotiate payment terms with the new supplier", "zhang.min@demo.example", 15, 2, ["supplier"], "todo"),
    ("PUR", 1, "Pay deposit for the knife block order", "seat:Finance manager", -5, 3, ["payment"], "done"),
    ("PUR", 0, "Ask for the CE certificate for the silicone lids", "wang.fang@demo.example", 6, 2, ["compliance"], "todo"),
    ("PUR", 2, "Insurance for the December shipment", "seat:Logistics coordinator", 18, 1, ["shipping"], "todo"),
]  # fmt: skip

SUBTASKS = {
    "Order samples from three bamboo suppliers": [
        ("Sample from Anji Bamboo Co.", "wang.fang@demo.example", -5, "done"),
        ("Sample from Fujian Green Home", "wang.fang@demo.example", -2, "todo"),
        ("Sample from Zhejiang Woodcraft", "wang.fang@demo.example", 1, "todo"),
    ],
    "Customs paperwork for container MSKU 1234567": [
        ("Commercial invoice", "wang.fang@demo.example", 1, "todo"),
        ("Packing list", "wang.fang@demo.example", 1, "todo"),
    ],
}
DEPENDENCY = (
    "Test sample quality: drop and dishwasher test",
    "Order samples from three bamboo suppliers",
)
COMMENTS = [
    ("Customs paperwork for container MSKU 1234567", "wang.fang@demo.example",
     "The forwarder needs the HS codes by Thursday. @zhang.min can you confirm them?"),
    ("Email supplier about the late shipment (Ningbo)", "zhang.min@demo.example",
     "@[王芳] please ask for a new ETD and a discount for the delay."),
    ("A+ content for the spice rack bundle", "owner@demo.example",
     "Looks great so far. @maria.santos use the new lifestyle photos once they are in."),
    ("Blog post: 5 ways to organise a small kitchen", "sophie.turner@demo.example",
     "Draft is in the wiki; I linked the drawer organiser listing."),
]  # fmt: skip


# Projects whose last column is their Done column (a card moved there is completed): finished
# listings, published posts, launched products. Purchasing's columns are the stages of an
# order (a received order still has goods to check), so it has none. Keys are the same in
# every language.
DONE_COLUMN_PROJECTS = frozenset({"AMZ", "MKT", "DEV"})


@dataclass(frozen=True)
class TasksDemo:
    """One language's projects, tasks, subtasks (by parent title), dependency and comments."""

    projects: list[tuple[str, str, str, list[str], list[str]]]
    tasks: list[tuple[str, int, str, str | None, int | None, int, list[str], str]]
    subtasks: dict[str, list[tuple[str, str, int, str]]]
    dependency: tuple[str, str]
    comments: list[tuple[str, str, str]]


ENGLISH = TasksDemo(
    projects=PROJECTS, tasks=TASKS, subtasks=SUBTASKS, dependency=DEPENDENCY, comments=COMMENTS
)


def seed_demo_tasks(owner: Membership, *, language: str = "en") -> None:
    workspace = owner.workspace
    content = demo_content_in(language, package="keel.tasks", english=ENGLISH)
    keys = [p[0] for p in content.projects]
    if Project.objects.in_workspace(workspace).filter(key__in=keys).exists():
        return  # already seeded
    people = {
        m.user.email: m
        for m in Membership.objects.active().filter(workspace=workspace).select_related("user")
    }
    seats = {s.title: s for s in Seat.objects.in_workspace(workspace)}
    today = workspace_today(workspace)
    projects: dict[str, Project] = {}
    sections: dict[str, list[Section]] = {}
    for key, name, description, section_names, emails in content.projects:
        project = services.project_create(
            actor=owner, name=name, key=key, description=description,
            visibility=Visibility.WORKSPACE,
            members=[people[e] for e in emails if e in people],
        )  # fmt: skip
        for section in project.sections.all():
            section.delete()  # replace the defaults with this project's columns
        sections[key] = [
            services.section_create(actor=owner, project=project, name=n) for n in section_names
        ]
        if key in DONE_COLUMN_PROJECTS:
            last = sections[key][-1]
            services.section_update(actor=owner, section=last, name=last.name, done=True)
        projects[key] = project

    def who(spec: str | None) -> dict[str, Any]:
        if spec is None:
            return {}
        if spec.startswith("seat:"):
            seat = seats.get(spec.removeprefix("seat:"))
            return {"assignee_seat": seat} if seat else {"assignee": owner}
        return {"assignee": people.get(spec, owner)}

    def when(offset: int | None) -> datetime.date | None:
        return None if offset is None else today + datetime.timedelta(days=offset)

    by_title: dict[str, Task] = {}
    for key, index, title, assignee, due, priority, labels, status in content.tasks:
        task = services.task_create(
            actor=owner, project=projects[key], title=title, section=sections[key][index],
            due=when(due), priority=priority, labels=labels, **who(assignee),
        )  # fmt: skip
        if status != Status.TODO:
            services.task_set_status(actor=owner, task=task, status=status)
        by_title[title] = task
    for parent_title, children in content.subtasks.items():
        parent = by_title[parent_title]
        for title, assignee, due, status in children:
            child = services.task_create(
                actor=owner, project=parent.project, title=title, parent=parent,
                section=parent.section, due=when(due), **who(assignee),
            )  # fmt: skip
            if status != Status.TODO:
                services.task_set_status(actor=owner, task=child, status=status)
    waiting, blocker = content.dependency
    services.task_add_dependency(actor=owner, task=by_title[waiting], blocked_by=by_title[blocker])
    for title, email, body in content.comments:
        services.comment_create(actor=people.get(email, owner), task=by_title[title], body=body)
