"""Who may do what with which vault item, and why. Every page, API route and service asks here.

A member's level on an item is the highest of: their grants on the item or its category,
made to them, to a group they are in, or to a seat that resolves to them now
(`keel.org.resolution.seat_assignees`: the holder, or while the seat is empty whoever the
chart hands its work to). Owners and admins manage every item by role. Nobody else —
managers included, assistants and guests above all — has any access that was not granted.
An offboarded member has none.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext as _

from keel.accounts.models import GroupMembership
from keel.core.models import Membership, Role
from keel.core.permissions import has_perm
from keel.org.models import Seat
from keel.org.resolution import seat_assignees
from keel.vault.models import Grant, Item, Level


@dataclass
class Reason:
    """One way a member reaches an item: a grant (through what) or their role."""

    level: int
    grant: Grant | None = None  # None: by role (owner or admin)
    via: str = ""  # "member", "group", "seat" or "role"
    on_category: bool = False


@dataclass
class Access:
    """A member's access to one item: the highest level and every reason for it."""

    level: int = 0
    reasons: list[Reason] = field(default_factory=list)

    def add(self, reason: Reason) -> None:
        self.level = max(self.level, reason.level)
        self.reasons.append(reason)


def manages_all(membership: Membership | None) -> bool:
    return membership is not None and has_perm(membership, "vault.manage")


def _seats_of(membership: Membership, seat_ids: set[int]) -> set[int]:
    """Of these seats, the ones whose work `membership` does now."""
    if not seat_ids:
        return set()
    seats = list(Seat.objects.filter(workspace_id=membership.workspace_id, pk__in=seat_ids))
    return {sid for sid, doer in seat_assignees(seats).items() if doer.pk == membership.pk}


def grants_reaching(membership: Membership) -> list[tuple[Grant, str]]:
    """The grants that reach `membership` now, each with how ("member", "group", "seat").

    Three or four queries whatever the number of grants: the member's groups, the grants,
    and the seat resolution for seats that carry grants.
    """
    if not membership.is_active:
        return []
    group_ids = set(
        GroupMembership.objects.filter(membership=membership).values_list("group_id", flat=True)
    )
    grants = list(
        Grant.objects.filter(workspace_id=membership.workspace_id)
        .filter(Q(member=membership) | Q(group_id__in=group_ids) | Q(seat__isnull=False))
        .select_related("item", "category", "group", "seat")
    )
    my_seats = _seats_of(membership, {g.seat_id for g in grants if g.seat_id is not None})
    reached = []
    for grant in grants:
        if grant.member_id == membership.pk:
            reached.append((grant, "member"))
        elif grant.group_id is not None and grant.group_id in group_ids:
            reached.append((grant, "group"))
        elif grant.seat_id is not None and grant.seat_id in my_seats:
            reached.append((grant, "seat"))
    return reached


def access_map(membership: Membership) -> dict[int, Access]:
    """item id → Access for every item `membership` reaches through grants (not by role)."""
    reached = grants_reaching(membership)
    result: dict[int, Access] = defaultdict(Access)
    category_grants = [(g, via) for g, via in reached if g.category_id is not None]
    for grant, via in reached:
        if grant.item_id is not None:
            result[grant.item_id].add(Reason(grant.level, grant, via))
    if category_grants:
        by_category: dict[int, list[int]] = defaultdict(list)
        rows = Item.objects.filter(
            workspace_id=membership.workspace_id,
            category_id__in={g.category_id for g, _via in category_grants},
        ).values_list("pk", "category_id")
        for item_id, category_id in rows:
            by_category[category_id].append(item_id)
        for grant, via in category_grants:
            for item_id in by_category.get(grant.category_id or 0, []):
                result[item_id].add(Reason(grant.level, grant, via, on_category=True))
    return dict(result)


def level_for(membership: Membership | None, item: Item) -> int:
    """0 (no access), Level.USE, Level.VIEW or Level.MANAGE."""
    if membership is None or not membership.is_active:
        return 0
    if item.workspace_id != membership.workspace_id or not has_perm(membership, "vault.view"):
        return 0
    if manages_all(membership):
        return Level.MANAGE
    level = 0
    for grant, _via in grants_reaching(membership):
        if grant.item_id == item.pk or (
            grant.category_id is not None and grant.category_id == item.category_id
        ):
            level = max(level, grant.level)
    return level


def require_level(membership: Membership, item: Item, level: int) -> int:
    """The member's level, or PermissionDenied if it is below `level`."""
    found = level_for(membership, item)
    if found < level:
        raise PermissionDenied(_("Your access to this item does not allow this."))
    return found


def item_audience(item: Item) -> list[tuple[Membership, Access]]:
    """Who can access `item` and why: every active member reached by a grant on the item or
    its category, and the owners and admins by role; highest level first."""
    ws_id = item.workspace_id
    target = Q(item=item) | (Q(category_id=item.category_id) if item.category_id else Q(pk=None))
    grants = list(
        Grant.objects.filter(workspace_id=ws_id).filter(target)
        .select_related("member__user", "group", "seat")
    )  # fmt: skip
    people: dict[int, tuple[Membership, Access]] = {}

    def reach(member: Membership, reason: Reason) -> None:
        if not member.is_active:
            return
        people.setdefault(member.pk, (member, Access()))[1].add(reason)

    group_ids = {g.group_id for g in grants if g.group_id is not None}
    members_of: dict[int, list[Membership]] = defaultdict(list)
    for gm in GroupMembership.objects.filter(group_id__in=group_ids).select_related(
        "membership__user"
    ):
        members_of[gm.group_id].append(gm.membership)
    doers = seat_assignees([g.seat for g in grants if g.seat is not None])
    for grant in grants:
        on_category = grant.category_id is not None
        if grant.member is not None:
            reach(grant.member, Reason(grant.level, grant, "member", on_category))
        elif grant.group_id is not None:
            for member in members_of.get(grant.group_id, []):
                reach(member, Reason(grant.level, grant, "group", on_category))
        elif grant.seat_id is not None and grant.seat_id in doers:
            reach(doers[grant.seat_id], Reason(grant.level, grant, "seat", on_category))
    admins = Membership.objects.filter(
        workspace_id=ws_id, offboarded_at__isnull=True, role__in=[Role.OWNER, Role.ADMIN]
    ).select_related("user")
    for admin in admins:
        reach(admin, Reason(Level.MANAGE, None, "role"))
    rows = list(people.values())
    rows.sort(key=lambda row: (-row[1].level, row[0].user.display_name.lower()))
    return rows


def grantee_label(grant: Grant) -> Any:
    """Who a grant is for, as people read it ("Sales (group)", "Purchasing lead (seat)")."""
    if grant.member is not None:
        return grant.member.user.display_name
    if grant.group is not None:
        return _("%(name)s (group)") % {"name": grant.group.name}
    if grant.seat is not None:
        return _("%(name)s (seat)") % {"name": grant.seat.title}
    return ""
