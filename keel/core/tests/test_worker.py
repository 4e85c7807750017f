"""End to end: a real `keel runserver` and a real `keel worker`, as separate processes.

A password-reset request makes Keel send an email; all email leaves through the
`deliver_email` job, so the message file only appears once the worker has run that job.
On the database queue (SQLite, or PostgreSQL with KEEL_TEST_DATABASE_URL) and on RQ.
"""

from __future__ import annotations

import contextlib
import http.cookiejar
import os
import re
import sqlite3
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from keel.core.tests.processes import KEEL, free_port, keel_env, throwaway_postgres, wait_for

EMAIL = "worker-test@example.com"


def _deliver_email_status(database_url: str, data_dir: Path) -> str:
    sql = (
        "SELECT status FROM django_tasks_database_dbtaskresult "
        "WHERE task_path LIKE '%%deliver_email' ORDER BY enqueued_at DESC"
    )
    if database_url:
        import psycopg

        with psycopg.connect(database_url) as conn:
            row = conn.execute(sql).fetchone()
    else:
        with contextlib.closing(sqlite3.connect(data_dir / "keel.sqlite3", timeout=20)) as conn:
            row = conn.execute(sql.replace("%%", "%")).fetchone()
    return row[0] if row else ""


def _mail_to(mail_dir: Path, address: str) -> list[Path]:
    if not mail_dir.is_dir():
        return []
    return [p for p in mail_dir.iterdir() if f"To: {address}" in p.read_text(errors="replace")]


def _request_password_reset(base: str, email: str) -> None:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/accounts/password/reset/", timeout=30).read().decode()
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert match, "the reset form has no CSRF token"
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": match.group(1), "email": email})
    request = urllib.request.Request(
        f"{base}/accounts/password/reset/",
        data=data.encode(),
        headers={"Referer": f"{base}/accounts/password/reset/"},
    )
    with opener.open(request, timeout=30) as response:
        assert response.status == 200  # redirected to the "sent" page


def _run_end_to_end(tmp_path: Path, *, redis_url: str = "") -> None:
    env = keel_env(tmp_path, DJANGO_SUPERUSER_PASSWORD="worker test password 1")
    if redis_url:
        env["REDIS_URL"] = redis_url
    keel = KEEL
    pg_url = os.environ.get("KEEL_TEST_DATABASE_URL", "")
    with throwaway_postgres(pg_url) if pg_url else contextlib.nullcontext("") as database_url:
        if database_url:
            env["DATABASE_URL"] = database_url

        def run(*args: str) -> None:
            subprocess.run([*keel, *args], env=env, check=True, capture_output=True, timeout=300)

        run("migrate", "--noinput")
        if not redis_url:
            run("createcachetable")
        run("createsuperuser", "--noinput", "--email", EMAIL)

        port = free_port()
        base = f"http://127.0.0.1:{port}"
        logs = {name: (tmp_path / f"{name}.log").open("wb") for name in ("web", "worker")}
        procs: list[subprocess.Popen[bytes]] = []
        try:
            procs.append(
                subprocess.Popen(
                    [*keel, "runserver", "--noreload", f"127.0.0.1:{port}"],
                    env=env,
                    stdout=logs["web"],
                    stderr=subprocess.STDOUT,
                )
            )
            procs.append(
                subprocess.Popen(
                    [*keel, "worker", "--interval", "0.2"],
                    env=env,
                    stdout=logs["worker"],
                    stderr=subprocess.STDOUT,
                )
            )

            def server_up() -> bool:
                try:
                    with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:
                        return bool(response.status == 200)
                except OSError:
                    return False

            wait_for("the web server", server_up, procs)
            _request_password_reset(base, EMAIL)

            mail = wait_for("the reset email", lambda: _mail_to(tmp_path / "mail", EMAIL), procs)
            assert "/accounts/password/reset/key/" in mail[0].read_text()
            if not redis_url:
                wait_for(
                    "the job to be recorded as successful",
                    lambda: _deliver_email_status(database_url, tmp_path) == "SUCCESSFUL",
                    procs,
                )
        except BaseException:
            for f in logs.values():
                f.flush()
            for name in logs:
                sys.stderr.write(f"--- {name} ---\n{(tmp_path / f'{name}.log').read_text()}\n")
            raise
        finally:
            for proc in procs:
                proc.terminate()
            for proc in procs:
                try:
                    proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
            for f in logs.values():
                f.close()


def test_request_enqueues_email_job_that_a_real_worker_delivers(tmp_path: Path) -> None:
    _run_end_to_end(tmp_path)


@pytest.mark.redis
def test_request_enqueues_email_job_that_a_real_rq_worker_delivers(tmp_path: Path) -> None:
    _run_end_to_end(tmp_path, redis_url=os.environ["REDIS_URL"])
