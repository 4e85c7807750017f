"""Tasks in the search index (keel.search's registry): title and description, one ACL scope
per project ("project:<id>"), so a member finds exactly the tasks of the projects they may
open (`selectors.visible_projects`, the rule of `get_task_for`) and a change of who may open
a project needs no re-indexing.

Registered from wiring.connect(); the task services call `index_tasks_later` after writes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from keel.search.registry import SearchDoc, SearchProvider, index_later
from keel.tasks.models import Task

if TYPE_CHECKING:
    from collections.abc import Iterable

    from keel.core.models import Membership, Workspace

KIND = "task"
_MARKUP = re.compile(r"[*_`#>\[\]()|~]+")


def _plain(markdown: str) -> str:
    """Description text without Markdown punctuation, for matching and snippets."""
    return _MARKUP.sub(" ", markdown)


def task_documents(workspace: Workspace, ids: Sequence[int] | None) -> Iterator[SearchDoc]:
    """The search documents of `ids` (every task when None): one query, streamed."""
    rows = Task.objects.in_workspace(workspace).only(
        "pk", "title", "description", "number", "project_id", "assignee_id", "updated_at"
    )
    if ids is not None:
        rows = rows.filter(pk__in=list(ids))
    template = reverse("task_detail", kwargs={"ws": workspace.slug, "task_id": 999999999})
    for task in rows.order_by("pk").iterator(chunk_size=1000):
        yield SearchDoc(
            object_id=task.pk,
            title=task.title,
            body=_plain(task.description),
            url=template.replace("999999999", str(task.pk)),
            scope=f"project:{task.project_id}",
            updated_at=task.updated_at,
            owner_id=task.assignee_id,
            facets={"project": str(task.project_id)},
        )


def task_scopes(membership: Membership) -> set[str]:
    """The projects `membership` may open, archived ones included (as `get_task_for`)."""
    from keel.tasks.selectors import visible_projects

    pks = visible_projects(membership, include_archived=True).values_list("pk", flat=True)
    return {f"project:{pk}" for pk in pks}


def task_count(workspace: Workspace) -> int:
    return Task.objects.in_workspace(workspace).count()


TASK_SEARCH = SearchProvider(
    kind=KIND,
    label=_("Tasks"),
    documents_for=task_documents,
    visible_scopes=task_scopes,
    order=20,
    count_for=task_count,
)


def index_tasks_later(tasks: Iterable[Task | int], workspace_id: int) -> None:
    """Re-index these tasks after commit (created, edited, moved or deleted: a deleted task
    is dropped from the index because it no longer exists)."""
    index_later(KIND, (t if isinstance(t, int) else t.pk for t in tasks), workspace_id)
