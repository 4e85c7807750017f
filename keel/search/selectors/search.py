"""The one search read: `search(membership=…, query=…)` → a page of permitted, ranked,
highlighted results and per-kind counts, whatever the size of the index. Queries: the
providers' visible scopes, then without a kind filter one scan of the newest
`backends.CANDIDATES` permitted matches (counted and ranked in Python) and one read of the
page's rows; with a kind filter one capped count per kind and one page. Above the caps
counts read "1,000+" (`more`), so a word in most documents stays fast."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from django.utils.safestring import SafeString

from keel.core.permissions import has_perm
from keel.search import backends
from keel.search.highlight import Highlighter
from keel.search.registry import ALL, search_providers
from keel.search.text import QueryTerm, query_terms

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
    found = (_everything if filters.kinds is None else _one_kind)(
        terms, filters, limit=limit, offset=offset
    )
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
        for row in found.rows
    ]
    kind_counts = [
        KindCount(p.kind, p.label, found.counts.get(p.kind, 0), found.kind_more.get(p.kind, False))
        for p in providers
    ]
    return SearchResults(
        query=query,
        hits=hits,
        total=found.total,
        more=found.more,
        kinds=kind_counts,
        limit=limit,
        offset=offset,
        searched=True,
    )


@dataclass(frozen=True)
class _Found:
    counts: dict[str, int]  # per kind, the kind filter ignored
    kind_more: dict[str, bool]  # per kind: there are more than its count
    total: int  # with the kind filter
    more: bool
    rows: list[backends.Row]


def _everything(
    terms: list[QueryTerm], filters: backends.Filters, *, limit: int, offset: int
) -> _Found:
    """No kind filter: counts and the page from one scan of at most CANDIDATES permitted
    matches (the newest). When there are more, every count is "at least" (`more`): a kind
    none of whose matches is among them shows no number, only "more"."""
    found = backends.candidates(terms, filters, limit=backends.CANDIDATES + 1)
    more = len(found) > backends.CANDIDATES
    found = found[: backends.CANDIDATES]
    counts = dict(Counter(c.kind for c in found))
    best = sorted(found, key=lambda c: (-c.rank, c.id))[offset : offset + limit]
    kind_more = {kind: more for kind, _scopes in filters.acl}
    return _Found(counts, kind_more, len(found), more, backends.rows(best))


def _one_kind(
    terms: list[QueryTerm], filters: backends.Filters, *, limit: int, offset: int
) -> _Found:
    """A kind filter: the other kinds' counts still show (each stops at COUNT_CAP: above it,
    "1,000+"), and the page ranks that kind's own newest matches."""
    cap = backends.COUNT_CAP
    raw = backends.count_by_kind(terms, filters, cap=cap)
    total = sum(n for kind, n in raw.items() if kind in (filters.kinds or ()))
    rows = backends.page(terms, filters, limit=limit, offset=offset) if total > offset else []
    return _Found(
        counts={kind: min(n, cap) for kind, n in raw.items()},
        kind_more={kind: n > cap for kind, n in raw.items()},
        total=min(total, cap),
        more=total > cap,
        rows=rows,
    )
