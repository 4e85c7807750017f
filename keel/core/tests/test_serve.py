"""`keel serve`: the production server's configuration, and a real server answering.

`--check-config` prints what the server would run with (options over environment over
defaults) and the database connection budget; a real `keel serve` on SQLite answers
/healthz, /readyz and the sign-in page, logs the request id, and stops cleanly on SIGTERM.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from keel.core.management.commands import serve
from keel.core.tests.processes import KEEL, free_port, keel_env

SERVE_ENV = (
    "KEEL_BIND",
    "KEEL_PORT",
    "KEEL_WEB_WORKERS",
    "KEEL_WEB_THREADS",
    "KEEL_FORWARDED_ALLOW_IPS",
)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in SERVE_ENV:
        monkeypatch.delenv(name, raising=False)


def _check_config(*args: str) -> str:
    out = io.StringIO()
    call_command("serve", "--check-config", *args, stdout=out)
    return out.getvalue()


def test_check_config_shows_the_defaults_and_the_connection_budget(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    out = _check_config()
    assert "bind = ['127.0.0.1:8000']" in out
    assert "workers = 3\n" in out
    assert "threads = 4\n" in out
    assert "worker_class = gthread" in out
    assert "timeout = 30\n" in out
    assert "graceful_timeout = 30\n" in out
    assert "keepalive = 5\n" in out
    assert "max_requests = 2000\n" in out
    assert "forwarded_allow_ips = 127.0.0.1,::1" in out
    assert "%({x-request-id}i)s" in out
    assert "3 workers × 4 threads = 12 database connections at most" in out


def test_environment_configures_the_server(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KEEL_PORT", "8123")
    monkeypatch.setenv("KEEL_WEB_WORKERS", "5")
    monkeypatch.setenv("KEEL_WEB_THREADS", "2")
    monkeypatch.setenv("KEEL_FORWARDED_ALLOW_IPS", "10.0.0.5")
    out = _check_config()
    assert "bind = ['127.0.0.1:8123']" in out
    assert "forwarded_allow_ips = 10.0.0.5" in out
    assert "5 workers × 2 threads = 10 database connections at most" in out
    monkeypatch.setenv("KEEL_BIND", "0.0.0.0:9000")
    assert "bind = ['0.0.0.0:9000']" in _check_config()


def test_options_win_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KEEL_BIND", "0.0.0.0:9000")
    monkeypatch.setenv("KEEL_WEB_WORKERS", "5")
    out = _check_config("--bind", "unix:/run/keel.sock", "--workers", "2", "--threads", "8")
    assert "bind = ['unix:/run/keel.sock']" in out
    assert "2 workers × 8 threads = 16 database connections at most" in out


@pytest.mark.parametrize(("cpus", "workers"), [(1, 2), (2, 3), (3, 4), (64, 4)])
def test_default_workers_follow_the_cpus_within_the_connection_budget(
    cpus: int, workers: int
) -> None:
    assert serve.default_workers(cpus) == workers


def test_zero_workers_is_refused() -> None:
    with pytest.raises(SystemExit):
        call_command("serve", "--workers", "0", stderr=io.StringIO())


def test_serve_warns_about_pending_migrations_and_starts_anyway(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started: list[serve.ServeConfig] = []
    monkeypatch.setattr(serve, "pending_migrations", lambda: 2)
    monkeypatch.setattr(serve, "run_gunicorn", started.append)
    out, err = io.StringIO(), io.StringIO()
    call_command("serve", "--workers", "1", "--threads", "3", stdout=out, stderr=err)
    assert "2 unapplied migration(s)" in err.getvalue()
    assert "1 workers × 3 threads = 3 database connections at most" in out.getvalue()
    assert [c.connections for c in started] == [3]


# --- a real server ---------------------------------------------------------------------------


def _get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status), dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return int(exc.code), dict(exc.headers), exc.read()


def _wait_for(check: Callable[[], Any], proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            if check():
                return
        if proc.poll() is not None:
            raise AssertionError(f"keel serve exited with {proc.returncode}")
        time.sleep(0.2)
    raise AssertionError("keel serve did not answer in time")


@pytest.mark.production  # a real server on a migrated installation: run once, in CI's last step
def test_a_real_keel_serve_answers_and_stops_cleanly(tmp_path: Path) -> None:
    env = keel_env(tmp_path, drop=SERVE_ENV, KEEL_DEBUG="false")
    keel = KEEL
    for args in (["migrate", "--noinput"], ["createcachetable"]):
        subprocess.run([*keel, *args], env=env, check=True, capture_output=True, timeout=300)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log_path = tmp_path / "serve.log"
    log = log_path.open("wb")
    proc = subprocess.Popen(
        [*keel, "serve", "--bind", f"127.0.0.1:{port}", "--workers", "1", "--threads", "2"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: the finally below kills it all
    )
    try:
        _wait_for(lambda: _get(f"{base}/healthz")[0] == 200, proc)
        status, headers, body = _get(f"{base}/readyz")
        assert status == 200, body
        assert headers["Cache-Control"] == "no-store"
        status, _headers, body = _get(f"{base}/accounts/login/", **{"X-Request-ID": "req-4711"})
        assert status == 200
        assert b'name="password"' in body

        os.killpg(proc.pid, signal.SIGTERM)
        assert proc.wait(timeout=40) == 0
        log.flush()
        output = log_path.read_text(errors="replace")
        assert "1 workers × 2 threads = 2 database connections at most" in output
        assert "unapplied migration" not in output
        assert '"GET /accounts/login/ HTTP/1.1" 200' in output
        assert "rid=req-4711" in output
    except BaseException:
        log.flush()
        sys.stderr.write(log_path.read_text(errors="replace"))
        raise
    finally:
        with contextlib.suppress(ProcessLookupError):  # workers left behind, if any
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        log.close()
