"""Org chart benchmark: the chart page (today and the future) and the SVG and PDF exports with 300
seats; plus the pure layout time. Called from bench/run.py inside its per-database child
process, so it measures on SQLite and on PostgreSQL alike.

    .venv/bin/python -m bench.run            # everything, both databases
    .venv/bin/python -m bench.run --seats 300
"""

from __future__ import annotations

import datetime
import statistics
import time
from typing import Any

SEATS = 300


def build_seats(workspace: Any, seats: int = SEATS) -> int:
    """The org-core bench builder when there is one, else a plain bulk-inserted tree."""
    try:
        from keel.org.demo import seed_org_large
    except ImportError:
        return _build_seats_fallback(workspace, seats)
    return int(seed_org_large(workspace, seats=seats))


def _build_seats_fallback(workspace: Any, seats: int) -> int:
    from keel.core.models import Membership
    from keel.org.models import Department, Seat, SeatStatus

    existing = Seat.objects.filter(workspace=workspace).count()
    if existing >= seats:
        return existing
    departments = [
        Department.objects.get_or_create(
            workspace=workspace, parent=None, name=f"Bench {i}", defaults={"colour": i}
        )[0]
        for i in range(1, 9)
    ]
    members = list(
        Membership.objects.filter(workspace=workspace).order_by("pk").values_list("pk", flat=True)
    )
    count = seats - existing
    created: list[Any] = []
    level_start, level = 0, [0]
    parent_of = [None] + [(i - 1) // 4 for i in range(1, count)]  # a 4-ary tree
    while level:
        batch = []
        for i in level:
            holder = members[i % len(members)] if members and i % 5 else None
            status = SeatStatus.FILLED if holder else (
                SeatStatus.PLANNED if i % 10 == 0 and i else SeatStatus.OPEN
            )  # fmt: skip
            parent = parent_of[i]
            batch.append(
                Seat(
                    workspace=workspace,
                    title=f"Bench seat {i}",
                    holder_id=holder,
                    status=status,
                    department=departments[i % 8],
                    reports_to=created[parent] if parent is not None else None,
                    placeholder_name="" if holder else f"To hire {i}",
                    planned_for=datetime.date(2027, 1, 1) if status == SeatStatus.PLANNED else None,
                    position=i,
                )
            )
        created.extend(Seat.objects.bulk_create(batch))
        level_start += len(level)
        level = [i for i in range(level_start, count) if parent_of[i] in set(level)]
    return existing + count


def _time(client: Any, url: str, requests: int, warmup: int) -> tuple[int, int, list[float]]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(warmup):
        client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    queries = len(ctx.captured_queries)
    times = []
    for _ in range(requests):
        t0 = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - t0) * 1000)
    return response.status_code, queries, times


def measure_org(
    workspace: Any, client: Any, *, requests: int, warmup: int, seats: int = SEATS
) -> list[dict[str, Any]]:
    """Rows in bench/run.py's shape: page, url, status, queries, p50, p95 (ms), members."""
    from django.urls import NoReverseMatch, reverse

    from keel.org.chart import chart_for
    from keel.org.layout import NodeSpec, layout_forest
    from keel.org.models import Seat

    started = time.perf_counter()
    total = build_seats(workspace, seats)
    seed_seconds = time.perf_counter() - started
    future = f"?as_of={datetime.date.today().year + 5}-12-31"  # noqa: DTZ011 - bench only
    pages = [
        ("org_chart", "", "org chart"),
        ("org_chart", future, "org chart 5y"),
        ("org_chart_svg", future, "chart.svg 5y"),
        ("org_chart_pdf", future, "chart.pdf 5y"),  # A3 pages, fonts subset and embedded
    ]
    rows: list[dict[str, Any]] = []
    for name, query, label in pages:
        try:
            url = reverse(name, kwargs={"ws": workspace.slug}) + query
        except NoReverseMatch:
            rows.append({"page": label, "url": name, "error": "no such page yet"})
            continue
        status, queries, times = _time(client, url, requests, warmup)
        cuts = statistics.quantiles(times, n=100, method="inclusive")
        rows.append(
            {
                "page": label, "url": url, "status": status, "queries": queries,
                "p50": statistics.median(times), "p95": cuts[94], "members": total,
                "seed_seconds": seed_seconds,
            }
        )  # fmt: skip

    # The layout alone, on the same seats: what the tidy-tree algorithm costs per request.
    chart = chart_for(workspace=workspace, as_of=datetime.date(2100, 1, 1))
    specs = [NodeSpec(pk, n.parent_id) for pk, n in chart.nodes.items()]
    times = []
    for _ in range(requests):
        t0 = time.perf_counter()
        layout_forest(specs)
        times.append((time.perf_counter() - t0) * 1000)
    cuts = statistics.quantiles(times, n=100, method="inclusive")
    rows.append(
        {
            "page": "layout only", "url": f"{len(specs)} nodes", "status": 200, "queries": 0,
            "p50": statistics.median(times), "p95": cuts[94],
            "members": Seat.objects.filter(workspace=workspace).count(), "seed_seconds": 0.0,
        }
    )  # fmt: skip
    return rows
