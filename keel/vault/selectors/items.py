"""Reads for the vault list, an item's page and "what can this person access and why".

The list is computed in a bounded number of queries whatever the number of items and grants:
the member's grants (access.access_map), then one page of items. Search looks at the name,
the addresses and the username: metadata only, never a hidden field (those are encrypted and
never indexed anywhere).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404

from keel.core.models import Membership
from keel.vault.access import Access, Reason, access_map, level_for, manages_all
from keel.vault.models import Item, Level

LIST_LIMIT = 500


@dataclass
class ItemRow:
    item: Item
    level: int


def _visible(actor: Membership) -> tuple[QuerySet[Item], dict[int, Access] | None]:
    """The items `actor` may see, and their access map (None: manages all by role)."""
    items = Item.objects.in_workspace(actor.workspace).select_related("category")
    if not actor.is_active:
        return items.none(), {}
    if manages_all(actor):
        return items, None
    reached = access_map(actor)
    return items.filter(pk__in=list(reached)), reached


def item_rows(*, actor: Membership, query: str = "", category_id: int | None = None,
              tag: str = "") -> list[ItemRow]:  # fmt: skip
    """The items `actor` may see, filtered, each with the actor's level (two to five
    queries). The URL search matches the stored text (JSON list as text on both databases)."""
    items, reached = _visible(actor)
    text = query.strip()
    if text:
        items = items.filter(
            Q(name__icontains=text) | Q(username__icontains=text) | Q(urls__icontains=text)
        )
    if category_id is not None:
        items = items.filter(category_id=category_id)
    rows = []
    for item in items.order_by("name", "id")[:LIST_LIMIT]:
        if tag and tag not in item.tags:
            continue
        level = Level.MANAGE if reached is None else reached[item.pk].level
        rows.append(ItemRow(item=item, level=level))
    return rows


def get_item_for(actor: Membership, item_id: int) -> tuple[Item, int]:
    """The item and the actor's level; 404 for another workspace's item and for an item the
    actor has no access to (its existence is not theirs to know)."""
    item = (
        Item.objects.in_workspace(actor.workspace)
        .select_related("category", "workspace_key", "workspace")
        .filter(pk=item_id)
        .first()
    )
    if item is None:
        raise Http404
    level = level_for(actor, item)
    if level == 0:
        raise Http404
    return item, level


@dataclass
class PersonAccessRow:
    item: Item
    level: int
    reasons: list[Reason]
    by_role: bool = False


def person_access(*, person: Membership) -> list[PersonAccessRow]:
    """What `person` can access and why: every item with their level and each grant that
    gives it (or their role). An offboarded person has nothing."""
    items = Item.objects.in_workspace(person.workspace).select_related("category")
    if not person.is_active:
        return []
    if manages_all(person):
        return [PersonAccessRow(item=i, level=Level.MANAGE, reasons=[], by_role=True)
                for i in items.order_by("name", "id")]  # fmt: skip
    reached = access_map(person)
    return [
        PersonAccessRow(item=i, level=reached[i.pk].level, reasons=reached[i.pk].reasons)
        for i in items.filter(pk__in=list(reached)).order_by("name", "id")
    ]
