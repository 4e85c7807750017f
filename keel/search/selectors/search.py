"""The one search read: `search(membership=…, query=…)` → a page of permitted, ranked,
highlighted results and per-kind counts. Queries: one per provider (its visible scopes),
one count, one page — whatever the size of the index. Counts stop at
`backends.COUNT_CAP` ("1,000+": `more` is set), so a word in most documents stays fast."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from django.utils.safestring import SafeString

from keel.core.permissions import has_perm
from keel.search import backends
from keel.search.highlight import Highlighter
from keel.search.registry import ALL, search_providers
from keel.search.text import query_terms

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from keel.core.models import Membership

MAX_LIMIT = 100


@dataclass(frozen=True)
class SearchHit:
    kind: str
    kind_label: StrOrPromise
    object_id: int
    title: SafeString  # escaped, with <mark> around the matched words
    plain_title: str
    snippet: SafeString
    url: str
    changed_at: datetime
    owner_id: int | None
    score: float


@dataclass(frozen=True)
class KindCount:
    kind: str
    label: StrOrPromise
    count: int
    more: bool = False  # there are more than `count` (the count stopped at its cap)


@dataclass(frozen=True)
class SearchResults:
    query: str
    hits: list[SearchHit] = field(default_factory=list)
    total: int = 0  # matches the searcher may open, with the kind filter applied
    more: bool = False  # more than `total` (counts stop at backends.COUNT_CAP)
    kinds: list[KindCount] = field(default_factory=list)  # every kind, kind filter ignored
    limit: int = 20
    offset: int = 0
    searched: bool = False  # False when the query had no searchable words

    @property
    def has_next(self) -> bool:
        return self.offset + len(self.hits) < self.total


def search(
    *,
    membership: Membership,
    query: str,
    kinds: list[str] | None = None,
    owner_id: int | None = None,
    changed_after: datetime | None = None,
    changed_before: datetime | None = None,
    facets: dict[str, str] | None = None,
    limit: int = 20,
    offset: int = 0,
) -> SearchResults:
    """Search `membership`'s workspace for `query` among what `membership` may open."""
    limit = max(1, min(limit, MAX_LIMIT))
    offset = max(0, offset)
    terms = query_terms(query or "")
    if not terms or not has_perm(membership, "workspace.view"):
        return SearchResults(query=query, limit=limit, offset=offset)
    providers = search_providers()
    labels = {p.kind: p.label for p in providers}
    acl: list[tuple[str, set[str] | None]] = []
    for provider in providers:
        scopes = provider.visible_scopes(membership)
        acl.append((provider.kind, None if scopes is ALL else set(scopes)))
    filters = backends.Filters(
        workspace_id=membership.workspace_id,
        acl=acl,
        kinds=[k for k in kinds if k in labels] if kinds else None,
        owner_id=owner_id,
        changed_after=changed_after,
        changed_before=changed_before,
        facets=dict(facets or {}),
    )
    cap = backends.COUNT_CAP
    # Above the cap a kind's count is cap + 1 ("more"), whatever the database counted.
    counts = {
        k: min(n, cap + 1) for k, n in backends.count_by_kind(terms, filters, cap=cap).items()
    }
    if filters.kinds is not None:
        total = sum(n for kind, n in counts.items() if kind in filters.kinds)
    else:
        total = sum(counts.values())
    more = total > cap
    total = min(total, cap)
    rows = backends.page(terms, filters, limit=limit, offset=offset) if total > offset else []
    marker = Highlighter(query)
    hits = [
        SearchHit(
            kind=row.kind,
            kind_label=labels.get(row.kind, row.kind),
            object_id=row.object_id,
            title=marker.title(row.title),
            plain_title=row.title,
            snippet=marker.snippet(row.body),
            url=row.url,
            changed_at=row.changed_at,
            owner_id=row.owner_id,
            score=row.rank,
        )
        for row in rows
    ]
    kind_counts = [
        KindCount(p.kind, p.label, min(counts.get(p.kind, 0), cap), counts.get(p.kind, 0) > cap)
        for p in providers
    ]
    return SearchResults(
        query=query,
        hits=hits,
        total=total,
        more=more,
        kinds=kind_counts,
        limit=limit,
        offset=offset,
        searched=True,
    )
