"""Wiki and search benchmark on the large data set (keel.wiki.large: 20,000 pages in 40
spaces, 100,000 revisions; with the 100,000 bench tasks all in the search index):

- search: ~30 realistic queries (Chinese 2-character words, English, mixed, Traditional)
  through the `search` selector as a member (restricted pages hidden), and the results page
  once per query through the test client;
- page view: GET wiki_page of random pages the member may read (each one a first render);
- space page: the largest space's tree;
- save: page_update with a small edit, the search index job left out (it runs after commit,
  in a job: `index_pages_later` is replaced by a no-op while timing).

Called from bench/run.py inside its per-database child process (SQLite and PostgreSQL).

    .venv/bin/python -m bench.run --only wiki      # just this part, both databases
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from typing import Any
from unittest import mock

from bench.settle import settle

GOALS_P95_MS = {"search": 30.0, "search page": 30.0, "page view": 50.0, "save": 80.0}

QUERIES = [
    # Simplified Chinese, 2-character words and pairs
    "退款", "库存", "发票", "物流", "供应商", "亚马逊", "库存 盘点", "差评 处理", "报关",
    "仓库 收货", "工资", "优惠券",
    # Traditional
    "發票", "庫存", "退貨 運費", "供應商 驗貨", "報銷",
    # English
    "refund", "shipping label", "supplier", "inventory count", "listing images", "invoice",
    "customs", "onboarding",
    # mixed and typed-as-you-go prefixes
    "Amazon 退款", "FBA 库存", "Shopify 优惠券", "SKU 盘点", "refu", "退款 policy",
]  # fmt: skip


def _stats(times: list[float]) -> dict[str, float]:
    cuts = statistics.quantiles(times, n=100, method="inclusive")
    return {"p50": statistics.median(times), "p95": cuts[94]}


def _queries_of(fn: Callable[[], Any]) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        fn()
    return len(ctx.captured_queries)


def _searcher(workspace: Any) -> Any:
    """A plain member in a group: sees the company spaces, some private ones and some
    restricted pages, not the others (the ACL list is as long as it gets)."""
    from keel.accounts.models import GroupMembership
    from keel.core.models import Membership, Role

    in_group = GroupMembership.objects.filter(
        membership__workspace=workspace, membership__role=Role.MEMBER
    ).values_list("membership_id", flat=True)
    return (
        Membership.objects.in_workspace(workspace)
        .select_related("user", "workspace")
        .active()
        .filter(pk__in=in_group)
        .order_by("pk")
        .first()
    ) or Membership.objects.in_workspace(workspace).filter(role=Role.MEMBER).first()


def _allowed(
    member: Any, sample: list[tuple[int, int]], levels: dict[int, str], needed: str
) -> list[int]:
    """The sampled (page, space) ids the member may open at `needed` (a restricted
    ancestor hides some), in sample order."""
    from keel.wiki.access import can, page_levels, reader_for
    from keel.wiki.models import Page

    by_space: dict[int, list[int]] = {}
    for pk, space_id in sample:
        by_space.setdefault(space_id, []).append(pk)
    ok: set[int] = set()
    for space_id, ids in by_space.items():
        got = page_levels(reader_for(member), list(Page.objects.filter(pk__in=ids)),
                          levels[space_id])  # fmt: skip
        ok |= {pk for pk, level in got.items() if can(level, needed)}
    return [pk for pk, _space in sample if pk in ok]


def measure_wiki(
    workspace: Any, client: Any, *, requests: int, warmup: int
) -> list[dict[str, Any]]:
    """Rows in bench/run.py's shape (page, url, status, queries, p50, p95, members) + note."""
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from keel.search.models import SearchDocument
    from keel.search.selectors import search
    from keel.wiki.access import EDIT, READ, can, reader_for, space_levels
    from keel.wiki.large import SLUG_PREFIX, seed_wiki_large
    from keel.wiki.models import Page, Space
    from keel.wiki.services import page_update

    data = seed_wiki_large(workspace)
    settle(connection)  # bench/settle.py: statistics and a vacuum, as a live database has
    member = _searcher(workspace)
    if member is None or not data.pages:
        return [{"page": "wiki", "url": "-", "error": "no bench data"}]
    who = Client(HTTP_HOST="127.0.0.1")
    who.force_login(member.user)
    indexed = SearchDocument.objects.in_workspace(workspace).count()
    ws = workspace.slug
    rng = random.Random(7)  # bench sampling, not security
    rows: list[dict[str, Any]] = []

    # --- search through the selector, as the member --------------------------------------
    def run(q: str) -> Any:
        # A fresh membership object per search, as each request has (no cached Reader).
        fresh = type(member).objects.select_related("workspace").get(pk=member.pk)
        return search(membership=fresh, query=q, limit=20)

    for q in QUERIES[:warmup]:
        run(q)
    queries = _queries_of(lambda: run(QUERIES[0]))
    reps = max(2, requests // len(QUERIES))
    times, totals = [], []
    for _ in range(reps):
        for q in QUERIES:
            t0 = time.perf_counter()
            result = run(q)
            times.append((time.perf_counter() - t0) * 1000)
            totals.append(result.total)
    rows.append({"page": "search", "url": f"selector, {len(QUERIES)} queries", "status": 200,
                 "queries": queries, "members": indexed,
                 "note": f"{min(totals)}–{max(totals)} hits", **_stats(times)})  # fmt: skip

    # --- the results page, once per query --------------------------------------------------
    url = reverse("search", kwargs={"ws": ws})
    for q in QUERIES[:warmup]:
        who.get(url, {"q": q})
    queries = _queries_of(lambda: who.get(url, {"q": QUERIES[0]}))
    times = []
    status = 200
    for q in QUERIES:
        t0 = time.perf_counter()
        response = who.get(url, {"q": q})
        times.append((time.perf_counter() - t0) * 1000)
        status = response.status_code if response.status_code != 200 else status
    rows.append({"page": "search page", "url": url + "?q=…", "status": status,
                 "queries": queries, "members": indexed, **_stats(times)})  # fmt: skip

    # --- page view: random pages the member may read ---------------------------------------
    spaces = list(Space.objects.in_workspace(workspace).filter(slug__startswith=SLUG_PREFIX))
    levels = space_levels(reader_for(member), spaces)
    readable_spaces = [s for s in spaces if can(levels[s.pk], READ)]
    candidates = list(Page.objects.filter(space__in=readable_spaces).values_list("pk", "space_id"))
    readable = _allowed(member, rng.sample(candidates, min(len(candidates), 3 * requests)),
                        levels, READ)[: requests + warmup + 1]  # fmt: skip
    rng.shuffle(readable)

    def page_url(pk: int) -> str:
        return reverse("wiki_page", kwargs={"ws": ws, "page_id": pk})

    for pk in readable[:warmup]:
        who.get(page_url(pk))
    queries = _queries_of(lambda: who.get(page_url(readable[warmup])))
    times = []
    status = 200
    for pk in readable[warmup + 1 :]:
        t0 = time.perf_counter()
        response = who.get(page_url(pk))
        times.append((time.perf_counter() - t0) * 1000)
        status = response.status_code if response.status_code != 200 else status
    rows.append({"page": "page view", "url": page_url(0).replace("/0/", "/<id>/"),
                 "status": status, "queries": queries, "members": data.pages,
                 "note": f"{len(times)} random pages, first render", **_stats(times)})  # fmt: skip

    # --- the largest space's page (its tree) ----------------------------------------------
    big = max(readable_spaces, key=lambda s: Page.objects.filter(space=s).count())
    space_url = reverse("wiki_space", kwargs={"ws": ws, "space": big.slug})
    for _ in range(warmup):
        who.get(space_url)
    queries = _queries_of(lambda: who.get(space_url))
    times = []
    for _ in range(requests):
        t0 = time.perf_counter()
        response = who.get(space_url)
        times.append((time.perf_counter() - t0) * 1000)
    rows.append({"page": "space page", "url": space_url, "status": response.status_code,
                 "queries": queries, "members": Page.objects.filter(space=big).count(),
                 "note": "tree of the space", **_stats(times)})  # fmt: skip

    # --- save: a small edit through the service, index job excluded -----------------------
    targets = _allowed(member, rng.sample(candidates, min(len(candidates), 3 * requests)),
                       levels, EDIT)[: requests + warmup + 1]  # fmt: skip

    def save(pk: int, n: int) -> float:
        """Milliseconds of the service call alone (the view's reads are the page view's)."""
        fresh = type(member).objects.select_related("workspace", "user").get(pk=member.pk)
        page = Page.objects.select_related("space").get(pk=pk)
        lines = page.body.split("\n")
        lines[0] = f"{lines[0]} · checked {n}"
        t0 = time.perf_counter()
        page_update(actor=fresh, page=page, base_version=page.version, body="\n".join(lines),
                    summary="bench edit")  # fmt: skip
        return (time.perf_counter() - t0) * 1000

    with mock.patch("keel.wiki.search.index_pages_later"):
        for n, pk in enumerate(targets[:warmup]):
            save(pk, n)
        queries = _queries_of(lambda: save(targets[warmup], 0)) - 2  # less the two reads above
        times = [save(pk, n) for n, pk in enumerate(targets[warmup + 1 :][:requests])]
    rows.append({"page": "save", "url": "page_update (service)", "status": 200,
                 "queries": queries, "members": data.revisions,
                 "note": "small edit, index job excluded", **_stats(times)})  # fmt: skip

    for row in rows:
        goal = GOALS_P95_MS.get(row["page"])
        if goal is not None:
            verdict = "ok" if row["p95"] <= goal else "SLOW"
            row["note"] = f"{row.get('note', '')} [≤{goal:.0f} ms: {verdict}]".strip()
    return rows
