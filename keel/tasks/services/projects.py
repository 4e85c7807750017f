"""Writes for projects, their members and their sections (board columns).

Every function takes the acting membership first, checks access (keel.tasks.access),
validates before writing, runs in one transaction; project-level changes are audited.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from keel.core.models import Membership
from keel.core.permissions import require
from keel.core.services import (
    AuditContext,
    audit_event,
    move_one_place,
    next_position,
    same_workspace,
)
from keel.core.validators import clean_line, line_problem
from keel.tasks.access import require_edit_in_project, require_manage_project
from keel.tasks.models import Project, ProjectMember, Section, Visibility

if TYPE_CHECKING:
    from keel.accounts.models import Group
    from keel.org.models import Department, Seat

KEY_RE = re.compile(r"^[A-Z]{2,6}$")
PROJECT_FIELDS = ("name", "key", "description", "department", "group", "owner_seat", "visibility")


def _clean_project(
    actor: Membership, project: Project | None, values: dict[str, Any]
) -> dict[str, Any]:
    errors: dict[str, str] = {}
    if "name" in values:
        values["name"] = (values["name"] or "").strip()
        if not values["name"]:
            errors["name"] = _("Give the project a name.")
        elif problem := line_problem(values["name"], max_length=120):
            errors["name"] = problem
    if "key" in values:
        key = (values["key"] or "").strip().upper()
        values["key"] = key
        if not KEY_RE.match(key):
            errors["key"] = _("Use 2–6 letters A–Z, such as MKT.")
        else:
            taken = Project.objects.in_workspace(actor.workspace).filter(key=key)
            if project is not None:
                taken = taken.exclude(pk=project.pk)
            if taken.exists():
                errors["key"] = _("Another project uses %(key)s. Choose another key.") % {
                    "key": key
                }
    if "visibility" in values and values["visibility"] not in Visibility.values:
        errors["visibility"] = _("Choose who can see the project.")
    for field in ("department", "group", "owner_seat"):
        obj = values.get(field)
        if obj is not None and obj.workspace_id != actor.workspace_id:
            errors[field] = _("Choose one of this workspace.")
    if "description" in values:
        values["description"] = values["description"] or ""
    if errors:
        raise ValidationError(errors)
    return values


def _clean_members(actor: Membership, members: Iterable[Membership]) -> list[Membership]:
    result: dict[int, Membership] = {}
    for member in members:
        if member.workspace_id != actor.workspace_id:
            raise ValidationError({"members": _("Choose members of this workspace.")})
        if not member.is_active:
            raise ValidationError({"members": _("People who left cannot be added.")})
        result[member.pk] = member
    return list(result.values())


@transaction.atomic
def project_create(
    *,
    actor: Membership,
    name: str,
    key: str,
    description: str = "",
    department: Department | None = None,
    group: Group | None = None,
    owner_seat: Seat | None = None,
    visibility: str = Visibility.WORKSPACE,
    members: Iterable[Membership] = (),
    context: AuditContext | None = None,
) -> Project:
    """A new project; the creator becomes a member; default sections in the company language
    ("To do", "In progress", "Done"; the last is the Done column)."""
    require(actor, "tasks.project_create")
    values = _clean_project(actor, None, {
        "name": name, "key": key, "description": description, "department": department,
        "group": group, "owner_seat": owner_seat, "visibility": visibility,
    })  # fmt: skip
    people = _clean_members(actor, [actor, *members])
    project = Project.objects.create(workspace=actor.workspace, created_by=actor, **values)
    ProjectMember.objects.bulk_create(
        [ProjectMember(workspace=actor.workspace, project=project, membership=m) for m in people]
    )
    with translation.override(actor.workspace.language):
        names = [_("To do"), _("In progress"), _("Done")]
    Section.objects.bulk_create(
        [
            Section(
                workspace=actor.workspace, project=project, name=n, position=i, done=n == names[-1]
            )
            for i, n in enumerate(names)
        ]
    )
    audit_event(actor, "project.created", project, context, prefix=project.key)
    return project


@transaction.atomic
def project_update(
    *, actor: Membership, project: Project, context: AuditContext | None = None, **fields: Any
) -> Project:
    """Change the given fields among name, key, description, department, group, owner_seat,
    visibility."""
    same_workspace(actor, project)
    require_manage_project(actor, project)
    unknown = set(fields) - set(PROJECT_FIELDS)
    if unknown:
        raise TypeError(f"project_update() got unknown fields: {sorted(unknown)}")
    values = _clean_project(actor, project, dict(fields))
    changed = [f for f, v in values.items() if getattr(project, f) != v]
    if not changed:
        return project
    for field in changed:
        setattr(project, field, values[field])
    project.save(update_fields=[*changed, "updated_at"])
    audit_event(actor, "project.updated", project, context, fields=sorted(changed))
    return project


@transaction.atomic
def project_archive(
    *, actor: Membership, project: Project, archived: bool, context: AuditContext | None = None
) -> Project:
    same_workspace(actor, project)
    require_manage_project(actor, project)
    if archived == (project.archived_at is not None):
        return project
    project.archived_at = timezone.now() if archived else None
    project.save(update_fields=["archived_at", "updated_at"])
    action = "project.archived" if archived else "project.unarchived"
    audit_event(actor, action, project, context)
    return project


@transaction.atomic
def project_set_members(
    *,
    actor: Membership,
    project: Project,
    members: Iterable[Membership],
    context: AuditContext | None = None,
) -> list[Membership]:
    """Make the project's members exactly `members`."""
    same_workspace(actor, project)
    require_manage_project(actor, project)
    people = _clean_members(actor, members)
    wanted = {m.pk for m in people}
    current = set(project.memberships.values_list("membership_id", flat=True))
    project.memberships.exclude(membership_id__in=wanted).delete()
    ProjectMember.objects.bulk_create(
        [
            ProjectMember(workspace=actor.workspace, project=project, membership=m)
            for m in people
            if m.pk not in current
        ]
    )
    if wanted != current:
        audit_event(actor, "project.members_changed", project, context,
                    added=sorted(wanted - current), removed=sorted(current - wanted))  # fmt: skip
    return people


# --- Sections ---------------------------------------------------------------------------------


def _clean_section_name(name: str) -> str:
    return clean_line(name, field="name", max_length=80, required=_("Give the section a name."))


@transaction.atomic
def section_create(*, actor: Membership, project: Project, name: str) -> Section:
    same_workspace(actor, project)
    require_edit_in_project(actor, project)
    name = _clean_section_name(name)
    return Section.objects.create(
        workspace=actor.workspace, project=project, name=name,
        position=next_position(project.sections.all()),
    )  # fmt: skip


@transaction.atomic
def section_update(
    *, actor: Membership, section: Section, name: str, done: bool | None = None
) -> Section:
    """Rename the section; `done`: make it the project's Done column (True; the project's
    previous one becomes an ordinary column) or an ordinary one (False). Cards already in
    it keep their status: only moves and status changes from now on follow the column."""
    same_workspace(actor, section)
    require_edit_in_project(actor, section.project)
    section.name = _clean_section_name(name)
    fields = ["name", "updated_at"]
    if done is not None and done != section.done:
        if done:
            Section.objects.filter(project=section.project, done=True).update(done=False)
        section.done = done
        fields.append("done")
    section.save(update_fields=fields)
    return section


@transaction.atomic
def section_delete(*, actor: Membership, section: Section) -> None:
    """Delete a column; its tasks stay in the project without a section."""
    same_workspace(actor, section)
    require_edit_in_project(actor, section.project)
    section.tasks.update(section=None, updated_at=timezone.now())
    section.delete()


@transaction.atomic
def section_move(*, actor: Membership, section: Section, direction: str) -> Section:
    """Swap the section with its neighbour above ("up") or below ("down")."""
    same_workspace(actor, section)
    require_edit_in_project(actor, section.project)
    if direction not in {"up", "down"}:
        raise ValidationError({"direction": _("Move a section up or down.")})
    sections = list(section.project.sections.select_for_update().order_by("position", "id"))
    changed = move_one_place(sections, section, direction)
    if changed:
        Section.objects.bulk_update(changed, ["position"])
    return section
