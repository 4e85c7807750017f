"""Writes for spaces and access: create, edit, archive a space; grant and revoke access on a
space or a restricted page. Managers of the workspace create spaces; a space's own managers
(and owners/admins) edit it and its grants.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from keel.accounts.models import Group
from keel.core.models import Membership
from keel.core.permissions import require
from keel.core.services import AuditContext, audit_event, next_position, same_workspace
from keel.core.validators import line_problem
from keel.org.models import Department, Seat
from keel.wiki.access import MANAGE, require_page, require_space, restrictions_changed
from keel.wiki.models import Grant, Level, Page, Space, SpaceKind, StaffLevel

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# What all staff get by default, per kind of space (the owner may change it).
DEFAULT_STAFF_LEVEL = {
    SpaceKind.COMPANY: StaffLevel.EDIT,
    SpaceKind.DEPARTMENT: StaffLevel.READ,
    SpaceKind.PRIVATE: StaffLevel.NONE,
}


def _clean(
    actor: Membership, *, name: str, slug: str, kind: str, description: str,
    department: Department | None, staff_level: str | None, space: Space | None = None,
) -> dict[str, object]:  # fmt: skip
    errors: dict[str, str] = {}
    name = " ".join((name or "").split())
    slug = (slug or "").strip().lower()
    if not name:
        errors["name"] = _("Give the space a name.")
    elif problem := line_problem(name, max_length=80):
        errors["name"] = problem
    if not SLUG_RE.match(slug) or len(slug) > 40:
        errors["slug"] = _("Use lowercase letters, digits and dashes (at most 40), e.g. buying.")
    elif (
        Space.objects.in_workspace(actor.workspace)
        .filter(slug=slug)
        .exclude(pk=space.pk if space else 0)
        .exists()
    ):
        errors["slug"] = _("Another space already uses this address.")
    if kind not in SpaceKind.values:
        errors["kind"] = _("Choose company-wide, a department or private.")
    if kind == SpaceKind.DEPARTMENT and department is None:
        errors["department"] = _("Choose the department this space belongs to.")
    if len(description or "") > 300:
        errors["description"] = _("Use at most 300 characters.")
    if staff_level is not None and staff_level not in StaffLevel.values:
        errors["staff_level"] = _("Choose what all staff may do.")
    if errors:
        raise ValidationError(errors)
    same_workspace(actor, department)
    return {
        "name": name, "slug": slug, "kind": kind, "description": (description or "").strip(),
        "department": department if kind == SpaceKind.DEPARTMENT else None,
        "staff_level": staff_level or DEFAULT_STAFF_LEVEL[SpaceKind(kind)],
    }  # fmt: skip


@transaction.atomic
def space_create(
    *,
    actor: Membership,
    name: str,
    slug: str,
    kind: str = SpaceKind.COMPANY,
    description: str = "",
    department: Department | None = None,
    group: Group | None = None,
    staff_level: str | None = None,
    context: AuditContext | None = None,
) -> Space:
    """A new space; the creator manages it. A private space is open to nobody else until
    access is given: to `group` (edit) when one is named."""
    require(actor, "wiki.create_space")
    same_workspace(actor, group)
    data = _clean(actor, name=name, slug=slug, kind=kind, description=description,
                  department=department, staff_level=staff_level)  # fmt: skip
    space = Space.objects.create(
        workspace=actor.workspace, created_by=actor,
        position=next_position(Space.objects.in_workspace(actor.workspace)), **data,
    )  # fmt: skip
    Grant.objects.create(workspace=actor.workspace, space=space, level=Level.MANAGE,
                         membership=actor)  # fmt: skip
    if group is not None:
        Grant.objects.create(workspace=actor.workspace, space=space, level=Level.EDIT,
                             group=group)  # fmt: skip
    if department is not None and kind == SpaceKind.DEPARTMENT:
        Grant.objects.create(workspace=actor.workspace, space=space, level=Level.EDIT,
                             department=department)  # fmt: skip
    audit_event(actor, "wiki.space_created", space, context, kind=kind)
    return space


@transaction.atomic
def space_update(
    *,
    actor: Membership,
    space: Space,
    name: str,
    slug: str,
    description: str = "",
    staff_level: str | None = None,
    context: AuditContext | None = None,
) -> Space:
    same_workspace(actor, space)
    require_space(actor, space, MANAGE)
    data = _clean(actor, name=name, slug=slug, kind=space.kind, description=description,
                  department=space.department, staff_level=staff_level or space.staff_level,
                  space=space)  # fmt: skip
    changed = [k for k, v in data.items() if getattr(space, k) != v]
    for key in changed:
        setattr(space, key, data[key])
    if changed:
        space.save(update_fields=[*changed, "updated_at"])
        # Search needs no re-indexing: access is checked at query time, not stored.
        audit_event(actor, "wiki.space_updated", space, context, fields=sorted(changed))
    return space


@transaction.atomic
def space_archive(
    *, actor: Membership, space: Space, archived: bool = True, context: AuditContext | None = None
) -> Space:
    same_workspace(actor, space)
    require_space(actor, space, MANAGE)
    if (space.archived_at is not None) != archived:
        space.archived_at = timezone.now() if archived else None
        space.save(update_fields=["archived_at", "updated_at"])
        audit_event(actor, "wiki.space_archived" if archived else "wiki.space_restored",
                    space, context)  # fmt: skip
        from keel.wiki.search import index_pages_later

        ids = list(Page.objects.filter(space=space).values_list("pk", flat=True))
        index_pages_later(ids, space.workspace_id)
    return space


@transaction.atomic
def grant_set(
    *,
    actor: Membership,
    space: Space,
    level: str,
    page: Page | None = None,
    membership: Membership | None = None,
    group: Group | None = None,
    seat: Seat | None = None,
    department: Department | None = None,
    context: AuditContext | None = None,
) -> Grant:
    """Give one grantee `level` on the space (or on a restricted page of it); replaces the
    grantee's earlier grant there."""
    same_workspace(actor, space, page, membership, group, seat, department)
    if page is not None:
        if page.space_id != space.pk:
            raise ValidationError({"page": _("Choose a page of this space.")})
        require_page(actor, page, MANAGE)
    else:
        require_space(actor, space, MANAGE)
    if level not in Level.values:
        raise ValidationError({"level": _("Choose read, edit or manage.")})
    grantees = [g for g in (membership, group, seat, department) if g is not None]
    if len(grantees) != 1:
        raise ValidationError({"grantee": _("Choose one person, group, seat or department.")})
    if membership is not None and not membership.is_active:
        raise ValidationError({"grantee": _("%(name)s has left the workspace.") % {
            "name": membership.user.display_name}})  # fmt: skip
    who = {"membership": membership, "group": group, "seat": seat, "department": department}
    Grant.objects.filter(space=space, page=page, **who).delete()
    grant = Grant.objects.create(workspace=actor.workspace, space=space, page=page, level=level,
                                 **who)  # fmt: skip
    if page is not None:
        restrictions_changed(space.pk)
    audit_event(actor, "wiki.access_granted", space, context, level=level,
                page=page.pk if page else None, grantee=str(grantees[0]))  # fmt: skip
    return grant


@transaction.atomic
def grant_revoke(*, actor: Membership, grant: Grant, context: AuditContext | None = None) -> None:
    same_workspace(actor, grant)
    if grant.page_id is not None:
        assert grant.page is not None
        require_page(actor, grant.page, MANAGE)
    else:
        require_space(actor, grant.space, MANAGE)
    if grant.page_id is None and grant.level == Level.MANAGE:
        others = Grant.objects.filter(space_id=grant.space_id, page__isnull=True,
                                      level=Level.MANAGE).exclude(pk=grant.pk)  # fmt: skip
        if not others.exists() and actor.role not in ("owner", "admin"):
            raise ValidationError(_("A space needs someone who manages it."))
    audit_event(actor, "wiki.access_revoked", grant.space, context, level=grant.level,
                page=grant.page_id)  # fmt: skip
    grant.delete()
    if grant.page_id is not None:
        restrictions_changed(grant.space_id)
