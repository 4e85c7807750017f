"""The two full-text backends behind `selectors.search`: SQLite FTS5 (bm25) and PostgreSQL
(tsvector, ts_rank_cd). Both receive the same tokens (keel.search.text), the same ACL filter
and the same other filters, so they return the same result sets; only scores differ.

The ACL filter is part of the WHERE clause of both the count and the page query: a document
the searcher may not open is never ranked, counted or read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from django.db import connection

from keel.search.text import QueryTerm

_SAFE_KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


@dataclass(frozen=True)
class Filters:
    """What narrows a search besides the text: all optional."""

    workspace_id: int
    acl: Sequence[tuple[str, set[str] | None]]  # (kind, scopes); None = every scope
    kinds: Sequence[str] | None = None
    owner_id: int | None = None
    changed_after: datetime | None = None
    changed_before: datetime | None = None
    facets: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Row:
    id: int
    kind: str
    object_id: int
    title: str
    body: str
    url: str
    changed_at: datetime
    owner_id: int | None
    rank: float


def _where(filters: Filters, *, with_kinds: bool) -> tuple[str, list[Any]]:
    clauses = ["d.workspace_id = %s"]
    params: list[Any] = [filters.workspace_id]
    acl_parts: list[str] = []
    for kind, scopes in filters.acl:
        if scopes is None:
            acl_parts.append("d.kind = %s")
            params.append(kind)
        elif scopes:
            marks = ", ".join(["%s"] * len(scopes))
            acl_parts.append(f"(d.kind = %s AND d.scope IN ({marks}))")
            params += [kind, *sorted(scopes)]
    clauses.append("(" + " OR ".join(acl_parts) + ")" if acl_parts else "1 = 0")
    if with_kinds and filters.kinds is not None:
        if filters.kinds:
            clauses.append("d.kind IN (" + ", ".join(["%s"] * len(filters.kinds)) + ")")
            params += list(filters.kinds)
        else:
            clauses.append("1 = 0")
    if filters.owner_id is not None:
        clauses.append("d.owner_id = %s")
        params.append(filters.owner_id)
    if filters.changed_after is not None:
        clauses.append("d.changed_at >= %s")
        params.append(filters.changed_after)
    if filters.changed_before is not None:
        clauses.append("d.changed_at < %s")
        params.append(filters.changed_before)
    for key, value in sorted(filters.facets.items()):
        if not _SAFE_KEY.match(key):
            continue
        if connection.vendor == "postgresql":
            clauses.append("d.facets ->> %s = %s")
            params += [key, value]
        else:
            clauses.append("json_extract(d.facets, %s) = %s")
            params += [f"$.{key}", value]
    return " AND ".join(clauses), params


def _fts5_query(terms: Sequence[QueryTerm]) -> str:
    parts = []
    for term in terms:
        exact = f'"{term.token}"'
        parts.append(f'({exact} OR "{term.prefix}"*)' if term.prefix else exact)
    return " AND ".join(parts)


def _tsquery(terms: Sequence[QueryTerm]) -> str:
    parts = []
    for term in terms:
        exact = f"'{term.token}'"
        parts.append(f"({exact} | '{term.prefix}':*)" if term.prefix else exact)
    return " & ".join(parts)


_COLUMNS = "d.id, d.kind, d.object_id, d.title, d.body, d.url, d.changed_at, d.owner_id"

# Counts stop at COUNT_CAP per kind (the page shows "1,000+"): counting every match of a word
# that is in most documents cost more than the rest of the search. Ranking reads at most
# CANDIDATES permitted matches, the most recently indexed first; while a query has fewer
# matches than that (nearly every real one), the ranking is exact over all of them.
COUNT_CAP = 1000
CANDIDATES = 1000
# SQLite: the ACL and filter columns without the row (0003_lookup): a row's workspace_id is
# stored after its text, in overflow pages, and reading it dominated the join.
_SQLITE_LOOKUP = "search_searchdocument d INDEXED BY search_doc_lookup"


def _match(terms: Sequence[QueryTerm]) -> tuple[str, str, list[Any]]:
    """FROM clause (the index joined with the permitted rows' lookup), match clause, params."""
    if connection.vendor == "postgresql":
        return (
            "search_searchdocument d, to_tsquery('simple'::regconfig, %s) q",
            "d.search_vector @@ q",
            [_tsquery(terms)],
        )
    return (
        # CROSS JOIN fixes SQLite's join order: the full-text match drives, then rows are
        # looked up by id. Left to itself the planner may scan the workspace's rows and run
        # the MATCH once per row (seconds on 20,000 documents instead of milliseconds).
        f"search_fts CROSS JOIN {_SQLITE_LOOKUP} ON d.id = search_fts.rowid",
        "search_fts MATCH %s",
        [_fts5_query(terms)],
    )


def _counted_kinds(filters: Filters) -> list[str]:
    return [kind for kind, scopes in filters.acl if scopes is None or scopes]


def count_by_kind(
    terms: Sequence[QueryTerm], filters: Filters, *, cap: int = COUNT_CAP
) -> dict[str, int]:
    """Matches per kind, ignoring the kind filter (the filter's counts), ACL applied.

    Each count stops at `cap` + 1: a value above `cap` means "more than cap". One query, a
    LIMIT-ed subquery per kind, so a word in 100,000 documents counts no slower than one
    in a thousand.
    """
    kinds = _counted_kinds(filters)
    if not kinds:
        return {}
    source, match, params = _match(terms)
    parts, all_params = [], []
    for kind, scopes in filters.acl:
        if kind not in kinds:
            continue
        # Each kind's count carries only its own ACL clause: a plain condition PostgreSQL
        # estimates well (with the others OR-ed in, it chose a sequential scan).
        where, where_params = _where(replace(filters, acl=[(kind, scopes)]), with_kinds=False)
        if connection.vendor == "postgresql":
            # No LIMIT here: with one, PostgreSQL expected to reach it early and scanned the
            # whole table when a kind had no match. The GIN bitmap ANDed with the ACL index
            # counts exactly, in time proportional to the kind's matches.
            limit, limit_params = "", []
        else:
            limit, limit_params = " LIMIT %s", [cap + 1]
        # Only our own fragments are formatted in; every value is a parameter.
        inner = f"SELECT 1 FROM {source} WHERE {match} AND {where}{limit}"  # noqa: S608
        parts.append(f"(SELECT COUNT(*) FROM ({inner}) AS m)")  # noqa: S608
        all_params += [*params, *where_params, *limit_params]
    sql = "SELECT " + ", ".join(parts)
    with connection.cursor() as cursor:
        cursor.execute(sql, all_params)
        row = cursor.fetchone()
    return {kind: int(n) for kind, n in zip(kinds, row, strict=True) if n}


def page(terms: Sequence[QueryTerm], filters: Filters, *, limit: int, offset: int) -> list[Row]:
    """One page of matches, best first (ties by id, so pages never overlap).

    The inner query picks the candidates (permitted matches, newest first, at most
    CANDIDATES or offset + limit) and, on SQLite, scores only those; the outer one reads the
    text of the page's rows alone.
    """
    source, match, params = _match(terms)
    where, where_params = _where(filters, with_kinds=True)
    candidates = max(CANDIDATES, offset + limit)
    # Only our own fragments are formatted in; every value is a parameter.
    if connection.vendor == "postgresql":
        sql = (
            f"SELECT {_COLUMNS}, ts_rank_cd(d.search_vector, q) AS rank FROM ("  # noqa: S608
            # "+ 0": not the primary key's index, which PostgreSQL walks backwards testing
            # each row (100,000 of them) when the LIMIT looks easy to reach; the GIN index
            # finds the matches, then the newest are kept.
            f"SELECT d.id FROM {source} WHERE {match} AND {where} ORDER BY d.id + 0 DESC LIMIT %s"
            ") AS c JOIN search_searchdocument d ON d.id = c.id,"
            " to_tsquery('simple'::regconfig, %s) q ORDER BY rank DESC, d.id LIMIT %s OFFSET %s"
        )
        all_params = [*params, *where_params, candidates, *params, limit, offset]
    else:
        sql = (
            f"SELECT {_COLUMNS}, c.rank FROM ("  # noqa: S608
            "SELECT d.id AS id, -bm25(search_fts, 10.0, 1.0) AS rank"  # bm25: lower is better
            f" FROM {source} WHERE {match} AND {where}"
            " ORDER BY search_fts.rowid DESC LIMIT %s"
            ") AS c CROSS JOIN search_searchdocument d ON d.id = c.id"
            " ORDER BY c.rank DESC, d.id LIMIT %s OFFSET %s"
        )
        all_params = [*params, *where_params, candidates, limit, offset]
    with connection.cursor() as cursor:
        cursor.execute(sql, all_params)
        return [_row(r, float(r[8])) for r in cursor.fetchall()]


def _row(r: Sequence[Any], rank: float) -> Row:
    changed = r[6]
    if isinstance(changed, str):  # SQLite's raw cursor returns text (UTC)
        changed = datetime.fromisoformat(changed)
    if changed.tzinfo is None:
        changed = changed.replace(tzinfo=UTC)
    return Row(r[0], r[1], r[2], r[3], r[4], r[5], changed, r[7], rank)


@dataclass(frozen=True)
class Candidate:
    id: int
    kind: str
    rank: float


def candidates(terms: Sequence[QueryTerm], filters: Filters, *, limit: int) -> list[Candidate]:
    """The permitted matches (every filter applied), the most recently indexed first, at most
    `limit`, each with its kind and score: what `count_by_kind` and `page` find, in one scan.

    The search without a kind filter (search-as-you-type, the results page's "Everything")
    counts and ranks from this one list, so the match is read once instead of once per kind
    and once more for the page."""
    source, match, params = _match(terms)
    where, where_params = _where(filters, with_kinds=True)
    # Only our own fragments are formatted in; every value is a parameter.
    if connection.vendor == "postgresql":
        sql = (
            "SELECT c.id, c.kind, ts_rank_cd(d.search_vector, q) FROM ("  # noqa: S608
            # "+ 0": see `page`.
            f"SELECT d.id, d.kind FROM {source} WHERE {match} AND {where}"
            " ORDER BY d.id + 0 DESC LIMIT %s"
            ") AS c JOIN search_searchdocument d ON d.id = c.id,"
            " to_tsquery('simple'::regconfig, %s) q"
        )
        all_params = [*params, *where_params, limit, *params]
    else:
        sql = (
            "SELECT d.id, d.kind, -bm25(search_fts, 10.0, 1.0)"  # noqa: S608 - bm25: lower is better
            f" FROM {source} WHERE {match} AND {where}"
            " ORDER BY search_fts.rowid DESC LIMIT %s"
        )
        all_params = [*params, *where_params, limit]
    with connection.cursor() as cursor:
        cursor.execute(sql, all_params)
        return [Candidate(pk, kind, float(rank)) for pk, kind, rank in cursor.fetchall()]


def rows(chosen: Sequence[Candidate]) -> list[Row]:
    """The text of `chosen`, in their order (one query by primary key)."""
    if not chosen:
        return []
    marks = ", ".join(["%s"] * len(chosen))
    sql = f"SELECT {_COLUMNS} FROM search_searchdocument d WHERE d.id IN ({marks})"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [c.id for c in chosen])
        found = {r[0]: r for r in cursor.fetchall()}
    return [_row(found[c.id], c.rank) for c in chosen if c.id in found]
