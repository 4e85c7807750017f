"""Tasks benchmark on the large data set (100,000 tasks, 200,000 comments, 250 members):
"My tasks", a 5,000-task project's list (first page) and board, the task page, the calendar
month, the API list with a Bearer token, and a bare Django JSON view as the floor — all
through the same test client, middleware and URL resolver. Called from bench/run.py inside
its per-database child process (SQLite and PostgreSQL).

    .venv/bin/python -m bench.run --only tasks      # just this part, both databases
"""

from __future__ import annotations

import statistics
import time
from typing import Any

from django.http import HttpRequest, JsonResponse
from django.urls import include, path

from bench.settle import settle

GOAL_P95_MS = 50.0
GOAL_API_RATIO = 30.0


def floor(request: HttpRequest) -> JsonResponse:
    """The floor: a view that does nothing but answer JSON."""
    return JsonResponse({"ok": True})


# Mounted with override_settings(ROOT_URLCONF="bench.tasks") so the floor goes through the
# same resolver and middleware as the pages it is compared with.
urlpatterns = [path("bench-floor/", floor, name="bench_floor"), path("", include("keel.urls"))]


def _time(client: Any, url: str, requests: int, warmup: int, **headers: Any) -> dict[str, Any]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(warmup):
        client.get(url, **headers)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, **headers)
    queries = len(ctx.captured_queries)
    times = []
    for _ in range(requests):
        t0 = time.perf_counter()
        client.get(url, **headers)
        times.append((time.perf_counter() - t0) * 1000)
    cuts = statistics.quantiles(times, n=100, method="inclusive")
    return {
        "status": response.status_code,
        "queries": queries,
        "p50": statistics.median(times),
        "p95": cuts[94],
    }


def measure_tasks(
    workspace: Any, client: Any, *, requests: int, warmup: int
) -> list[dict[str, Any]]:
    """Rows in bench/run.py's shape (page, url, status, queries, p50, p95, members) + note."""
    from django.test import Client, override_settings
    from django.urls import NoReverseMatch, reverse

    from keel.accounts.tokens import token_create
    from keel.core.models import Membership, Role
    from keel.tasks.large import seed_tasks_large
    from keel.tasks.models import Task

    started = time.perf_counter()
    data = seed_tasks_large(workspace)
    seed_seconds = time.perf_counter() - started
    from django.db import connection

    settle(connection)  # bench/settle.py: statistics and a vacuum, as a live database has
    project, busy = data.hot_project, data.busy_member
    if project is None or busy is None:
        return [{"page": "tasks", "url": "-", "error": "no bench data (no members?)"}]
    owner = Membership.objects.get(workspace=workspace, role=Role.OWNER)
    hot_task = Task.objects.filter(project=project).order_by("number").first()
    busy_client = Client(HTTP_HOST="127.0.0.1")
    busy_client.force_login(busy.user)
    _token, raw = token_create(membership=owner, name="bench")
    total = Task.objects.in_workspace(workspace).count()
    ws = workspace.slug
    mine = Task.objects.filter(assignee=busy).count()
    hot = Task.objects.filter(project=project).count()

    pages: list[tuple[str, Any, str, dict[str, Any], dict[str, str], str]] = [
        ("floor (JSON)", client, "bench_floor", {}, {}, "bare Django JsonResponse"),
        ("my tasks", busy_client, "tasks_mine", {"ws": ws}, {}, f"{mine} tasks assigned"),
        ("project list", client, "project_tasks", {"ws": ws, "project_id": project.pk}, {},
         f"{hot} tasks, first page"),
        ("project board", client, "project_board", {"ws": ws, "project_id": project.pk}, {},
         f"{hot} tasks"),
        ("task page", client, "task_detail", {"ws": ws, "task_id": getattr(hot_task, "pk", 0)},
         {}, "60 comments"),
        ("calendar", busy_client, "tasks_calendar", {"ws": ws}, {}, "this month, my tasks"),
    ]  # fmt: skip
    rows: list[dict[str, Any]] = []
    with override_settings(ROOT_URLCONF="bench.tasks"):
        for label, who, name, kwargs, headers, note in pages:
            try:
                url = reverse(name, kwargs=kwargs or None)
            except NoReverseMatch:
                rows.append({"page": label, "url": name, "error": "no such page yet"})
                continue
            row = _time(who, url, requests, warmup, **headers)
            rows.append({"page": label, "url": url, "members": total, "note": note,
                         "seed_seconds": seed_seconds, **row})  # fmt: skip
        api_url = f"/api/v1/workspaces/{ws}/tasks?project={project.pk}&limit=50"
        api = _time(Client(HTTP_HOST="127.0.0.1"), api_url, requests, warmup,
                    HTTP_AUTHORIZATION=f"Bearer {raw}")  # fmt: skip
        rows.append({"page": "API task list", "url": api_url.split("?")[0] + "?project&limit=50",
                     "members": total, "seed_seconds": seed_seconds, **api})  # fmt: skip
    base = next((r for r in rows if r["page"] == "floor (JSON)" and "p95" in r), None)
    for row in rows:
        if "p95" not in row:
            continue
        verdict = "ok" if row["p95"] <= GOAL_P95_MS else "SLOW"
        if row["page"] == "API task list" and base:
            ratio = row["p50"] / base["p50"] if base["p50"] else 0.0
            verdict += f"; {ratio:.1f}× floor (p50) {'ok' if ratio <= GOAL_API_RATIO else 'SLOW'}"
        row["note"] = f"{row.get('note', '')} [{verdict}]".strip()
    return rows
