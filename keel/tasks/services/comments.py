"""Comments with @mentions.

Mention rule (documented for the comment box, which autocompletes it): `@` followed by the
local part of the member's email (`@zhang.min` for zhang.min@demo.example), or `@[Full Name]`
for a name with spaces or Chinese characters (`@[王芳]`). Matching is case-insensitive and
only active members who can see the project are mentioned; they are notified
("task.mentioned", in-app and email) and become followers. The other followers get
"task.commented" (in-app by default). Notifications are a delivery service any module may
use, like core.
"""

from __future__ import annotations

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from keel.core.models import Membership
from keel.core.permissions import MANAGERS
from keel.core.services import AuditContext, same_workspace
from keel.notifications.services import chat_notify, notify
from keel.tasks.access import can_see_project, require_edit_in_project
from keel.tasks.markdown import render_markdown
from keel.tasks.models import Comment, Task, TaskFollower, Visibility
from keel.tasks.services._common import display_name, task_path
from keel.tasks.services.task_fields import add_followers

MAX_COMMENT = 10_000
# `@local.part` not preceded by a word character (so emails in the text are not mentions).
_HANDLE_RE = re.compile(r"(?<![\w@.])@([A-Za-z0-9][A-Za-z0-9._%+-]{0,63})")
_NAME_RE = re.compile(r"(?<![\w@])@\[([^\[\]\n]{1,120})\]")


def mention_handles(body: str) -> tuple[set[str], set[str]]:
    """(email local parts, full names) mentioned in `body`, lower-cased."""
    handles = {m.group(1).rstrip(".").lower() for m in _HANDLE_RE.finditer(body)}
    names = {m.group(1).strip().lower() for m in _NAME_RE.finditer(body)}
    return handles, names


def plain_mentions(body: str) -> str:
    """`body` with `@[Full Name]` written as `@Full Name`, as a notification preview reads."""
    return _NAME_RE.sub(lambda m: "@" + m.group(1).strip(), body)


def mentioned_members(task: Task, body: str) -> list[Membership]:
    """Active members who can see the task's project and are mentioned in `body`."""
    handles, names = mention_handles(body)
    if not handles and not names:
        return []
    candidates = Membership.objects.active().filter(workspace_id=task.workspace_id)
    found = []
    for member in candidates.select_related("user", "workspace"):
        local = member.user.email.split("@", 1)[0].lower()
        full = (member.user.full_name or "").strip().lower()
        if (local in handles or (full and full in names)) and can_see_project(member, task.project):
            found.append(member)
    return found


@transaction.atomic
def comment_create(
    *, actor: Membership, task: Task, body: str, context: AuditContext | None = None
) -> Comment:
    same_workspace(actor, task)
    require_edit_in_project(actor, task.project)
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": _("Write a comment first.")})
    if len(body) > MAX_COMMENT:
        raise ValidationError({"body": _("Use at most 10,000 characters.")})
    comment = Comment.objects.create(
        workspace=actor.workspace, task=task, author=actor, body=body,
        body_html=render_markdown(body),
    )  # fmt: skip
    mentioned = [m for m in mentioned_members(task, body) if m.pk != actor.pk]
    previous = set(TaskFollower.objects.filter(task=task).values_list("membership_id", flat=True))
    add_followers(task, [actor, *mentioned])
    url = task_path(task)
    params = {"actor": display_name(actor), "task": str(task)}
    preview = plain_mentions(body)[:500]
    public = task.project.visibility == Visibility.WORKSPACE  # a chat never hears of the rest
    for person in mentioned:
        notify(recipient=person, kind="task.mentioned", params=params, body=preview, url=url)
        if public:
            chat_notify(recipient=person, kind="task.mentioned", params=params, url=url)
    skip = {actor.pk} | {m.pk for m in mentioned}
    followers = (
        Membership.objects.active()
        .filter(pk__in=previous - skip)
        .select_related("user", "workspace")
    )
    for person in followers:
        if not can_see_project(person, task.project):
            continue
        notify(recipient=person, kind="task.commented", params=params, body=preview, url=url)
    return comment


@transaction.atomic
def comment_delete(*, actor: Membership, comment: Comment) -> None:
    """The author, or a manager and above, may delete a comment."""
    same_workspace(actor, comment)
    require_edit_in_project(actor, comment.task.project)
    if comment.author_id != actor.pk and actor.role not in MANAGERS:
        raise PermissionDenied(_("Only the author can delete this comment."))
    comment.delete()
