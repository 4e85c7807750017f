"""`make bench`: SQL query counts and server time of the busiest pages on the large data set.

Each database runs in its own process (Django configures one database per process): a
throwaway SQLite file, and a throwaway PostgreSQL database `keel_bench` when PostgreSQL is
reachable (KEEL_BENCH_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/postgres).
Requests go through Django's test Client, so the times are server time without the network.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from typing import Any

PAGES = [("members", "members page"), ("workspace_home", "home page")]
DEFAULT_PG = "postgres://postgres@127.0.0.1:5432/postgres"
BENCH_DB = "keel_bench"


def measure(
    members: int, requests: int, warmup: int, only: str = "", seed_only: bool = False
) -> list[dict[str, Any]]:
    """Runs inside the child process, against the database in DATABASE_URL (or SQLite).

    With `seed_only` it just builds the data set. The parent runs that first in a child of
    its own, so the measuring process starts like a server process: without the hundreds of
    thousands of objects seeding left on its heap, which made Python's cyclic garbage
    collector walk them during the requests (it doubled the task page's time).
    """
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import NoReverseMatch, reverse

    from keel.core.models import Membership, Role
    from keel.core.seeding import seed_large

    call_command("migrate", verbosity=0, interactive=False)
    call_command("createcachetable", verbosity=0)
    started = time.perf_counter()
    result = seed_large(members=members)
    seed_seconds = time.perf_counter() - started
    owner = Membership.objects.get(workspace=result.workspace, role=Role.OWNER).user
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(owner)

    rows: list[dict[str, Any]] = []
    if not seed_only:
        from keel.core.serving import freeze_startup_heap

        freeze_startup_heap()  # as `keel serve` does in each worker
    if seed_only:
        from keel.feedback.large import seed_large_feedback
        from keel.tasks.large import seed_tasks_large
        from keel.wiki.large import seed_wiki_large

        seed_tasks_large(result.workspace)
        rows = [{"seed_seconds": time.perf_counter() - started}]
        if only in ("", "feedback"):  # 65,000 reports, 190,000 answers, 20 meeting series
            t0 = time.perf_counter()
            fb = seed_large_feedback(result.workspace)
            rows.append({"page": "feedback seed", "url": "keel.feedback.large", "status": 200,
                         "queries": 0, "members": fb.reports,
                         "p50": (time.perf_counter() - t0) * 1000, "p95": 0.0,
                         "note": f"{fb.reports:,} reports, {fb.answers:,} answers, "
                                 f"{fb.meetings:,} meetings"})  # fmt: skip
        if only in ("", "kpis"):  # 200 KPIs × 60 months, on the 300-seat chart's teams
            from bench.org import build_seats
            from keel.kpis.large import seed_kpis_large

            build_seats(result.workspace)
            seed_kpis_large(result.workspace)
        if only in ("feedback", "kpis"):  # the wiki and its index are not needed
            return rows
        wiki = seed_wiki_large(result.workspace)  # then the index of pages and tasks
        docs = sum(wiki.index_counts.values())
        return [*rows,
                {"page": "index rebuild", "url": "keel search rebuild", "status": 200,
                 "queries": 0, "members": docs, "p50": wiki.rebuild_seconds * 1000, "p95": 0.0,
                 "note": f"{docs / max(wiki.rebuild_seconds, 1e-9):,.0f} docs/s; wiki seeded in "
                         f"{wiki.seed_seconds:.0f} s ({wiki.pages:,} pages, "
                         f"{wiki.revisions:,} revisions)"}]  # fmt: skip
    if only == "tasks":
        from bench.tasks import measure_tasks  # 100,000 tasks, 200,000 comments

        return measure_tasks(result.workspace, client, requests=requests, warmup=warmup)
    if only == "wiki":
        from bench.wiki import measure_wiki  # 20,000 pages, 100,000 revisions, the index

        return measure_wiki(result.workspace, client, requests=requests, warmup=warmup)
    if only == "feedback":
        from bench.feedback import measure_feedback  # 65,000 reports, the signal job

        return measure_feedback(result.workspace, client, requests=requests, warmup=warmup)
    if only == "kpis":
        from bench.kpis import measure_kpis  # 200 KPIs × 60 months

        return measure_kpis(result.workspace, client, requests=requests, warmup=warmup)
    for name, label in PAGES:
        try:
            url = reverse(name, kwargs={"ws": result.workspace.slug})
        except NoReverseMatch:
            rows.append({"page": label, "url": name, "error": "no such page yet"})
            continue
        for _ in range(warmup):
            client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        # Read the count now: the next request's request_started signal clears the log.
        queries = len(ctx.captured_queries)
        times = []
        for _ in range(requests):
            t0 = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - t0) * 1000)
        cuts = statistics.quantiles(times, n=100, method="inclusive")
        rows.append(
            {
                "page": label,
                "url": url,
                "status": response.status_code,
                "queries": queries,
                "p50": statistics.median(times),
                "p95": cuts[94],
                "members": Membership.objects.filter(workspace=result.workspace).count(),
                "seed_seconds": seed_seconds,
            }
        )
    from bench.org import measure_org  # the org chart with 300 seats

    rows += measure_org(result.workspace, client, requests=requests, warmup=warmup)
    from bench.tasks import measure_tasks  # 100,000 tasks, 200,000 comments

    rows += measure_tasks(result.workspace, client, requests=requests, warmup=warmup)
    from bench.wiki import measure_wiki  # 20,000 pages, 100,000 revisions, the index

    rows += measure_wiki(result.workspace, client, requests=requests, warmup=warmup)
    from bench.feedback import measure_feedback  # 65,000 reports, the signal job

    rows += measure_feedback(result.workspace, client, requests=requests, warmup=warmup)
    from bench.kpis import measure_kpis  # 200 KPIs × 60 months

    rows += measure_kpis(result.workspace, client, requests=requests, warmup=warmup)
    return rows


def _postgres_admin_url() -> str | None:
    url = os.environ.get("KEEL_BENCH_POSTGRES_URL", DEFAULT_PG)
    try:
        import psycopg

        with psycopg.connect(url, connect_timeout=3):
            return url
    except Exception:  # any failure means "not reachable": the SQLite figures still count
        return None


def _run_child(label: str, env: dict[str, str], args: argparse.Namespace) -> list[dict]:
    cmd = [sys.executable, "-m", "bench.run", "--child", "--members", str(args.members),
           "--requests", str(args.requests), "--warmup", str(args.warmup),
           "--only", args.only]  # fmt: skip
    print(f"… {label}: migrating, seeding {args.members} members", flush=True)
    seeded = _child_output(label, [*cmd, "--seed-only"], env)
    print(f"… {label}: measuring", flush=True)
    # The seeding child reports the index rebuild (a row with a time, not p50/p95).
    return [row for row in seeded if "page" in row] + _child_output(label, cmd, env)


def _child_output(label: str, cmd: list[str], env: dict[str, str]) -> list[dict]:
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"benchmark on {label} failed")
    return list(json.loads(done.stdout.strip().splitlines()[-1]))


def _print_table(label: str, rows: list[dict]) -> None:
    print(f"\n{label}")
    # "rows" is the data size behind the page: members for people pages, seats for the chart.
    print(f"  {'page':<14} {'url':<40} {'rows':>7} {'queries':>7} {'p50 ms':>8} {'p95 ms':>8}")
    for row in rows:
        if "error" in row:
            print(f"  {row['page']:<14} {row['url']:<40} {row['error']}")
            continue
        status = "" if row["status"] == 200 else f"  (HTTP {row['status']}!)"
        if row["page"] in ("index rebuild", "feedback seed"):  # one run: p50 holds the time
            print(f"  {row['page']:<14} {row['url']:<40} {row['members']:>7} {'':>7} "
                  f"{row['p50'] / 1000:>7.0f}s {'':>8}  {row['note']}")  # fmt: skip
            continue
        print(
            f"  {row['page']:<14} {row['url']:<40} {row['members']:>7} {row['queries']:>7} "
            f"{row['p50']:>8.1f} {row['p95']:>8.1f}{status}"
            + (f"  {row['note']}" if row.get("note") else "")
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--members", type=int, default=250)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--seed-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument(
        "--only",
        choices=["", "tasks", "wiki", "feedback", "kpis"],
        default="",
        help="Measure one part.",
    )
    args = parser.parse_args()

    if args.child:
        rows = measure(args.members, args.requests, args.warmup, args.only, args.seed_only)
        print(json.dumps(rows))
        return 0

    base_env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "EMAIL_URL", "KEEL_ENV", "KEEL_DEMO_PASSWORD"}
    }
    # Measure what production runs: no debug toolbar work, no query log kept in memory.
    base_env.update(DJANGO_SETTINGS_MODULE="keel.settings.base", KEEL_DEBUG="0",
                    KEEL_LOG_LEVEL="WARNING")  # fmt: skip
    results: list[tuple[str, list[dict]]] = []

    with tempfile.TemporaryDirectory(prefix="keel-bench-") as tmp:
        env = dict(base_env, KEEL_DATA_DIR=tmp)
        results.append(("SQLite", _run_child("SQLite", env, args)))

        admin = None if args.no_postgres else _postgres_admin_url()
        if admin is None:
            print("… PostgreSQL: not reachable, skipped")
        else:
            import psycopg

            parts = urllib.parse.urlsplit(admin)
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")
                conn.execute(f"CREATE DATABASE {BENCH_DB}")
            try:
                db_url = parts._replace(path=f"/{BENCH_DB}").geturl()
                env = dict(base_env, KEEL_DATA_DIR=tmp, DATABASE_URL=db_url)
                results.append(("PostgreSQL", _run_child("PostgreSQL", env, args)))
            finally:
                with psycopg.connect(admin, autocommit=True) as conn:
                    conn.execute(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")

    print(f"\nKeel bench: {args.members} members, {args.requests} requests per page after "
          f"{args.warmup} warm-up, server time through Django's test client")  # fmt: skip
    for label, rows in results:
        _print_table(label, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
