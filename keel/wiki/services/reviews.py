"""Page owners and review dates: a page due for review becomes a task for its owner.

A page may have a review interval (`review_every_days`); `review_due` is the next date. The
daily job (`create_due_review_tasks`) creates one task per due page in the workspace's
"Wiki reviews" project, through the tasks app's services: assigned to the owner *seat* when
the page is owned by a seat (so whoever holds the seat — or the seat above while it is empty
— does it, and a new holder inherits open reviews without anything moving), else to the
owner. "Mark as reviewed" sets the next date and completes that task; completing the task in
the task list marks the page reviewed too (an `on_task_completed` hook).
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from keel.core.mail import absolute_url
from keel.core.models import Membership, Workspace
from keel.core.services import AuditContext, audit_event, same_workspace
from keel.notifications.services import chat_post
from keel.org.resolution import workspace_fallback
from keel.tasks.models import Project, Status, Task
from keel.wiki.access import EDIT, open_to_staff, require_page
from keel.wiki.models import Page

REVIEW_PROJECT_KEYS = ("WIKI", "WIKIR", "WREV", "KB")


def _review_project(workspace: Workspace, actor: Membership) -> Project:
    """The workspace's "Wiki reviews" project, created (in its language) the first time."""
    from keel.tasks.services import project_create

    existing = (
        Project.objects.in_workspace(workspace)
        .filter(key__in=REVIEW_PROJECT_KEYS, archived_at__isnull=True)
        .order_by("id")
    )
    for project in existing:
        if project.description.startswith("keel:wiki-reviews"):
            return project
    taken = set(Project.objects.in_workspace(workspace).values_list("key", flat=True))
    key = next((k for k in REVIEW_PROJECT_KEYS if k not in taken), None)
    if key is None:  # pragma: no cover - four keys taken by other projects
        key = "WK" + str(len(taken) % 10000)[:4]
    with translation.override(workspace.language or "en"):
        name = _("Wiki reviews")
    return project_create(actor=actor, name=name, key=key,
                          description="keel:wiki-reviews")  # fmt: skip


def _task_title(page: Page) -> str:
    with translation.override(page.workspace.language or "en"):
        return _("Review the wiki page “%(title)s”") % {"title": page.title}


def _open_review(page: Page) -> Task | None:
    if page.review_task_id is None:
        return None
    task = Task.objects.filter(pk=page.review_task_id).first()
    return task if task is not None and task.status != Status.DONE else None


@transaction.atomic
def create_review_task(page: Page) -> Task | None:
    """The review task of a due page (created once; None if it already has an open one)."""
    from keel.tasks.services import task_create

    page = Page.objects.select_for_update().select_related("workspace").get(pk=page.pk)
    if page.archived_at is not None or page.review_due is None or _open_review(page):
        return None
    actor = workspace_fallback(page.workspace_id)
    project = _review_project(page.workspace, actor)
    link = absolute_url(reverse("wiki_page", kwargs={"ws": page.workspace.slug,
                                                     "page_id": page.pk}))  # fmt: skip
    owner = page.owner if page.owner and page.owner.is_active else None
    task = task_create(
        actor=actor, project=project, title=_task_title(page), description=link,
        assignee_seat=page.owner_seat, assignee=None if page.owner_seat else owner,
        due=page.review_due,
    )  # fmt: skip
    page.review_task = task
    page.save(update_fields=["review_task", "updated_at"])
    if open_to_staff(page):
        holder = task.assignee.user.display_name if task.assignee is not None else ""
        chat_post(workspace=page.workspace, topic="wiki.review_due",
                  url=reverse("wiki_page", kwargs={"ws": page.workspace.slug, "page_id": page.pk}),
                  params={"page": page.title, "owner": holder,
                          "due": page.review_due.isoformat()})  # fmt: skip
    return task


def create_due_review_tasks(*, today: date | None = None) -> int:
    """Every live page whose review date has come gets its task (idempotent). Daily job."""
    today = today or timezone.localdate()
    due = Page.objects.filter(
        review_due__lte=today, archived_at__isnull=True, space__archived_at__isnull=True
    ).values_list("pk", flat=True)
    created = 0
    for pk in list(due):
        page = Page.objects.select_related("workspace").get(pk=pk)
        if create_review_task(page) is not None:
            created += 1
    return created


@transaction.atomic
def page_mark_reviewed(
    *, actor: Membership, page: Page, context: AuditContext | None = None
) -> Page:
    """The owner (or any editor) confirms the page is current: next date set, task done."""
    from keel.tasks.services import task_set_status

    same_workspace(actor, page)
    require_page(actor, page, EDIT)
    page = Page.objects.select_for_update().select_related("workspace").get(pk=page.pk)
    task = _open_review(page)
    _reviewed(page)
    audit_event(actor, "wiki.page_reviewed", page, context)
    if task is not None:
        from keel.tasks.access import can_edit_in_project

        # An editor of the page may not be a member of the reviews project (an assistant):
        # the task is closed in the workspace's name then; the audit entry names the actor.
        closer = actor if can_edit_in_project(actor, task.project) else None
        task_set_status(actor=closer or workspace_fallback(page.workspace_id), task=task,
                        status=Status.DONE)  # fmt: skip
    return page


def _reviewed(page: Page) -> None:
    page.reviewed_at = timezone.now()
    days = page.review_every_days
    page.review_due = timezone.localdate() + timedelta(days=days) if days else None
    page.save(update_fields=["reviewed_at", "review_due", "updated_at"])


def on_review_task_completed(*, actor: Membership, task: Task) -> None:
    """Tasks hook: completing a review task in the task list marks its page reviewed."""
    page = Page.objects.filter(review_task_id=task.pk, archived_at__isnull=True).first()
    if page is not None and page.review_due is not None:
        _reviewed(page)
