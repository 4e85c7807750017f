"""The results page (`/<ws>/search/?q=`) and the shell box's dropdown (`suggest/`).

Both call the one selector with the caller's membership: what the page and the dropdown
show is what the searcher may open, nothing else.
"""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from keel.core.middleware import request_membership
from keel.search.backends import COUNT_CAP
from keel.search.forms import SearchForm
from keel.search.selectors import search

PER_PAGE = 20
SUGGESTIONS = 8


@login_required
@require_GET
def search_page(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    form = SearchForm(request.GET)
    query = form.value("q") or ""
    kind = form.value("kind") or ""
    page = form.value("page") or 1
    changed = form.value("changed") or ""
    mine = bool(form.value("mine"))
    results = search(
        membership=actor,
        query=query,
        kinds=[kind] if kind else None,
        owner_id=actor.pk if mine else None,
        changed_after=timezone.now() - timedelta(days=int(changed)) if changed else None,
        limit=PER_PAGE,
        offset=(page - 1) * PER_PAGE,
    )
    pages = max(1, -(-results.total // PER_PAGE))
    everything = sum(k.count for k in results.kinds)
    context = {
        "form": form,
        "query": query,
        "kind": kind,
        "changed": changed,
        "mine": mine,
        "filters": urlencode(
            {k: v for k, v in (("changed", changed), ("mine", "on" if mine else "")) if v}
        ),
        "results": results,
        # Counts stop at a cap ("1,000+"), the sum of the kinds' too.
        "all_count": min(everything, COUNT_CAP),
        "all_more": everything > COUNT_CAP or any(k.more for k in results.kinds),
        "page": page,
        "pages": pages,
        "previous_page": page - 1 if page > 1 else None,
        "next_page": page + 1 if results.has_next else None,
    }
    return render(request, "search/page.html", context)


@login_required
@require_GET
def search_suggest(request: HttpRequest, ws: str) -> HttpResponse:
    """The dropdown under the shell's box: the best few hits and a link to all of them."""
    actor = request_membership(request)
    query = SearchForm(request.GET).value("q") or ""
    results = search(membership=actor, query=query, limit=SUGGESTIONS)
    return render(request, "search/suggest.html", {"query": query, "results": results})
