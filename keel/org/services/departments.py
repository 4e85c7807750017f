"""Writes for departments: create, rename/move/recolour, reorder, delete, and the
e-commerce template.

Every function takes the acting membership first, checks `org.manage`, validates everything
before writing (so a refused change saves nothing), runs in one transaction and audits.
Errors a user can fix are `ValidationError({field: message})`.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
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
from keel.core.validators import line_problem
from keel.org.models import DEPARTMENT_COLOURS, Department, Seat
from keel.org.templates_data import ECOMMERCE_DEPARTMENTS

# --- Departments -----------------------------------------------------------------------------


def _department_parents(workspace_id: int) -> dict[int, int | None]:
    rows = Department.objects.filter(workspace_id=workspace_id).values_list("id", "parent_id")
    return dict(rows)


def _check_department(
    actor: Membership, *, department: Department | None, name: str, parent: Department | None,
    colour: int,
) -> dict[str, str]:  # fmt: skip
    errors: dict[str, str] = {}
    ws_id = actor.workspace_id
    if not name:
        errors["name"] = _("Give the department a name.")
    elif problem := line_problem(name, max_length=80):
        errors["name"] = problem
    if parent is not None:
        if parent.workspace_id != ws_id:
            errors["parent"] = _("Choose a department of this workspace.")
        elif department is not None and department.pk is not None:
            parents = _department_parents(ws_id)
            current: int | None = parent.pk
            seen: set[int] = set()
            while current is not None and current not in seen:
                if current == department.pk:
                    errors["parent"] = _(
                        "A department cannot be part of itself or of one of its sub-departments."
                    )
                    break
                seen.add(current)
                current = parents.get(current)
    if "name" not in errors and "parent" not in errors:
        siblings = Department.objects.filter(workspace_id=ws_id, parent=parent, name__iexact=name)
        if department is not None and department.pk is not None:
            siblings = siblings.exclude(pk=department.pk)
        if siblings.exists():
            errors["name"] = _("There is already a department called “%(name)s” here.") % {
                "name": name
            }
    if not 1 <= colour <= DEPARTMENT_COLOURS:
        errors["colour"] = _("Choose one of the %(n)s colours.") % {"n": DEPARTMENT_COLOURS}
    return errors


def _next_position(workspace_id: int, parent: Department | None) -> int:
    return next_position(Department.objects.filter(workspace_id=workspace_id, parent=parent))


@transaction.atomic
def department_create(
    *, actor: Membership, name: str, parent: Department | None = None, colour: int | None = None,
    context: AuditContext | None = None,
) -> Department:  # fmt: skip
    require(actor, "org.manage")
    name = name.strip()
    if colour is None:
        count = Department.objects.filter(workspace_id=actor.workspace_id).count()
        colour = count % DEPARTMENT_COLOURS + 1
    errors = _check_department(actor, department=None, name=name, parent=parent, colour=colour)
    if errors:
        raise ValidationError(errors)
    department = Department.objects.create(
        workspace=actor.workspace, name=name, parent=parent, colour=colour,
        position=_next_position(actor.workspace_id, parent),
    )  # fmt: skip
    audit_event(actor, "department.created", department, context, name=name)
    return department


@transaction.atomic
def department_update(
    *, actor: Membership, department: Department, name: str, parent: Department | None,
    colour: int, context: AuditContext | None = None,
) -> Department:  # fmt: skip
    """Rename, move under another department, or recolour."""
    require(actor, "org.manage")
    same_workspace(actor, department)
    name = name.strip()
    errors = _check_department(
        actor, department=department, name=name, parent=parent, colour=colour
    )
    if errors:
        raise ValidationError(errors)
    old_name, old_parent = department.name, department.parent_id
    fields = ["name", "parent", "colour", "updated_at"]
    if (parent.pk if parent else None) != old_parent:
        department.position = _next_position(actor.workspace_id, parent)
        fields.append("position")
    department.name, department.parent, department.colour = name, parent, colour
    department.save(update_fields=fields)
    audit_event(actor, "department.updated", department, context, old_name=old_name, name=name)
    return department


@transaction.atomic
def department_move(
    *, actor: Membership, department: Department, direction: str,
    context: AuditContext | None = None,
) -> Department:  # fmt: skip
    """Move one place up or down among its siblings (no-op at either end)."""
    require(actor, "org.manage")
    same_workspace(actor, department)
    if direction not in {"up", "down"}:
        raise ValidationError({"direction": _("Move a department up or down.")})
    siblings = list(
        Department.objects.filter(
            workspace_id=actor.workspace_id, parent_id=department.parent_id
        ).order_by("position", "name", "id")
    )
    changed = move_one_place(siblings, department, direction)
    if changed:
        Department.objects.bulk_update(changed, ["position"])
        audit_event(actor, "department.moved", department, context, direction=direction)
    return department


@transaction.atomic
def department_delete(
    *, actor: Membership, department: Department, context: AuditContext | None = None
) -> None:
    """Delete an empty department; one with seats or sub-departments is refused."""
    require(actor, "org.manage")
    same_workspace(actor, department)
    problems = []
    if Seat.objects.filter(workspace_id=actor.workspace_id, department=department).exists():
        problems.append(
            _("“%(name)s” still has seats. Move them to another department or delete them first.")
            % {"name": department.name}
        )
    if Department.objects.filter(workspace_id=actor.workspace_id, parent=department).exists():
        problems.append(
            _("“%(name)s” still has sub-departments. Move or delete them first.")
            % {"name": department.name}
        )
    if problems:
        raise ValidationError(problems)
    audit_event(actor, "department.deleted", department, context, name=department.name)
    department.delete()


@transaction.atomic
def department_template_apply(
    *, actor: Membership, context: AuditContext | None = None
) -> list[Department]:
    """Add the e-commerce departments, named in the workspace's language.

    Names the workspace already has at the top level are skipped, so applying twice adds
    nothing. Returns the departments created.
    """
    require(actor, "org.manage")
    workspace = actor.workspace
    with translation.override(workspace.language):
        wanted = [(str(name), colour) for _key, name, colour in ECOMMERCE_DEPARTMENTS]
    existing = {
        n.lower()
        for n in Department.objects.filter(workspace=workspace, parent__isnull=True).values_list(
            "name", flat=True
        )
    }
    position = _next_position(workspace.pk, None)
    created = []
    for name, colour in wanted:
        if name.lower() in existing:
            continue
        created.append(
            Department.objects.create(
                workspace=workspace, name=name, colour=colour, position=position
            )
        )
        position += 1
    if created:
        audit_event(actor, "department.template_applied", None, context,
                    names=[d.name for d in created])  # fmt: skip
    return created
