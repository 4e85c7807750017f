"""API routes for projects, tasks and comments (status updates live in api_planning.py).

Thin like the pages: resolve the caller's membership from the URL, fetch objects through the
selectors (404 for other workspaces and invisible projects), call one service, return a
schema. Service field errors are renamed to the API's field names (`assignee` →
`assignee_id`…) so a 422 points at the field that was sent.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Status

from keel.accounts.models import Group
from keel.core.api_support import (
    ERROR_RESPONSES,
    Id,
    Page,
    PageParams,
    api_field_names,
    page_schema,
    paginate,
    workspace_membership,
)
from keel.core.models import Membership
from keel.core.permissions import require
from keel.core.services import AuditContext
from keel.org.models import Department, Seat
from keel.tasks import selectors, services
from keel.tasks.api.schemas import (
    CommentIn,
    CommentOut,
    ProjectIn,
    ProjectOut,
    ProjectPatchIn,
    TaskIn,
    TaskOut,
    TaskPatchIn,
)
from keel.tasks.models import Comment, Project, Section, Task

router = Router(tags=["tasks"])

WS = "/workspaces/{slug}"
API_FIELD = {
    "assignee": "assignee_id",
    "assignee_seat": "assignee_seat_id",
    "section": "section_id",
    "parent": "parent_id",
    "followers": "follower_ids",
    "members": "member_ids",
    "department": "department_id",
    "group": "group_id",
    "owner_seat": "owner_seat_id",
    "blocked_by": "blocked_by_id",
}


def _lookup(membership: Membership, model: Any, pk: int | None, field: str) -> Any:
    """The workspace's object `pk` for a body field, or a 422 on that field."""
    if pk is None:
        return None
    obj = model.objects.filter(workspace_id=membership.workspace_id, pk=pk).first()
    if obj is None:
        raise ValidationError({field: _("Nothing with id %(id)s here.") % {"id": pk}})
    return obj


def _members(membership: Membership, ids: list[int], field: str) -> list[Membership]:
    wanted = set(ids)
    found = list(
        Membership.objects.filter(workspace_id=membership.workspace_id, pk__in=wanted)
        .select_related("user", "workspace")
    )  # fmt: skip
    if len(found) != len(wanted):
        unknown = sorted(wanted - {m.pk for m in found})
        raise ValidationError(
            {field: _("Not members of this workspace: %(ids)s") % {
                "ids": ", ".join(map(str, unknown))}}
        )  # fmt: skip
    return found


def _when(value: str | None, field: str) -> datetime.date | datetime.datetime | None:
    if value is None or value == "":
        return None
    try:
        if len(value) <= 10:
            return datetime.date.fromisoformat(value)
        parsed = datetime.datetime.fromisoformat(value)
    except ValueError as exc:
        raise ValidationError({field: _("Enter a date or an ISO 8601 date-time.")}) from exc
    if parsed.tzinfo is None:
        raise ValidationError({field: _("Give the time with its offset, e.g. +08:00.")})
    return parsed


def _task_out(membership: Membership, pk: int) -> Task:
    task = selectors.get_task_for(membership, pk)
    selectors.attach_assignees([task])
    return task


# --- Projects -------------------------------------------------------------------------------


@router.get(f"{WS}/projects", response={200: page_schema(ProjectOut), **ERROR_RESPONSES})
def project_list(
    request: HttpRequest, slug: str, params: Query[PageParams], include_archived: bool = False
) -> Page[Project]:
    """Projects the caller can see, by name."""
    membership = workspace_membership(request, slug)
    require(membership, "tasks.view")
    projects = selectors.visible_projects(membership, include_archived=include_archived)
    return paginate(projects, params, order_by="name")


@router.post(f"{WS}/projects", response={201: ProjectOut, **ERROR_RESPONSES})
def project_create(request: HttpRequest, slug: str, payload: ProjectIn) -> Status[Project]:
    membership = workspace_membership(request, slug)
    require(membership, "tasks.project_create")
    with api_field_names(API_FIELD):
        project = services.project_create(
            actor=membership, name=payload.name, key=payload.key,
            description=payload.description, visibility=payload.visibility.value,
            department=_lookup(membership, Department, payload.department_id, "department_id"),
            group=_lookup(membership, Group, payload.group_id, "group_id"),
            owner_seat=_lookup(membership, Seat, payload.owner_seat_id, "owner_seat_id"),
            members=_members(membership, payload.member_ids, "member_ids"),
            context=AuditContext.from_request(request),
        )  # fmt: skip
    return Status(201, project)


@router.get(f"{WS}/projects/{{project_id}}", response={200: ProjectOut, **ERROR_RESPONSES})
def project_detail(request: HttpRequest, slug: str, project_id: int) -> Project:
    membership = workspace_membership(request, slug)
    return selectors.get_project_for(membership, project_id)


@router.patch(f"{WS}/projects/{{project_id}}", response={200: ProjectOut, **ERROR_RESPONSES})
def project_update(
    request: HttpRequest, slug: str, project_id: int, payload: ProjectPatchIn
) -> Project:
    """Change the fields sent; `archived` archives or restores; `member_ids` sets members."""
    membership = workspace_membership(request, slug)
    project = selectors.get_project_for(membership, project_id)
    sent = payload.model_fields_set
    fields: dict[str, Any] = {}
    for name in ("name", "key", "description"):
        if name in sent and getattr(payload, name) is not None:
            fields[name] = getattr(payload, name)
    if "visibility" in sent and payload.visibility is not None:
        fields["visibility"] = payload.visibility.value
    for name, model in (("department", Department), ("group", Group), ("owner_seat", Seat)):
        if f"{name}_id" in sent:
            fields[name] = _lookup(membership, model, getattr(payload, f"{name}_id"), f"{name}_id")
    with api_field_names(API_FIELD):
        if fields:
            services.project_update(
                actor=membership,
                project=project,
                context=AuditContext.from_request(request),
                **fields,
            )
        if "member_ids" in sent and payload.member_ids is not None:
            services.project_set_members(
                actor=membership, project=project, context=AuditContext.from_request(request),
                members=_members(membership, payload.member_ids, "member_ids"),
            )  # fmt: skip
        if "archived" in sent and payload.archived is not None:
            services.project_archive(
                actor=membership,
                project=project,
                archived=payload.archived,
                context=AuditContext.from_request(request),
            )
    return selectors.get_project_for(membership, project_id)


# --- Tasks ----------------------------------------------------------------------------------


class TaskListParams(PageParams):
    project: Id | None = Field(None, description="A project id.")
    assignee: Id | None = Field(
        None,
        description="A membership id: their work, assigned to them or to a seat that resolves "
        "to them now (as the workload page counts it).",
    )
    assignee_seat: Id | None = Field(None, description="A seat id.")
    status: str | None = Field(
        None, description="todo, in_progress, blocked, done, or open; comma-separated."
    )
    label: str | None = Field(None, description="A label name.")
    due_from: datetime.date | None = None
    due_to: datetime.date | None = None
    q: str | None = Field(None, max_length=200, description="Text in the title, or KEY-42.")
    sort: str = Field(
        "number", description="number, due_date, priority, updated or position; '-' descends."
    )


@router.get(f"{WS}/tasks", response={200: page_schema(TaskOut), **ERROR_RESPONSES})
def task_list(request: HttpRequest, slug: str, params: Query[TaskListParams]) -> dict[str, Any]:
    """Tasks of one project (or every project the caller can see), keyset-paginated."""
    membership = workspace_membership(request, slug)
    require(membership, "tasks.view")
    project = selectors.get_project_for(membership, params.project) if params.project else None
    if params.sort.lstrip("-") not in selectors.SORT_FIELDS:
        raise ValidationError(
            {"sort": _("Sort by number, due_date, priority, updated or position.")}
        )
    filters = selectors.TaskFilters(
        assignee=params.assignee, assignee_seat=params.assignee_seat, label=params.label,
        status=[s.strip() for s in params.status.split(",")] if params.status else None,
        due_from=params.due_from, due_to=params.due_to, text=params.q or "",
    )  # fmt: skip
    page = selectors.tasks_for_list(
        membership=membership, project=project, filters=filters, sort=params.sort,
        cursor=params.cursor, limit=params.limit or 50,
    )  # fmt: skip
    return {"items": page.items, "next_cursor": page.next_cursor}


@router.post(f"{WS}/tasks", response={201: TaskOut, **ERROR_RESPONSES})
def task_create(request: HttpRequest, slug: str, payload: TaskIn) -> Status[Task]:
    membership = workspace_membership(request, slug)
    project = selectors.get_project_for(membership, payload.project_id)
    with api_field_names(API_FIELD):
        task = services.task_create(
            actor=membership, project=project, title=payload.title,
            description=payload.description,
            section=_lookup(membership, Section, payload.section_id, "section_id"),
            assignee=_lookup(membership, Membership, payload.assignee_id, "assignee_id"),
            assignee_seat=_lookup(membership, Seat, payload.assignee_seat_id, "assignee_seat_id"),
            start=_when(payload.start, "start"), due=_when(payload.due, "due"),
            priority=int(payload.priority), labels=payload.labels,
            parent=_lookup(membership, Task, payload.parent_id, "parent_id"),
            followers=_members(membership, payload.follower_ids, "follower_ids"),
            context=AuditContext.from_request(request),
        )  # fmt: skip
    return Status(201, _task_out(membership, task.pk))


@router.get(f"{WS}/tasks/{{task_id}}", response={200: TaskOut, **ERROR_RESPONSES})
def task_detail(request: HttpRequest, slug: str, task_id: int) -> Task:
    membership = workspace_membership(request, slug)
    return _task_out(membership, task_id)


@router.patch(f"{WS}/tasks/{{task_id}}", response={200: TaskOut, **ERROR_RESPONSES})
def task_update(request: HttpRequest, slug: str, task_id: int, payload: TaskPatchIn) -> Task:
    """Change the fields sent; `null` clears assignee, seat, section, parent and dates."""
    membership = workspace_membership(request, slug)
    task = selectors.get_task_for(membership, task_id)
    sent = payload.model_fields_set
    changes: dict[str, Any] = {}
    for name in ("title", "description", "labels"):
        if name in sent and getattr(payload, name) is not None:
            changes[name] = getattr(payload, name)
    if "priority" in sent and payload.priority is not None:
        changes["priority"] = int(payload.priority)
    if "status" in sent and payload.status is not None:
        changes["status"] = payload.status.value
    lookups: dict[str, Any] = {
        "section": Section, "assignee": Membership, "assignee_seat": Seat, "parent": Task,
    }  # fmt: skip
    for name, model in lookups.items():
        if f"{name}_id" in sent:
            changes[name] = _lookup(membership, model, getattr(payload, f"{name}_id"), f"{name}_id")
    for name in ("start", "due"):
        if name in sent:
            changes[name] = _when(getattr(payload, name), name)
    if "follower_ids" in sent and payload.follower_ids is not None:
        changes["followers"] = _members(membership, payload.follower_ids, "follower_ids")
    with api_field_names(API_FIELD):
        services.task_update(
            actor=membership, task=task, changes=services.TaskChanges(**changes),
            context=AuditContext.from_request(request),
        )  # fmt: skip
    return _task_out(membership, task_id)


@router.post(f"{WS}/tasks/{{task_id}}/complete", response={200: TaskOut, **ERROR_RESPONSES})
def task_complete(request: HttpRequest, slug: str, task_id: int) -> Task:
    """Mark the task done (a recurring task then gets its next occurrence)."""
    membership = workspace_membership(request, slug)
    task = selectors.get_task_for(membership, task_id)
    services.task_set_status(
        actor=membership, task=task, status="done", context=AuditContext.from_request(request)
    )
    return _task_out(membership, task_id)


@router.delete(f"{WS}/tasks/{{task_id}}", response={204: None, **ERROR_RESPONSES})
def task_delete(request: HttpRequest, slug: str, task_id: int) -> Status[None]:
    membership = workspace_membership(request, slug)
    task = selectors.get_task_for(membership, task_id)
    services.task_delete(actor=membership, task=task, context=AuditContext.from_request(request))
    return Status(204, None)


# --- Comments -------------------------------------------------------------------------------


def _comments(task: Task) -> QuerySet[Comment]:
    return Comment.objects.filter(task=task).select_related("author__user")


@router.get(
    f"{WS}/tasks/{{task_id}}/comments", response={200: page_schema(CommentOut), **ERROR_RESPONSES}
)
def comment_list(
    request: HttpRequest, slug: str, task_id: int, params: Query[PageParams]
) -> Page[Comment]:
    """The task's comments, oldest first."""
    membership = workspace_membership(request, slug)
    task = selectors.get_task_for(membership, task_id)
    return paginate(_comments(task), params, order_by="created_at")


@router.post(f"{WS}/tasks/{{task_id}}/comments", response={201: CommentOut, **ERROR_RESPONSES})
def comment_create(
    request: HttpRequest, slug: str, task_id: int, payload: CommentIn
) -> Status[Comment]:
    """Comment; `@local-part` or `@[Full Name]` mentions notify those members."""
    membership = workspace_membership(request, slug)
    task = selectors.get_task_for(membership, task_id)
    comment = services.comment_create(
        actor=membership, task=task, body=payload.body, context=AuditContext.from_request(request)
    )
    return Status(201, _comments(task).get(pk=comment.pk))
