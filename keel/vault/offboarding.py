"""The vault's offboarding step (registered in wiring): every item the leaver could use or
view is queued for rotation, most recently revealed first, each given to whoever the owner
picks (by default the person's successor) to change. Changing the item's hidden fields
closes the rotation (services.items.item_update)."""

from __future__ import annotations

from django.db.models import Max
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from keel.accounts.offboarding import (
    Handover,
    HandoverItem,
    Move,
    MoveKind,
    OffboardingStepResult,
)
from keel.core.models import Membership
from keel.vault.models import AccessEvent, Item, Rotation
from keel.vault.selectors import exposure_of


def _url(item: Item) -> str:
    return reverse("vault_item", kwargs={"ws": item.workspace.slug, "item_id": item.pk})


def preview_rotations(membership: Membership) -> list[HandoverItem]:
    items = []
    for row in exposure_of(membership):
        detail = (
            _("revealed %(when)s") % {"when": date_format(localtime(row.last_revealed_at),
                                                         "SHORT_DATETIME_FORMAT")}
            if row.last_revealed_at else _("never revealed")
        )  # fmt: skip
        items.append(HandoverItem(key=str(row.item.pk), label=row.item.name, detail=detail,
                                  url=_url(row.item)))  # fmt: skip
    return items


def queue_rotations(
    membership: Membership, actor: Membership, handover: Handover
) -> OffboardingStepResult:
    """Queue the items of the plan (the handover's keys: computed before groups and seats
    were emptied) for rotation by their receiver."""
    result = OffboardingStepResult(
        url=reverse("vault_rotations", kwargs={"ws": membership.workspace.slug})
    )
    ids = [int(key) for key in handover if key.isdigit()]
    items = Item.objects.in_workspace(membership.workspace).in_bulk(ids)
    last = dict(
        AccessEvent.objects.filter(membership=membership, item_id__in=ids)
        .values("item_id").annotate(at=Max("created_at")).values_list("item_id", "at")
    )  # fmt: skip
    for key, receiver in handover.items():
        item = items.get(int(key)) if key.isdigit() else None
        if item is None:
            continue
        Rotation.objects.update_or_create(
            item=item, leaver=membership,
            defaults={"workspace": item.workspace, "assignee": receiver,
                      "last_revealed_at": last.get(item.pk), "done_at": None},
        )  # fmt: skip
        result.items.append(item.name)
        result.count += 1
        if receiver is None:
            result.moves.append(Move(item.name, MoveKind.UNASSIGNED))
        else:
            result.moves.append(Move(item.name, MoveKind.PERSON, receiver.user.display_name))
    return result
