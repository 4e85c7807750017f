# mypy: disable-error-code="attr-defined,union-attr,arg-type"
"""Query budgets of the wiki's busiest reads at the scale of `make bench` (bench/wiki.py):
the page view, the space tree and search (the selector and the results page) run the same
number of queries with 10 pages as with 200 — over several spaces, with restricted pages
(their own grants) and deep trees, for a plain member (who sees only part) and the owner.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from keel.core.models import Membership
from keel.search.selectors import search
from keel.search.services.index import rebuild
from keel.wiki import services
from keel.wiki.models import Grant, Level, Page, Space

pytestmark = pytest.mark.django_db
WS = "acme"


def url(name: str, **kwargs: object) -> str:
    return reverse(name, kwargs={"ws": WS, **kwargs})


def _queries(fn: Callable[[], Any]) -> int:
    with CaptureQueriesContext(connection) as ctx:
        fn()
    return len(ctx.captured_queries)


def _spaces(owner: Membership) -> list[Space]:
    return [
        services.space_create(actor=owner, name=f"Space {i}", slug=f"space-{i}") for i in range(3)
    ]


def _grow(owner: Membership, spaces: list[Space], n: int, start: int) -> None:
    """`n` more pages over the spaces: chains 4 deep, every 7th page restricted to the owner
    (so the member loses it and its subtree), every page saying 退款 refund."""
    made: list[Page] = []
    for i in range(start, start + n):
        space = spaces[i % len(spaces)]
        parent = made[-len(spaces)] if len(made) >= len(spaces) and i % 4 else None
        page = Page.objects.create(
            workspace=owner.workspace, space=space, parent=parent, position=i,
            title=f"Page {i} 退款", body=f"退款 refund policy {i} [[Page {i + 1} 退款]]",
            restricted=i % 7 == 0, owner=owner,
        )  # fmt: skip
        if page.restricted:
            Grant.objects.create(workspace=owner.workspace, space=space, page=page,
                                 level=Level.EDIT, membership=owner)  # fmt: skip
        made.append(page)
    rebuild(workspace=owner.workspace)


def _fresh(membership: Membership) -> Membership:
    """A new object each time, as each request loads it (no cached permission reader)."""
    return Membership.objects.select_related("workspace", "user").get(pk=membership.pk)


@pytest.mark.parametrize("who", ["owner", "member"])
def test_page_view_tree_and_search_do_not_grow_with_pages(request, login, owner, who):
    reader: Membership = request.getfixturevalue(who)
    spaces = _spaces(owner)
    hub = services.page_create(actor=owner, space=spaces[0], title="Hub",
                               body="退款 refund [[Page 1 退款]] [[Page 2 退款]]")  # fmt: skip
    _grow(owner, spaces, 10, start=0)
    client = login(reader)

    def measure() -> dict[str, int]:
        return {
            "page": _queries(lambda: client.get(url("wiki_page", page_id=hub.pk))),
            "tree": _queries(lambda: client.get(url("wiki_space", space="space-0"))),
            "search selector": _queries(
                lambda: search(membership=_fresh(reader), query="退款 refund")
            ),
            "search page": _queries(lambda: client.get(url("search"), {"q": "退款 refund"})),
        }

    measure()  # the first request fills per-process caches (site settings, the session)
    small = measure()
    hits_small = search(membership=_fresh(reader), query="退款 refund").total
    _grow(owner, spaces, 200, start=10)
    large = measure()
    hits_large = search(membership=_fresh(reader), query="退款 refund").total
    assert hits_large > hits_small  # the searches did find the new pages
    assert large == small
    # The membership; wiki scopes: seats, groups, spaces, their grants, restricted pages, their
    # restricted ancestors (one recursive query), their grants; task projects; count; page.
    assert large["search selector"] <= 11


def test_member_search_hides_restricted_pages_at_any_size(owner, member):
    spaces = _spaces(owner)
    _grow(owner, spaces, 60, start=0)
    seen = search(membership=_fresh(member), query="退款", limit=100)
    hidden = set(Page.objects.filter(restricted=True).values_list("pk", flat=True))
    hidden |= set(Page.objects.filter(parent__restricted=True).values_list("pk", flat=True))
    hidden |= set(Page.objects.filter(parent__parent__restricted=True).values_list("pk", flat=True))
    found = {h.object_id for h in seen.hits if h.kind == "page"}
    assert found and not found & hidden
    assert seen.total == len(found)
