"""What a leaver could know, most recently revealed first, and the open rotation queue.

`exposure_of` is asked at offboarding time, before the person's groups and seats are
emptied (the offboarding plan is made first): every item they could use or view — directly,
through a group, through a seat — because "use" does not stop a determined member from
reading a filled form (docs/security/vault.md). Those they revealed come first, the most
recent first: the ones they certainly saw.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Max, QuerySet

from keel.core.models import Membership
from keel.vault.access import access_map, manages_all
from keel.vault.models import AccessEvent, Item, Rotation


@dataclass
class Exposure:
    item: Item
    level: int
    last_revealed_at: datetime | None


def exposure_of(membership: Membership) -> list[Exposure]:
    """Every item `membership` can use or view now, most recently revealed first."""
    items = Item.objects.in_workspace(membership.workspace).select_related("workspace")
    if manages_all(membership):
        levels = {pk: 3 for pk in items.values_list("pk", flat=True)}
    else:
        levels = {pk: access.level for pk, access in access_map(membership).items()}
    last = dict(
        AccessEvent.objects.filter(workspace_id=membership.workspace_id, membership=membership,
                                   item_id__in=list(levels))
        .values("item_id").annotate(at=Max("created_at")).values_list("item_id", "at")
    )  # fmt: skip
    rows = [Exposure(item=i, level=levels[i.pk], last_revealed_at=last.get(i.pk))
            for i in items.filter(pk__in=list(levels))]  # fmt: skip
    rows.sort(key=lambda r: (r.last_revealed_at is None,
                             -(r.last_revealed_at.timestamp() if r.last_revealed_at else 0),
                             r.item.name.lower()))  # fmt: skip
    return rows


def open_rotations(*, actor: Membership) -> QuerySet[Rotation]:
    """Open rotations of the actor's workspace: all of them for those who manage the vault,
    else the ones assigned to the actor. Most recently revealed first."""
    rows = (
        Rotation.objects.in_workspace(actor.workspace)
        .filter(done_at__isnull=True)
        .select_related("item", "leaver__user", "assignee__user")
        .order_by("-last_revealed_at", "item__name")
    )
    if not manages_all(actor):
        rows = rows.filter(assignee=actor)
    return rows
