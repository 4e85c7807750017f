"""For the tests that start real `keel` processes (servers, workers, commands): the
subprocess environment, free ports, waiting on a condition while watching the processes, and
a throwaway PostgreSQL database. One place, so each such test says only what it proves."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import uuid
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

KEEL = [sys.executable, "-m", "keel.manage"]
TIMEOUT = 60.0
# What would point a child at another installation (or this test run's own settings).
NOT_INHERITED = frozenset(
    {"DATABASE_URL", "REDIS_URL", "EMAIL_URL", "KEEL_ENV", "KEEL_DEBUG", "KEEL_MASTER_KEY"}
)


def keel_env(data_dir: Path, *, drop: Iterable[str] = (), **values: str) -> dict[str, str]:
    """The environment of a `keel` child: this process's, without what would point it at
    another installation (`drop` removes more), with base settings, `data_dir` as its
    KEEL_DATA_DIR, a fresh secret key, and `values` on top."""
    dropped = NOT_INHERITED | set(drop)
    env = {k: v for k, v in os.environ.items() if k not in dropped and not k.startswith("PYTEST_")}
    env.update(
        DJANGO_SETTINGS_MODULE="keel.settings.base",
        KEEL_DATA_DIR=str(data_dir),
        KEEL_SECRET_KEY="process-test-" + uuid.uuid4().hex * 2,
        PYTHONUNBUFFERED="1",
    )
    env.update(values)
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(what: str, check: Callable[[], Any], procs: list[subprocess.Popen[bytes]]) -> Any:
    """`check()`'s first truthy value; fails at once if one of `procs` exits meanwhile."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        for proc in procs:
            if proc.poll() is not None:
                raise AssertionError(f"{proc.args!r} exited with {proc.returncode} before {what}")
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


@contextlib.contextmanager
def throwaway_postgres(url: str) -> Iterator[str]:
    """A database of our own on the server of `url`, dropped afterwards."""
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = f"keel_proc_{uuid.uuid4().hex[:10]}"
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield parts._replace(path=f"/{name}").geturl()
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run_keel(env: dict[str, str], *args: str) -> str:
    """`keel <args>` to completion; its output, or a failure that shows what it printed."""
    done = subprocess.run(
        [*KEEL, *args], env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, f"keel {' '.join(args)}:\n{done.stdout}{done.stderr}"
    return done.stdout


def install_shop(env: dict[str, str], *, email: str, password: str, slug: str) -> str:
    """A migrated installation with one workspace (`slug`) and its owner; the owner's API
    token (printed once by `keel token create`)."""
    run_keel(env, "migrate", "--noinput")
    if "REDIS_URL" not in env:
        run_keel(env, "createcachetable")
    run_keel(
        env,
        "shell",
        "-c",
        "from keel.accounts.models import User\n"
        "from keel.accounts.services.workspaces import workspace_create\n"
        f"u = User.objects.create_user(email={email!r}, password={password!r})\n"
        f"workspace_create(user=u, name={slug.title() + ' Shop'!r}, slug={slug!r},"
        f" email_domain={slug + '.example'!r})\n",
    )
    return run_keel(env, "token", "create", "--email", email, "--workspace", slug).strip()
