"""Object-level access to projects and tasks, on top of the role table in core.permissions.

- Owners and admins see every project of the workspace.
- Other staff (managers, members) see projects open to the workspace and the members-only
  projects they were added to; assistants and guests see only projects they were added to.
- Editing tasks: staff on projects they see, assistants on projects they were added to;
  guests read only. Archived projects are read-only until unarchived.
- Managing a project (settings, members, archive): its creator, and managers and above.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from keel.core.models import Role
from keel.core.permissions import ADMINS, MANAGERS, STAFF, has_perm

if TYPE_CHECKING:
    from keel.core.models import Membership
    from keel.tasks.models import Project, Task


def is_project_member(membership: Membership, project: Project) -> bool:
    """Added to the project. Uses `project.member_ids` when a selector annotated it."""
    cached = getattr(project, "_member_ids", None)
    if cached is not None:
        return membership.pk in cached
    return project.memberships.filter(membership_id=membership.pk).exists()


def can_see_project(membership: Membership | None, project: Project) -> bool:
    if membership is None or not has_perm(membership, "tasks.view"):
        return False
    if project.workspace_id != membership.workspace_id:
        return False
    if membership.role in ADMINS:
        return True
    if membership.role in STAFF and project.visibility == "workspace":
        return True
    return is_project_member(membership, project)


def can_edit_in_project(membership: Membership | None, project: Project) -> bool:
    """Create and change tasks, sections and comments in `project`."""
    if membership is None or membership.role == Role.GUEST:
        return False
    if project.archived_at is not None:
        return False
    return can_see_project(membership, project)


def can_edit_task(membership: Membership | None, task: Task) -> bool:
    return can_edit_in_project(membership, task.project)


def can_manage_project(membership: Membership | None, project: Project) -> bool:
    if membership is None or not can_see_project(membership, project):
        return False
    return membership.role in MANAGERS or (
        project.created_by_id is not None and project.created_by_id == membership.pk
    )


def _deny() -> PermissionDenied:
    return PermissionDenied(_("You cannot change this project."))


def require_see_project(membership: Membership, project: Project) -> None:
    if not can_see_project(membership, project):
        raise PermissionDenied(_("You cannot see this project."))


def require_edit_in_project(membership: Membership, project: Project) -> None:
    if not can_edit_in_project(membership, project):
        raise _deny()


def require_manage_project(membership: Membership, project: Project) -> None:
    if not can_manage_project(membership, project):
        raise _deny()
