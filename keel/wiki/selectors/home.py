"""Reads for the wiki's front page: recently updated pages and the reader's due reviews.

Both are limited lists filtered through keel.wiki.access, in a fixed number of queries
(one per space with restricted pages among the rows, at most a handful).
"""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone

from keel.core.models import Membership
from keel.wiki.access import READ, can, page_levels, reader_for
from keel.wiki.models import Page
from keel.wiki.selectors.pages import SpaceRow

RECENT = 10


def _readable(actor: Membership, pages: list[Page], rows: list[SpaceRow]) -> list[Page]:
    levels = {row.space.pk: row.level for row in rows}
    spaces = {row.space.pk: row.space for row in rows}
    by_space: dict[int, list[Page]] = {}
    for page in pages:
        if page.space_id in levels:
            page.space = spaces[page.space_id]  # already loaded: no join
            by_space.setdefault(page.space_id, []).append(page)
    keep: set[int] = set()
    reader = reader_for(actor)
    for space_id, group in by_space.items():
        for pk, level in page_levels(reader, group, levels[space_id]).items():
            if can(level, READ):
                keep.add(pk)
    return [p for p in pages if p.pk in keep]


def recent_pages(actor: Membership, rows: list[SpaceRow]) -> list[Page]:
    """The most recently changed live pages of the spaces in `rows` the actor may read."""
    pages = list(
        Page.objects.in_workspace(actor.workspace)
        .filter(space_id__in=[r.space.pk for r in rows], archived_at__isnull=True)
        .select_related("updated_by__user")
        .only("pk", "title", "space_id", "parent_id", "restricted", "updated_at",
              "updated_by__user__full_name", "updated_by__user__email")
        .order_by("-updated_at", "-id")[: RECENT * 3]
    )  # fmt: skip
    return _readable(actor, pages, rows)[:RECENT]


def my_reviews(actor: Membership, rows: list[SpaceRow]) -> list[Page]:
    """Live pages the actor owns (themselves or through a seat they hold) that are due."""
    reader = reader_for(actor)
    pages = list(
        Page.objects.in_workspace(actor.workspace)
        .filter(Q(owner=actor) | Q(owner_seat_id__in=reader.seat_ids))
        .filter(review_due__lte=timezone.localdate(), archived_at__isnull=True,
                space_id__in=[r.space.pk for r in rows])
        .only("pk", "title", "space_id", "parent_id", "restricted", "review_due")
        .order_by("review_due", "id")[:50]
    )  # fmt: skip
    return _readable(actor, pages, rows)
