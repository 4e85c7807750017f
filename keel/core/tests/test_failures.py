"""Failure behaviour with real processes on PostgreSQL (issue 12):

- the database goes away for ten seconds while pages are served: users get the translated
  "temporarily unavailable" page (503), never a stack trace, and the server recovers by
  itself once the database is back;
- the web process is killed (SIGKILL) in the middle of a burst of writes: every write that
  was answered with success is in the database.

The database is reached through a small TCP proxy in this test, which can cut every
connection and refuse new ones, as a restarting or unreachable PostgreSQL would.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from keel.core.tests.processes import (
    KEEL,
    free_port,
    install_shop,
    keel_env,
    throwaway_postgres,
    wait_for,
)
from keel.core.tests.test_scale_out import PASSWORD, _api, _postgres_reachable, _processes

pytestmark = pytest.mark.production

PG_ADMIN = os.environ.get("KEEL_SCALE_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")
OWNER = "failure-owner@failure.example"


class Proxy:
    """Forwards 127.0.0.1:<port> to PostgreSQL; `cut()` drops every connection and refuses
    new ones until `restore()`."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.port = free_port()
        self.up = threading.Event()
        self.up.set()
        self.sockets: set[socket.socket] = set()
        self.lock = threading.Lock()
        self.server = socket.create_server(("127.0.0.1", self.port))
        self.server.settimeout(0.2)
        self.stopped = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self.stopped.is_set():
            try:
                client, _addr = self.server.accept()
            except OSError:
                continue
            if not self.up.is_set():
                client.close()
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.sockets |= {client, upstream}
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        for s in (source, sink):
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        self.up.clear()
        with self.lock:
            for s in self.sockets:
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                with contextlib.suppress(OSError):
                    s.close()
            self.sockets.clear()

    def restore(self) -> None:
        self.up.set()

    def close(self) -> None:
        self.stopped.set()
        self.cut()
        self.server.close()


def _env(tmp_path: Path, database_url: str) -> dict[str, str]:
    return keel_env(tmp_path, KEEL_DEBUG="0", DATABASE_URL=database_url)


def _prepare(env: dict[str, str]) -> str:
    return install_shop(env, email=OWNER, password=PASSWORD, slug="failure")


def _healthy(base: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:
            return bool(response.status == 200)
    except OSError:
        return False


def _get(url: str, token: str) -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


@contextlib.contextmanager
def _database() -> Iterator[str]:
    if not _postgres_reachable():
        pytest.skip("PostgreSQL is not reachable")
    with throwaway_postgres(PG_ADMIN) as url:
        yield url


def test_a_database_outage_shows_try_again_and_the_server_recovers(tmp_path: Path) -> None:
    with _database() as direct_url:
        token = _prepare(_env(tmp_path, direct_url))
        parts = urllib.parse.urlsplit(direct_url)
        proxy = Proxy((parts.hostname or "127.0.0.1", parts.port or 5432))
        proxied = parts._replace(netloc=f"{parts.username}@127.0.0.1:{proxy.port}").geturl()
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        serve = [*KEEL, "serve", "--bind", f"127.0.0.1:{port}", "--workers", "1", "--threads", "2"]
        try:
            with _processes({"web": serve}, _env(tmp_path, proxied), tmp_path):
                wait_for("the web server", lambda: _healthy(base), [])
                api = f"{base}/api/v1/workspaces/failure/projects"
                assert _get(api, token)[0] == 200
                proxy.cut()
                seen = set()
                deadline = time.monotonic() + 10  # ten seconds without a database
                while time.monotonic() < deadline:
                    status, body = _get(api, token)
                    seen.add(status)
                    assert status in (200, 503), f"{status}: {body[:300]}"
                    assert "Traceback" not in body
                    status, page = _get(f"{base}/accounts/login/", "")
                    assert status in (200, 503)
                    if status == 503:
                        assert "try again" in page.lower()
                    time.sleep(0.5)
                assert 503 in seen
                proxy.restore()
                # Recovers by itself: no restart, the next requests succeed.
                wait_for("the API to answer again", lambda: _get(api, token)[0] == 200, [])
                assert _get(f"{base}/accounts/login/", "")[0] == 200
        finally:
            proxy.close()


def test_every_acknowledged_write_survives_a_killed_web_process(tmp_path: Path) -> None:
    with _database() as database_url:
        env = _env(tmp_path, database_url)
        token = _prepare(env)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        serve = [*KEEL, "serve", "--bind", f"127.0.0.1:{port}", "--workers", "2", "--threads", "4"]
        acknowledged: list[int] = []
        with _processes({"web": serve}, env, tmp_path):
            wait_for("the web server", lambda: _healthy(base), [])
            status, project = _api(base, token, "POST", "/workspaces/failure/projects",
                                   {"name": "Burst", "key": "BST"})  # fmt: skip
            assert status == 201, project
            stop = threading.Event()

            def writer(n: int) -> None:
                i = 0
                while not stop.is_set():
                    i += 1
                    with contextlib.suppress(OSError):
                        status, task = _api(base, token, "POST", "/workspaces/failure/tasks",
                                            {"project_id": project["id"],
                                             "title": f"Burst {n}-{i}"})  # fmt: skip
                        if status == 201:
                            acknowledged.append(task["id"])

            with ThreadPoolExecutor(8) as pool:
                for n in range(8):
                    pool.submit(writer, n)
                wait_for("some writes", lambda: len(acknowledged) >= 40, [])
                # SIGKILL the whole server (arbiter and workers) mid-burst.
                pid = int(subprocess.run(["pgrep", "-f", f"127.0.0.1:{port}"], capture_output=True,
                                         text=True, check=False).stdout.split()[0])  # fmt: skip
                os.killpg(os.getpgid(pid), signal.SIGKILL)
                time.sleep(1)
                stop.set()
        import psycopg

        with psycopg.connect(database_url) as conn:
            stored = {row[0] for row in conn.execute("SELECT id FROM tasks_task").fetchall()}
        assert acknowledged and set(acknowledged) <= stored
