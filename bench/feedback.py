"""Feedback benchmark on the large data set (keel.feedback.large: 250 members × a year of daily
reports ≈ 65,000 reports and 190,000 answers, 20 meeting series; the 300-seat org chart gives
the manager chain):

- feedback home, the team view and the signals list, as the owner;
- the person view of someone trending down, as the owner and as the manager above them on
  the chart (the privacy rules walk the manager chain);
- the signal job for all members (`signals_compute`): the first run, which opens the
  signals, then p50/p95 of the following runs (each brings the same signals up to date).

Goals (issue 13): p95 ≤ 50 ms for the pages, the signal job ≤ 10 s. Called from bench/run.py
inside its per-database child process (SQLite and PostgreSQL).

    .venv/bin/python -m bench.run --only feedback      # just this part, both databases
"""

from __future__ import annotations

import statistics
import time
from typing import Any

from bench.settle import settle

GOAL_P95_MS = 50.0
GOAL_JOB_S = 10.0
JOB_RUNS = 5


def _stats(times: list[float]) -> dict[str, float]:
    cuts = statistics.quantiles(times, n=100, method="inclusive") if len(times) > 1 else times
    return {"p50": statistics.median(times), "p95": cuts[94] if len(cuts) > 94 else max(times)}


def _time(client: Any, url: str, requests: int, warmup: int) -> dict[str, Any]:
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
    return {"status": response.status_code, "queries": queries, **_stats(times)}


def _subject_and_manager(workspace: Any) -> tuple[Any, Any]:
    """Someone with an open mood signal who has a manager (not an owner) above them on the
    chart, and that manager; else anyone with reports and the owner."""
    from keel.core.models import Membership, Role
    from keel.feedback.access import chain_ids
    from keel.feedback.models import Report, Signal, SignalKind

    owner = Membership.objects.get(workspace=workspace, role=Role.OWNER)
    subjects = (
        Signal.objects.in_workspace(workspace)
        .filter(kind=SignalKind.MOOD_DROP, cleared_at__isnull=True)
        .order_by("subject_id")
        .values_list("subject_id", flat=True)
    )
    people = Membership.objects.in_workspace(workspace).select_related("user", "workspace")
    for subject in people.filter(pk__in=list(subjects)).exclude(role=Role.OWNER).order_by("pk"):
        above = chain_ids(subject) - {owner.pk, subject.pk}
        manager = people.active().filter(pk__in=above).exclude(role=Role.OWNER).first()
        if manager is not None:
            return subject, manager
    writer = Report.objects.in_workspace(workspace).values_list("author_id", flat=True).first()
    return people.filter(pk=writer or 0).first(), owner


def measure_feedback(
    workspace: Any, client: Any, *, requests: int, warmup: int
) -> list[dict[str, Any]]:
    """Rows in bench/run.py's shape (page, url, status, queries, p50, p95, members) + note."""
    from django.db import connection
    from django.test import Client
    from django.urls import NoReverseMatch, reverse

    from bench.org import build_seats
    from keel.feedback.large import seed_large_feedback
    from keel.feedback.models import Report
    from keel.feedback.services.signals import signals_compute

    started = time.perf_counter()
    seed_large_feedback(workspace)  # built by the seeding child; here it only checks
    build_seats(workspace)  # the manager chain (the org bench's 300 seats)
    seed_seconds = time.perf_counter() - started
    settle(connection)  # bench/settle.py: statistics and a vacuum, as a live database has
    reports = Report.objects.in_workspace(workspace).count()
    if not reports:
        return [{"page": "feedback", "url": "-", "error": "no bench data (no members?)"}]
    rows: list[dict[str, Any]] = []

    # --- the signal job first: it opens the signals the person pages show ---------------------
    t0 = time.perf_counter()
    first = signals_compute(workspace=workspace)
    first_s = time.perf_counter() - t0
    times = []
    for _ in range(JOB_RUNS):
        t0 = time.perf_counter()
        again = signals_compute(workspace=workspace)
        times.append((time.perf_counter() - t0) * 1000)
    stats = _stats(times)
    verdict = "ok" if max(first_s, stats["p95"] / 1000) <= GOAL_JOB_S else "SLOW"
    rows.append({
        "page": "signal job", "url": "signals_compute (all members)", "status": 200,
        "queries": 0, "members": reports, "seed_seconds": seed_seconds, **stats,
        "note": f"first run {first_s * 1000:.0f} ms opened {first.created} signals; then "
                f"{again.refreshed} refreshed per run [{verdict}]",
    })  # fmt: skip

    subject, manager = _subject_and_manager(workspace)
    manager_client = Client(HTTP_HOST="127.0.0.1")
    manager_client.force_login(manager.user)
    ws = workspace.slug
    person = {"ws": ws, "member_id": getattr(subject, "pk", 0)}
    mine = Report.objects.filter(author=subject).count()
    pages = [
        ("feedback home", client, "feedback_home", {"ws": ws}, "owner"),
        ("team view", client, "feedback_team", {"ws": ws}, "owner, all members"),
        ("signals list", client, "feedback_signals", {"ws": ws}, "owner"),
        ("person (owner)", client, "feedback_person", person, f"{mine} reports"),
        ("person (manager)", manager_client, "feedback_person", person,
         f"{mine} reports, manager chain"),
    ]  # fmt: skip
    from keel.core.serving import freeze_startup_heap

    freeze_startup_heap()  # as `keel serve` does in each worker
    for label, who, name, kwargs, note in pages:
        try:
            url = reverse(name, kwargs=kwargs)
        except NoReverseMatch:
            rows.append({"page": label, "url": name, "error": "no such page yet"})
            continue
        row = _time(who, url, requests, warmup)
        verdict = "ok" if row["p95"] <= GOAL_P95_MS else "SLOW"
        rows.append({"page": label, "url": url, "members": reports, "seed_seconds": seed_seconds,
                     "note": f"{note} [{verdict}]", **row})  # fmt: skip
    return rows
