"""Writes for grants and categories: share an item or a category with a person, a group or a
seat at a level, take a grant back, add and remove categories.

Sharing an item needs manage access to it; sharing a category, or changing categories,
needs `vault.manage` (owners and admins): a category grant reaches every item in it, today's
and tomorrow's. Every change is audited (who, what, to whom, which level).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from keel.accounts.models import Group
from keel.core.models import Membership
from keel.core.permissions import require
from keel.core.services import AuditContext, audit_event, same_workspace
from keel.core.validators import clean_line
from keel.org.models import Seat
from keel.vault.access import manages_all, require_level
from keel.vault.models import Category, Grant, Item, Level

CATEGORY_MAX = 80


def _grantee(grant: Grant) -> str:
    if grant.member_id:
        return f"member:{grant.member_id}"
    if grant.group_id:
        return f"group:{grant.group_id}"
    return f"seat:{grant.seat_id}"


@transaction.atomic
def grant_create(
    *,
    actor: Membership,
    item: Item | None = None,
    category: Category | None = None,
    member: Membership | None = None,
    group: Group | None = None,
    seat: Seat | None = None,
    level: int,
    context: AuditContext | None = None,
) -> Grant:
    """Give access (or change the level of an existing grant to the same grantee)."""
    if (item is None) == (category is None):
        raise ValidationError(_("Share either an item or a category."))
    same_workspace(actor, item, category, member, group, seat)
    if item is not None:
        require_level(actor, item, Level.MANAGE)
    else:
        require(actor, "vault.manage")
    grantees = [g for g in (member, group, seat) if g is not None]
    if len(grantees) != 1:
        raise ValidationError({"grantee": _("Choose one person, group or seat.")})
    if level not in Level.values:
        raise ValidationError({"level": _("Choose one of the options.")})
    if member is not None and not member.is_active:
        raise ValidationError({"grantee": _("This person has left the workspace.")})
    existing = Grant.objects.filter(workspace=actor.workspace, item=item, category=category,
                                    member=member, group=group, seat=seat).first()  # fmt: skip
    if existing is not None:
        if existing.level != level:
            existing.level = level
            existing.save(update_fields=["level", "updated_at"])
        grant = existing
    else:
        grant = Grant.objects.create(workspace=actor.workspace, item=item, category=category,
                                     member=member, group=group, seat=seat, level=level,
                                     created_by=actor)  # fmt: skip
    audit_event(actor, "vault.granted", item or category, context,
                grantee=_grantee(grant), level=Level(level).name.lower())  # fmt: skip
    return grant


@transaction.atomic
def grant_delete(*, actor: Membership, grant: Grant, context: AuditContext | None = None) -> None:
    same_workspace(actor, grant)
    if grant.item is not None:
        require_level(actor, grant.item, Level.MANAGE)
    else:
        require(actor, "vault.manage")
    target = grant.item or grant.category
    own = grant.item is not None and grant.member_id == actor.pk and grant.level == Level.MANAGE
    if own and not manages_all(actor):
        # Nobody takes away their own way to manage the item by mistake; an admin can.
        raise PermissionDenied(_("Ask an admin to remove your own manage access."))
    audit_event(actor, "vault.grant_removed", target, context,
                grantee=_grantee(grant), level=Level(grant.level).name.lower())  # fmt: skip
    grant.delete()


@transaction.atomic
def category_create(*, actor: Membership, name: str,
                    context: AuditContext | None = None) -> Category:  # fmt: skip
    require(actor, "vault.manage")
    clean = clean_line(name, field="name", max_length=CATEGORY_MAX,
                       required=_("Give the category a name."))  # fmt: skip
    try:
        with transaction.atomic():
            category = Category.objects.create(workspace=actor.workspace, name=clean)
    except IntegrityError:
        raise ValidationError({"name": _("A category with this name exists already.")}) from None
    audit_event(actor, "vault.category_created", category, context, name=category.name)
    return category


@transaction.atomic
def category_delete(*, actor: Membership, category: Category,
                    context: AuditContext | None = None) -> None:  # fmt: skip
    """Its items stay, uncategorised; its grants go (they reached the items through it)."""
    require(actor, "vault.manage")
    same_workspace(actor, category)
    audit_event(actor, "vault.category_deleted", category, context, name=category.name)
    category.delete()
