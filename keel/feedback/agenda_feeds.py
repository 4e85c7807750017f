"""Agenda feeds: items a higher app pulls onto a meeting's agenda (KPIs that missed).

feedback sits below kpis in the module map, so it cannot ask for KPIs itself: an app
registers a feed from its wiring.py (`register_agenda_feed`). A feed has two halves. `pull`
says, for one meeting, which objects belong on its agenda — as an id plus plain figures and
codes, never a sentence, so nothing freezes the language of whoever triggered the pull.
`render` words those items when a page or the API reads them, in the reader's language (and
may hide them from a reader who may not see what they refer to). `pull_into` is idempotent:
one item per (meeting, source, id), enforced by a unique constraint as well.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Max
from django.http import Http404

if TYPE_CHECKING:
    from keel.core.models import Membership
    from keel.feedback.models import AgendaItem, Meeting


@dataclass(frozen=True)
class FeedItem:
    """What a feed wants on an agenda: `ref_id` is the object's id (a KPI's), `text` its name
    as written (what the item falls back to when the feed can no longer render it), `data`
    plain figures and codes (JSON: strings, numbers)."""

    ref_id: int
    text: str
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Shown:
    """A fed item as one reader sees it: words in their language and a link to the source."""

    text: str
    url: str = ""


Pull = Callable[["Meeting", datetime], Sequence[FeedItem]]
# Given the reader and a meeting's items of this source: each item's wording, or None to
# hide it from this reader. Called once per agenda, so a feed reads its objects in one query.
Render = Callable[["Membership", Sequence["AgendaItem"]], dict[int, Shown | None]]


@dataclass(frozen=True)
class _Feed:
    source: str
    pull: Pull
    render: Render


_FEEDS: dict[str, _Feed] = {}


def register_agenda_feed(source: str, *, pull: Pull, render: Render) -> None:
    """Register the feed for an `AgendaSource` value (once per source; re-registering the same
    functions is harmless, as `ready()` may run twice in tests)."""
    _FEEDS[source] = _Feed(source, pull, render)


def registered_sources() -> frozenset[str]:
    return frozenset(_FEEDS)


def pull_into(meeting: Meeting, *, now: datetime) -> int:
    """Add what every feed wants on `meeting`'s agenda and isn't there yet; returns how many
    items were added. Nothing is added to a meeting that was held."""
    from keel.feedback.models import AgendaItem

    if meeting.held_at is not None or not _FEEDS:
        return 0
    added = 0
    for feed in _FEEDS.values():
        wanted = list(feed.pull(meeting, now))
        if not wanted:
            continue
        with transaction.atomic():
            there = set(
                AgendaItem.objects.filter(meeting=meeting, source=feed.source).values_list(
                    "ref_id", flat=True
                )
            )
            new = [w for w in wanted if w.ref_id not in there]
            if not new:
                continue
            last = AgendaItem.objects.filter(meeting=meeting).aggregate(m=Max("position"))["m"]
            start = -1 if last is None else last
            rows = [
                AgendaItem(
                    workspace_id=meeting.workspace_id, meeting=meeting, text=w.text[:500],
                    source=feed.source, ref_id=w.ref_id, ref_data=w.data,
                    position=start + 1 + n,
                )
                for n, w in enumerate(new)
            ]  # fmt: skip
            # A page and the job pulling at once: the unique constraint keeps one of each.
            AgendaItem.objects.bulk_create(rows, ignore_conflicts=True)
            added += len(rows)
    return added


def shown(reader: Membership, items: Sequence[AgendaItem]) -> dict[int, Shown | None]:
    """Every fed item of `items` as `reader` sees it (item id → wording, or None: hidden).
    Items of a source without a registered feed are left out: they show their own text."""
    out: dict[int, Shown | None] = {}
    by_source: dict[str, list[AgendaItem]] = {}
    for item in items:
        if item.ref_id is not None and item.source in _FEEDS:
            by_source.setdefault(item.source, []).append(item)
    for source, group in by_source.items():
        out.update(_FEEDS[source].render(reader, group))
    return out


def require_shown(reader: Membership, item: AgendaItem) -> None:
    """404 for a fed item hidden from `reader` (an assistant and a KPI): acting on it by its
    id (resolve, reopen, make a task) must not confirm it exists."""
    if (
        item.ref_id is not None
        and item.source in _FEEDS
        and shown(reader, [item]).get(item.pk) is None
    ):
        raise Http404
