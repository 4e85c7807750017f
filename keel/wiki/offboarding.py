"""What the wiki hands over when someone leaves, and what a seat owns (registered in wiring).

Pages owned by the leaving *person* get a new owner (default: the seat above's holder);
pages owned by a *seat* stay with the seat — its next holder (or the seat above meanwhile)
answers for their reviews — and are listed on the seat page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.urls import reverse

from keel.accounts.offboarding import (
    Handover,
    HandoverItem,
    Move,
    MoveKind,
    OffboardingStepResult,
)
from keel.core.models import Membership
from keel.wiki.models import Page

if TYPE_CHECKING:
    from keel.org.models import Seat

SEAT_ITEMS = 50


def _owned(membership: Membership) -> QuerySet[Page]:
    return (
        Page.objects.filter(workspace_id=membership.workspace_id, owner=membership,
                            archived_at__isnull=True)
        .select_related("space", "workspace")
        .order_by("title", "id")
    )  # fmt: skip


def _url(page: Page) -> str:
    return reverse("wiki_page", kwargs={"ws": page.workspace.slug, "page_id": page.pk})


def preview_pages(membership: Membership) -> list[HandoverItem]:
    return [
        HandoverItem(key=str(p.pk), label=p.title, detail=p.space.name, url=_url(p))
        for p in _owned(membership)
    ]


def hand_over_pages(
    membership: Membership, actor: Membership, handover: Handover
) -> OffboardingStepResult:
    """Give each page the person owns a new owner (the page's open review task follows it:
    it is re-created for the new owner on the next run of the review job)."""
    result = OffboardingStepResult()
    for page in _owned(membership):
        receiver = handover.get(str(page.pk)) or actor
        page.owner = receiver
        page.save(update_fields=["owner", "updated_at"])
        result.items.append(page.title)
        result.moves.append(Move(page.title, MoveKind.PERSON, receiver.user.display_name))
    result.count = len(result.items)
    return result


def seat_pages(seat: Seat) -> list[tuple[str, str]]:
    """The wiki pages the seat owns (their reviews are the seat's work)."""
    pages = (
        Page.objects.filter(workspace_id=seat.workspace_id, owner_seat=seat,
                            archived_at__isnull=True)
        .select_related("workspace")
        .order_by("title", "id")[:SEAT_ITEMS]
    )  # fmt: skip
    return [(p.title, _url(p)) for p in pages]
