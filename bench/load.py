# ruff: noqa: S310 - every URL here is http://127.0.0.1, built by this script
"""`make loadtest`: 50 simulated people doing a day's work against `keel serve`.

Each user signs in, then loops for the duration: opens My tasks, the project's list, the
board, creates a task, comments on it and completes it (pages through the session, writes
through the API with the user's own token), with a short think time. Loopback only, bounded
in time. Reports per action: count, server errors, p50 / p95 / max latency in ms, and
checks that every acknowledged write is in the database (0 lost writes).

Also measured, side by side under the same server: requests per second of the task-list API
at 8 concurrent clients against a bare Django JSON view (`/healthz`: no database, the same
middleware), and the idle memory (RSS) of `keel serve` + `keel worker` after start-up.

    .venv/bin/python -m bench.load                       # SQLite, then PostgreSQL + Redis
    .venv/bin/python -m bench.load --users 50 --seconds 180 --only postgres
"""

from __future__ import annotations

import argparse
import contextlib
import http.cookiejar
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

KEEL = [sys.executable, "-m", "keel.manage"]
PASSWORD = "load test password 1"
PG_ADMIN = os.environ.get("KEEL_BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("KEEL_BENCH_REDIS_URL", "redis://127.0.0.1:6379/8")
SETUP = """
from keel.accounts.models import User
from keel.accounts.tokens import token_create
from keel.accounts.services.workspaces import workspace_create
from keel.core.models import Membership, Role
from keel.tasks import services as tasks
import json
owner = User.objects.create_user(email="owner@load.example", password={password!r})
m = workspace_create(user=owner, name="Load Shop", slug="load", email_domain="load.example")
project = tasks.project_create(actor=m, name="Daily work", key="DAY")
users = []
for i in range({users}):
    u = User.objects.create_user(email=f"user{{i}}@load.example", password={password!r},
                                 full_name=f"User {{i}}")
    member = Membership.objects.create(workspace=m.workspace, user=u, role=Role.MEMBER)
    _token, raw = token_create(membership=member, name="load")
    users.append({{"email": u.email, "token": raw}})
for i in range(300):
    tasks.task_create(actor=m, project=project, title=f"Backlog item {{i}}")
print(json.dumps({{"project": project.pk, "users": users}}))
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class User:
    def __init__(self, base: str, email: str, token: str, address: str) -> None:
        self.base, self.email, self.token = base, email, token
        jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        # Each person comes from their own address, through "the proxy" (KEEL_TRUSTED_PROXY_COUNT
        # is 1 here): 50 sign-ins from one address would rightly hit the sign-in rate limit.
        self.forwarded = {"X-Forwarded-For": address}
        self.opener.addheaders = [("X-Forwarded-For", address)]

    def page(self, path: str) -> int:
        try:
            with self.opener.open(self.base + path, timeout=60) as response:
                response.read()
                return int(response.status)
        except urllib.error.HTTPError as error:
            return int(error.code)

    def sign_in(self) -> None:
        with self.opener.open(f"{self.base}/accounts/login/", timeout=60) as response:
            page = response.read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token
        data = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token.group(1), "login": self.email, "password": PASSWORD}
        )
        request = urllib.request.Request(
            f"{self.base}/accounts/login/",
            data=data.encode(),
            headers={"Referer": f"{self.base}/accounts/login/"},
        )
        with self.opener.open(request, timeout=60) as response:
            assert "/accounts/login/" not in response.geturl(), "sign-in failed"

    def api(self, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        request = urllib.request.Request(
            f"{self.base}/api/v1{path}",
            method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={
                "Authorization": f"Bearer {self.token}",
                "Content-Type": "application/json",
                **self.forwarded,
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return int(response.status), json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            return int(error.code), None


def _percentiles(times: list[float]) -> tuple[float, float, float]:
    if len(times) < 2:
        return (times[0], times[0], times[0]) if times else (0.0, 0.0, 0.0)
    cuts = statistics.quantiles(times, n=100, method="inclusive")
    return statistics.median(times), cuts[94], max(times)


@contextlib.contextmanager
def _server(env: dict[str, str], port: int, logs: Path, *, worker: bool) -> Iterator[list[int]]:
    cmds = [[*KEEL, "serve", "--bind", f"127.0.0.1:{port}"]]
    if worker:
        cmds.append([*KEEL, "worker"])
    procs = [
        subprocess.Popen(
            cmd,
            env=env,
            stdout=(logs / f"p{i}.log").open("wb"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        for i, cmd in enumerate(cmds)
    ]
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                    break
            except OSError:
                time.sleep(0.3)
        else:
            raise SystemExit(f"keel serve did not start; see {logs}")
        yield [p.pid for p in procs]
    finally:
        for p in procs:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(p.pid, signal.SIGTERM)
        for p in procs:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)


def _rss_mb(pids: list[int]) -> float:
    """Resident memory of these processes and all their children (gunicorn's workers)."""
    total = 0
    out = subprocess.run(
        ["ps", "-eo", "pid,pgid,rss"], capture_output=True, text=True, check=True
    ).stdout.splitlines()[1:]
    groups = {os.getpgid(pid) for pid in pids}
    for line in out:
        _pid, pgid, rss = (int(x) for x in line.split())
        if pgid in groups:
            total += rss
    return total / 1024


class _ConnectionSampler:
    """The most PostgreSQL connections Keel held at once during the run (pg_stat_activity,
    sampled twice a second): the proof that `keel serve` stays within its budget."""

    def __init__(self, database_url: str) -> None:
        self.most = 0
        self.done = threading.Event()
        self.thread: threading.Thread | None = None
        if database_url:
            self.name = urllib.parse.urlsplit(database_url).path.lstrip("/")
            self.thread = threading.Thread(target=self._run, daemon=True)
            self.thread.start()

    def _run(self) -> None:
        import psycopg

        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            while not self.done.wait(0.5):
                row = conn.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = %s", [self.name]
                ).fetchone()
                self.most = max(self.most, int(row[0]) if row else 0)

    def stop(self) -> int | None:
        if self.thread is None:
            return None
        self.done.set()
        self.thread.join()
        return self.most


def _rps(url: str, headers: dict[str, str], seconds: float, clients: int = 8) -> float:
    done = [0] * clients
    stop = time.monotonic() + seconds

    def run(i: int) -> None:
        while time.monotonic() < stop:
            request = urllib.request.Request(url, headers=headers)
            with urllib.request.urlopen(request, timeout=60) as response:
                response.read()
            done[i] += 1

    threads = [threading.Thread(target=run, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(done) / seconds


def run_load(label: str, env: dict[str, str], users: int, seconds: int, tmp: Path) -> dict:
    setup = subprocess.run(
        [*KEEL, "migrate", "--noinput"], env=env, capture_output=True, text=True, check=False
    )
    assert setup.returncode == 0, setup.stderr
    subprocess.run([*KEEL, "createcachetable"], env=env, check=True, capture_output=True)
    made = subprocess.run(
        [*KEEL, "shell", "-c", SETUP.format(password=PASSWORD, users=users)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert made.returncode == 0, made.stderr
    data = json.loads(made.stdout.strip().splitlines()[-1])
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    project = data["project"]
    times: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    acknowledged: list[int] = []
    lock = threading.Lock()
    result: dict[str, Any] = {"label": label}
    with _server(env, port, tmp, worker=True) as pids:
        time.sleep(3)
        result["rss_idle_mb"] = _rss_mb(pids)
        people = [
            User(base, u["email"], u["token"], f"10.0.{i // 250}.{i % 250 + 1}")
            for i, u in enumerate(data["users"])
        ]
        for person in people:
            person.sign_in()
        stop = time.monotonic() + seconds

        def timed(action: str, fn: Any) -> Any:
            t0 = time.perf_counter()
            status, value = fn()
            with lock:
                times[action].append((time.perf_counter() - t0) * 1000)
                if status >= 500:
                    errors[action] += 1
            return status, value

        def day(person: User) -> None:
            while time.monotonic() < stop:
                timed("My tasks", lambda: (person.page("/load/my-tasks/"), None))
                timed("list", lambda: (person.page(f"/load/projects/{project}/"), None))
                timed("board", lambda: (person.page(f"/load/projects/{project}/board/"), None))
                status, task = timed(
                    "create",
                    lambda: person.api(
                        "POST",
                        "/workspaces/load/tasks",
                        {"project_id": project, "title": f"Load {uuid.uuid4().hex[:8]}"},
                    ),
                )
                if status != 201:
                    continue
                with lock:
                    acknowledged.append(task["id"])
                timed(
                    "comment",
                    lambda path=f"/workspaces/load/tasks/{task['id']}/comments": person.api(
                        "POST", path, {"body": "On it."}
                    ),
                )
                timed(
                    "complete",
                    lambda path=f"/workspaces/load/tasks/{task['id']}/complete": person.api(
                        "POST", path, {}
                    ),
                )
                time.sleep(0.5)  # think time

        threads = [threading.Thread(target=day, args=(p,)) for p in people]
        sampler = _ConnectionSampler(env.get("DATABASE_URL", ""))
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        result["db_connections_max"] = sampler.stop()
        token = {"Authorization": f"Bearer {data['users'][0]['token']}"}
        result["rps_api"] = _rps(
            f"{base}/api/v1/workspaces/load/tasks?project={project}", token, 20
        )
        result["rps_bare"] = _rps(f"{base}/healthz", {}, 20)
    count = subprocess.run(
        [
            *KEEL,
            "shell",
            "-c",
            (
                "from keel.tasks.models import Task; import json; "
                "print(json.dumps(list(Task.objects.values_list('id', flat=True))))"
            ),
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    stored = set(json.loads(count.strip().splitlines()[-1]))
    result["acknowledged"] = len(acknowledged)
    result["lost"] = len(set(acknowledged) - stored)
    result["actions"] = {
        a: {"n": len(t), "errors": errors[a], "p50_p95_max": _percentiles(t)}
        for a, t in times.items()
    }
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=180)
    parser.add_argument("--only", choices=["", "sqlite", "postgres"], default="")
    args = parser.parse_args()
    base_env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "KEEL_DEBUG", "KEEL_ENV"}
    }
    base_env.update(
        DJANGO_SETTINGS_MODULE="keel.settings.base",
        KEEL_DEBUG="0",
        KEEL_LOG_LEVEL="WARNING",
        KEEL_TRUSTED_PROXY_COUNT="1",  # the users below arrive "through a proxy"
        KEEL_SECRET_KEY="load-" + uuid.uuid4().hex * 2,
    )
    results = []
    with tempfile.TemporaryDirectory(prefix="keel-load-") as tmp:
        if args.only in ("", "sqlite"):
            env = dict(base_env, KEEL_DATA_DIR=f"{tmp}/sqlite")
            Path(env["KEEL_DATA_DIR"]).mkdir()
            results.append(run_load("SQLite", env, args.users, args.seconds, Path(tmp)))
        if args.only in ("", "postgres"):
            import psycopg
            import redis

            name = f"keel_load_{uuid.uuid4().hex[:8]}"
            with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{name}"')
            redis.Redis.from_url(REDIS_URL).flushdb()
            try:
                url = urllib.parse.urlsplit(PG_ADMIN)._replace(path=f"/{name}").geturl()
                env = dict(
                    base_env, KEEL_DATA_DIR=f"{tmp}/pg", DATABASE_URL=url, REDIS_URL=REDIS_URL
                )
                Path(env["KEEL_DATA_DIR"]).mkdir()
                results.append(
                    run_load("PostgreSQL + Redis", env, args.users, args.seconds, Path(tmp))
                )
            finally:
                with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
                    conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                redis.Redis.from_url(REDIS_URL).flushdb()
    print(f"\nKeel load: {args.users} users, {args.seconds} s, keel serve defaults")
    for r in results:
        print(
            f"\n{r['label']}: {r['acknowledged']} writes acknowledged, {r['lost']} lost; "
            f"idle RSS (serve + worker) {r['rss_idle_mb']:.0f} MB; task-list API "
            f"{r['rps_api']:.0f} req/s vs bare view {r['rps_bare']:.0f} req/s "
            f"(×{r['rps_bare'] / max(r['rps_api'], 1e-9):.1f}) at 8 clients"
            + (
                f"; at most {r['db_connections_max']} PostgreSQL connections"
                if r.get("db_connections_max") is not None
                else ""
            )
        )
        print(f"  {'action':<10} {'count':>7} {'5xx':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
        for action, row in r["actions"].items():
            p50, p95, worst = row["p50_p95_max"]
            print(
                f"  {action:<10} {row['n']:>7} {row['errors']:>5} {p50:>8.1f} {p95:>8.1f} "
                f"{worst:>8.1f}"
            )
    return (
        0
        if all(
            r["lost"] == 0 and not any(a["errors"] for a in r["actions"].values()) for r in results
        )
        else 1
    )


if __name__ == "__main__":
    sys.exit(main())
