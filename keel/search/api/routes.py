"""GET /api/v1/workspaces/{slug}/search?q=&kind=&cursor=&limit=: the results page as JSON.

Permission-filtered by the same selector as the page; paged by an opaque cursor (the rank
order has no stable key, so the cursor carries the offset).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router

from keel.core.api_support import ERROR_RESPONSES, workspace_membership
from keel.core.pagination import InvalidCursor, decode_cursor, encode_cursor
from keel.search.api.schemas import SearchPageOut, SearchParams
from keel.search.selectors import search

router = Router(tags=["search"])

WS = "/workspaces/{slug}"
MAX_OFFSET = 10_000


class _Offset:
    """Parses the cursor's sort value: it must be the marker we wrote."""

    @staticmethod
    def to_python(value: Any) -> Any:
        if value != "search":
            raise ValueError(value)
        return value


@router.get(f"{WS}/search", response={200: SearchPageOut, **ERROR_RESPONSES})
def search_documents(
    request: HttpRequest, slug: str, params: Query[SearchParams]
) -> dict[str, Any]:
    """Everything in the workspace you may open that matches `q`, best first."""
    membership = workspace_membership(request, slug)
    offset = 0
    if params.cursor:
        _, offset = decode_cursor(params.cursor, _Offset())
        if not 0 <= offset <= MAX_OFFSET:
            raise InvalidCursor()
    results = search(
        membership=membership,
        query=params.q,
        kinds=[params.kind] if params.kind else None,
        owner_id=params.owner_id,
        changed_after=params.changed_after,
        changed_before=params.changed_before,
        facets={"space": params.space} if params.space else None,
        limit=params.limit,
        offset=offset,
    )
    next_offset = offset + len(results.hits)
    return {
        "items": [
            {
                "kind": hit.kind,
                "object_id": hit.object_id,
                "title": hit.plain_title,
                "title_html": str(hit.title),
                "snippet_html": str(hit.snippet),
                "url": hit.url,
                "changed_at": hit.changed_at,
                "owner_id": hit.owner_id,
            }
            for hit in results.hits
        ],
        "next_cursor": encode_cursor("search", next_offset) if results.has_next else None,
        "total": results.total,
        "more": results.more,
        "kinds": [
            {"kind": k.kind, "label": str(k.label), "count": k.count, "more": k.more}
            for k in results.kinds
        ],
    }
