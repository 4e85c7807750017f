"""Scale-out, proven with real processes: two web servers (`keel serve`) and two workers
(`keel worker`) on one PostgreSQL database and one Redis.

Through both web processes: a session made on one is valid on the other; failed sign-ins
counted on one are refused on the other (the rate limits live in the shared cache); writes
made alternately through both are all there; an email requested on one is delivered once by
one of the two workers (the shared job queue); and each periodic job ran exactly once for
its time slot although two schedulers ticked. Needs PostgreSQL and Redis (`-m redis` in CI).
"""

from __future__ import annotations

import contextlib
import http.cookiejar
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from keel.core.tests.processes import (
    KEEL,
    free_port,
    install_shop,
    keel_env,
    throwaway_postgres,
    wait_for,
)
from keel.core.tests.test_worker import _mail_to

pytestmark = [pytest.mark.redis, pytest.mark.production]

PG_ADMIN = os.environ.get("KEEL_SCALE_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")
REDIS_DB = 7  # this test's own Redis database, emptied before and after
OWNER = "scale-owner@scale.example"
PASSWORD = "scale out password 1"


def _postgres_reachable() -> bool:
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN, connect_timeout=3):
            return True
    except Exception:  # any failure: skip, the SQLite tests still ran
        return False


class Browser:
    """A cookie-keeping client that can talk to either web process."""

    def __init__(self) -> None:
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, url: str) -> tuple[int, str]:
        try:
            with self.opener.open(url, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")

    def post_form(self, url: str, fields: dict[str, str]) -> tuple[int, str]:
        status, page = self.get(url)
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert match, f"no CSRF token on {url} ({status})"
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": match.group(1), **fields})
        request = urllib.request.Request(url, data=data.encode(), headers={"Referer": url})
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")


def _api(base: str, token: str, method: str, path: str, body: Any = None) -> tuple[int, Any]:
    request = urllib.request.Request(
        f"{base}/api/v1{path}",
        method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


@contextlib.contextmanager
def _processes(commands: dict[str, list[str]], env: dict[str, str], logs: Path) -> Iterator[None]:
    procs: dict[str, subprocess.Popen[bytes]] = {}
    files = {name: (logs / f"{name}.log").open("wb") for name in commands}
    try:
        for name, cmd in commands.items():
            procs[name] = subprocess.Popen(
                cmd, env=env, stdout=files[name], stderr=subprocess.STDOUT, start_new_session=True
            )
        yield
    except BaseException:
        for name in commands:
            files[name].flush()
            sys.stderr.write(f"--- {name} ---\n{(logs / f'{name}.log').read_text()[-4000:]}\n")
        raise
    finally:
        for proc in procs.values():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in procs.values():
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        for f in files.values():
            f.close()


def _flush_redis(url: str) -> None:
    import redis

    redis.Redis.from_url(url).flushdb()


def test_two_web_processes_and_two_workers_share_everything(tmp_path: Path) -> None:
    if not _postgres_reachable():
        pytest.skip("PostgreSQL is not reachable")
    redis_url = f"redis://127.0.0.1:6379/{REDIS_DB}"
    _flush_redis(redis_url)
    env = keel_env(tmp_path, KEEL_DEBUG="0", REDIS_URL=redis_url)
    keel = KEEL
    with throwaway_postgres(PG_ADMIN) as database_url:
        env["DATABASE_URL"] = database_url

        token = install_shop(env, email=OWNER, password=PASSWORD, slug="scale")
        ports = [free_port(), free_port()]
        bases = [f"http://127.0.0.1:{port}" for port in ports]
        commands = {
            f"web{i}": [
                *keel,
                "serve",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
                "--threads",
                "2",
            ]
            for i, port in enumerate(ports)
        }
        commands |= {f"worker{i}": [*keel, "worker", "--interval", "0.2"] for i in range(2)}
        try:
            with _processes(commands, env, tmp_path):

                def up() -> bool:
                    for base in bases:
                        try:
                            with urllib.request.urlopen(f"{base}/healthz", timeout=2) as r:
                                if r.status != 200:
                                    return False
                        except OSError:
                            return False
                    return True

                wait_for("both web processes", up, [])

                # Sessions: signed in through web0, recognised by web1.
                browser = Browser()
                status, _page = browser.post_form(
                    f"{bases[0]}/accounts/login/", {"login": OWNER, "password": PASSWORD}
                )
                assert status == 200
                status, page = browser.get(f"{bases[1]}/scale/my-tasks/")
                assert status == 200 and "Scale Shop" in page
                status, page = Browser().get(f"{bases[1]}/scale/my-tasks/")
                assert "/accounts/login/" in page or status in (302, 404)  # a stranger is not

                # Rate limits: failures counted by web0 are refused by web1.
                stranger = Browser()
                for _ in range(6):
                    stranger.post_form(
                        f"{bases[0]}/accounts/login/",
                        {"login": "nobody@scale.example", "password": "wrong"},
                    )
                status, _page = stranger.post_form(
                    f"{bases[1]}/accounts/login/",
                    {"login": "nobody@scale.example", "password": "wrong"},
                )
                # allauth answers the form again with its "Too many failed …" error.
                assert "Too many" in _page, "web1 did not see the failures counted by web0"

                # Writes through both processes, alternately: every acknowledged one is there.
                status, project = _api(
                    bases[0],
                    token,
                    "POST",
                    "/workspaces/scale/projects",
                    {"name": "Scale", "key": "SCL"},
                )
                assert status == 201, project
                made = []
                for i in range(20):
                    status, task = _api(
                        bases[i % 2],
                        token,
                        "POST",
                        "/workspaces/scale/tasks",
                        {"project_id": project["id"], "title": f"Task {i}"},
                    )
                    assert status == 201, task
                    made.append(task["id"])
                for base in bases:
                    status, listing = _api(
                        base,
                        token,
                        "GET",
                        f"/workspaces/scale/tasks?project={project['id']}&limit=100",
                    )
                    assert status == 200, listing
                    assert sorted(t["id"] for t in listing["items"]) == sorted(made)

                # The job queue: an email requested through web1 is sent once, by one worker.
                reset = Browser()
                status, _page = reset.post_form(
                    f"{bases[1]}/accounts/password/reset/", {"email": OWNER}
                )
                assert status == 200
                mail = wait_for("the reset email", lambda: _mail_to(tmp_path / "mail", OWNER), [])
                time.sleep(2)  # a second worker running the same job would have written by now
                assert len(_mail_to(tmp_path / "mail", OWNER)) == len(mail) == 1

                # Periodic jobs: both schedulers ticked; each job ran once for its slot.
                import psycopg

                with psycopg.connect(database_url) as conn:
                    rows = conn.execute(
                        "SELECT name, slot, COUNT(*) FROM core_scheduledrun GROUP BY name, slot"
                    ).fetchall()
                assert rows and all(count == 1 for _name, _slot, count in rows)
                from collections import Counter

                import redis
                from rq import Queue
                from rq.job import Job
                from rq.registry import (
                    FailedJobRegistry,
                    FinishedJobRegistry,
                    StartedJobRegistry,
                )

                connection = redis.Redis.from_url(redis_url)
                ids: set[str] = set()
                for registry in (
                    Queue("default", connection=connection),
                    StartedJobRegistry("default", connection=connection),
                    FinishedJobRegistry("default", connection=connection),
                    FailedJobRegistry("default", connection=connection),
                ):
                    ids.update(registry.get_job_ids())
                jobs = [j for j in Job.fetch_many(sorted(ids), connection=connection) if j]
                runs = Counter(job.func_name for job in jobs)
                for name, _slot, _count in rows:  # a ScheduledRun's name is the task's path
                    assert runs[name] == 1, f"{name} was enqueued {runs[name]} times for a slot"
        finally:
            _flush_redis(redis_url)
