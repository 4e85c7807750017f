"""Saved filters of the project list: a name for the list's filter and sort params.

Rules (on top of keel/tasks/access.py):
- Saving a private filter: anyone who can see the project (guests included: it is their own
  view of what they may read).
- Sharing a filter (it then shows for everyone who sees the project): only those who may edit
  tasks in it (staff who see it, assistants added to it; not guests, not while archived) —
  a shared filter changes what others see, like adding a task would.
- Deleting: the person who saved it, always; someone else's shared filter, whoever manages
  the project (its creator, managers and above); nobody deletes another person's private one.
Names are required, at most 80 characters and unique per project and person (ignoring case).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from keel.core.permissions import MANAGERS
from keel.core.services import AuditContext, audit_event, same_workspace
from keel.tasks.access import can_edit_in_project, can_manage_project, require_see_project
from keel.tasks.models import SavedFilter

if TYPE_CHECKING:
    from keel.core.models import Membership
    from keel.tasks.models import Project

# The list's filter params (TaskFilterForm.PARAMS) and its sort; cursors are never kept.
SAVED_PARAMS = ("q", "assignee", "label", "status", "due_from", "due_to", "group", "sort")
MAX_NAME = 80  # SavedFilter.name's max_length
MAX_VALUE = 200  # the longest filter field (the text search)


def can_share_filter(actor: Membership, project: Project) -> bool:
    return can_edit_in_project(actor, project)


def can_delete_saved_filter(
    actor: Membership, saved_filter: SavedFilter, *, manages_project: bool | None = None
) -> bool:
    """`manages_project`: `can_manage_project(actor, saved_filter.project)` when the caller
    already knows it (the list page does), so a page of filters costs no extra query."""
    if saved_filter.workspace_id != actor.workspace_id:
        return False
    if saved_filter.owner_id == actor.pk:
        return True
    if not saved_filter.shared:
        return False
    if saved_filter.project_id is None:  # a workspace-wide filter: no project to manage
        return actor.role in MANAGERS
    if manages_project is None:
        project = saved_filter.project
        manages_project = project is not None and can_manage_project(actor, project)
    return manages_project


def _clean_params(query: Mapping[str, Any]) -> dict[str, str]:
    params = {}
    for key in SAVED_PARAMS:
        value = str(query.get(key) or "").strip()
        if not value:
            continue
        if len(value) > MAX_VALUE:
            raise ValidationError(_("This filter is too long to save. Shorten the search text."))
        params[key] = value
    if not params:
        raise ValidationError(_("Filter or sort the list first, then save it."))
    return params


@transaction.atomic
def saved_filter_save(
    *,
    actor: Membership,
    project: Project,
    name: str,
    query: Mapping[str, Any],
    shared: bool = False,
    context: AuditContext | None = None,
) -> SavedFilter:
    """Save the list's current filter (`query`: its GET params; unknown keys are dropped)."""
    same_workspace(actor, project)
    require_see_project(actor, project)
    if shared and not can_share_filter(actor, project):
        raise PermissionDenied(_("Only people who can edit tasks in this project share filters."))
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Give the filter a name.")})
    if len(name) > MAX_NAME:
        raise ValidationError({"name": _("Use at most 80 characters.")})
    # Checked here, not by a constraint: a double submit at the same instant can still make
    # two, which costs nothing worse than a duplicate the person can delete.
    taken = SavedFilter.objects.in_workspace(actor.workspace).filter(
        project=project, owner=actor, name__iexact=name
    )
    if taken.exists():
        raise ValidationError(
            {"name": _("You already have a filter named “%(name)s” here. Choose another name.")
             % {"name": name}}
        )  # fmt: skip
    params = _clean_params(query)
    saved = SavedFilter.objects.create(
        workspace=actor.workspace, owner=actor, project=project, name=name, params=params,
        shared=bool(shared),
    )  # fmt: skip
    audit_event(
        actor, "saved_filter.created", saved, context,
        project_id=project.pk, shared=saved.shared, params=params,
    )  # fmt: skip
    return saved


@transaction.atomic
def saved_filter_delete(
    *, actor: Membership, saved_filter: SavedFilter, context: AuditContext | None = None
) -> None:
    same_workspace(actor, saved_filter)
    if not can_delete_saved_filter(actor, saved_filter):
        raise PermissionDenied(
            _("Only the person who saved this filter or the project's managers can delete it.")
        )
    audit_event(
        actor, "saved_filter.deleted", saved_filter, context,
        project_id=saved_filter.project_id, shared=saved_filter.shared,
        owner_id=saved_filter.owner_id,
    )  # fmt: skip
    saved_filter.delete()
