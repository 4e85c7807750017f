"""Jobs run at least once: abandoned jobs are requeued, and email is never sent twice."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import signal
import socketserver
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from keel.core import reaper
from keel.core.jobs import deliver_email, record_heartbeat
from keel.core.mail import IDEMPOTENCY_HEADER
from keel.core.models import SentMessage, WorkerHeartbeat
from keel.core.tests.processes import KEEL, keel_env, throwaway_postgres

pytestmark = pytest.mark.django_db

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def queued_mail(settings):
    # Django's test set-up swaps EMAIL_BACKEND for locmem; put Keel's real one back.
    settings.EMAIL_BACKEND = "keel.core.mail.QueuedEmailBackend"
    settings.KEEL_DELIVERY_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def _queued_payload(django_capture_on_commit_callbacks: Any, subject: str = "Reset") -> Any:
    """What the request queued for `deliver_email`: the job's one argument."""
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        EmailMessage(subject, "Your link", to=["a@shop.example"]).send()
    [enqueue] = callbacks
    return enqueue.args[0]


def test_running_the_same_delivery_job_twice_sends_one_email(
    queued_mail, django_capture_on_commit_callbacks
):
    payload = _queued_payload(django_capture_on_commit_callbacks)

    assert deliver_email.call(payload) == 1
    assert deliver_email.call(payload) == 0  # the retry after a crash

    [sent] = mail.outbox
    key = sent.extra_headers[IDEMPOTENCY_HEADER]
    assert sent.extra_headers["Message-ID"].startswith(f"<{key}@")
    assert SentMessage.objects.get(key=key).sent_at is not None


def test_each_message_gets_its_own_key(queued_mail, django_capture_on_commit_callbacks):
    deliver_email.call(_queued_payload(django_capture_on_commit_callbacks, "One"))
    deliver_email.call(_queued_payload(django_capture_on_commit_callbacks, "Two"))
    assert [m.subject for m in mail.outbox] == ["One", "Two"]
    assert SentMessage.objects.count() == 2


class FailingOnceBackend(LocmemBackend):
    failures = 1

    def send_messages(self, messages: Any) -> int:
        if FailingOnceBackend.failures:
            FailingOnceBackend.failures -= 1
            raise ConnectionRefusedError("SMTP server down")
        return super().send_messages(messages)


def test_a_failed_send_leaves_no_claim_so_the_retry_sends(
    queued_mail, settings, django_capture_on_commit_callbacks
):
    settings.KEEL_DELIVERY_EMAIL_BACKEND = f"{__name__}.FailingOnceBackend"
    FailingOnceBackend.failures = 1
    payload = _queued_payload(django_capture_on_commit_callbacks)

    with pytest.raises(ConnectionRefusedError):
        deliver_email.call(payload)
    assert SentMessage.objects.count() == 0
    assert mail.outbox == []

    assert deliver_email.call(payload) == 1
    assert len(mail.outbox) == 1


def test_a_message_another_worker_is_sending_right_now_is_not_sent_again(
    queued_mail, django_capture_on_commit_callbacks
):
    payload = _queued_payload(django_capture_on_commit_callbacks)
    deliver_email.call(payload)
    key = mail.outbox[0].extra_headers[IDEMPOTENCY_HEADER]
    mail.outbox.clear()
    SentMessage.objects.filter(key=key).update(sent_at=None)  # claimed a moment ago, not done

    assert deliver_email.call(payload) == 0
    assert mail.outbox == []


def test_a_send_whose_worker_died_is_taken_over_by_the_retry(
    queued_mail, django_capture_on_commit_callbacks, caplog
):
    payload = _queued_payload(django_capture_on_commit_callbacks)
    deliver_email.call(payload)
    key = mail.outbox[0].extra_headers[IDEMPOTENCY_HEADER]
    mail.outbox.clear()
    # The worker was killed between claiming the message and hearing back from the server.
    SentMessage.objects.filter(key=key).update(
        sent_at=None, claimed_at=timezone.now() - timedelta(minutes=15)
    )

    with caplog.at_level(logging.WARNING, logger="keel.core.mail"):
        assert deliver_email.call(payload) == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].extra_headers[IDEMPOTENCY_HEADER] == key  # same id as the first try
    assert "died while sending" in caplog.text
    assert deliver_email.call(payload) == 0


# --- the reaper (database queue) -------------------------------------------------------------


def _running_job(settings, *, minutes_ago: float, attempts: int) -> DBTaskResult:
    settings.TASKS = DB_TASKS
    result = record_heartbeat.enqueue("after a crash")
    DBTaskResult.objects.filter(id=result.id).update(
        status="RUNNING",
        started_at=timezone.now() - timedelta(minutes=minutes_ago),
        worker_ids=[f"dead-worker-{n}" for n in range(attempts)],
    )
    return DBTaskResult.objects.get(id=result.id)


def _run_db_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    """django-tasks-db's worker, in this process, until the queue is empty. It closes the
    connection between jobs as a long-running worker should; inside a test transaction it
    must not (PostgreSQL would lose the test's data)."""
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def test_a_job_whose_worker_died_is_requeued_and_runs_again(settings, monkeypatch):
    settings.KEEL_JOB_TIMEOUT_SECONDS = 900
    job = _running_job(settings, minutes_ago=20, attempts=1)

    reaped = reaper.reap_database()

    assert reaped.requeued == [str(job.id)]
    job.refresh_from_db()
    assert job.status == "READY"
    _run_db_worker(monkeypatch)
    job.refresh_from_db()
    assert job.status == "SUCCESSFUL"
    assert len(job.worker_ids) == 2  # the dead worker's attempt, then the live one
    assert WorkerHeartbeat.objects.get().note == "after a crash"


def test_a_job_still_within_its_timeout_is_left_running(settings):
    settings.KEEL_JOB_TIMEOUT_SECONDS = 900
    job = _running_job(settings, minutes_ago=5, attempts=1)

    assert reaper.reap_database().requeued == []
    job.refresh_from_db()
    assert job.status == "RUNNING"


def test_a_job_abandoned_on_every_attempt_is_marked_failed(settings):
    settings.KEEL_JOB_TIMEOUT_SECONDS = 900
    settings.KEEL_JOB_MAX_ATTEMPTS = 3
    job = _running_job(settings, minutes_ago=20, attempts=3)

    reaped = reaper.reap_database()

    assert reaped == reaper.Reaped(requeued=[], failed=[str(job.id)])
    job.refresh_from_db()
    assert job.status == "FAILED"
    assert job.exception_class_path == reaper.ABANDONED
    assert job.finished_at is not None


def test_a_job_that_finished_while_the_reaper_looked_is_not_touched(settings, monkeypatch):
    settings.KEEL_JOB_TIMEOUT_SECONDS = 900
    job = _running_job(settings, minutes_ago=20, attempts=1)
    # The slow worker finishes between the reaper's read and its update.
    stale_rows = list(DBTaskResult.objects.filter(id=job.id))
    DBTaskResult.objects.filter(id=job.id).update(status="SUCCESSFUL", finished_at=timezone.now())
    monkeypatch.setattr(
        DBTaskResult.objects, "running", lambda: _FakeQuerySet(stale_rows), raising=False
    )

    assert reaper.reap_database().requeued == []
    job.refresh_from_db()
    assert job.status == "SUCCESSFUL"


class _FakeQuerySet(list[DBTaskResult]):
    def filter(self, **kwargs: Any) -> _FakeQuerySet:
        return self

    def only(self, *fields: str) -> _FakeQuerySet:
        return self


def test_the_reaper_runs_as_a_periodic_core_job():
    from keel.core.scheduler import REGISTRY

    assert REGISTRY["keel.core.reaper.reap_abandoned_jobs"].task is reaper.reap_abandoned_jobs


# --- end to end: SIGKILL a real worker in the middle of sending --------------------------------


class FakeSMTPServer(socketserver.ThreadingTCPServer):
    """Just enough SMTP for Django's backend. With `hang_on_quit` it accepts the message and
    then never answers QUIT: the worker is stuck after the send, before the job finishes."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _SMTPHandler)
        self.messages: list[bytes] = []
        self.hang_on_quit = True
        self.quit_seen = threading.Event()
        self.release = threading.Event()


class _SMTPHandler(socketserver.StreamRequestHandler):
    server: FakeSMTPServer

    def handle(self) -> None:
        self.wfile.write(b"220 fake ESMTP\r\n")
        while line := self.rfile.readline():
            verb = line[:4].upper()
            if verb == b"DATA":
                self.wfile.write(b"354 go on\r\n")
                data = b"".join(iter(self.rfile.readline, b".\r\n"))
                self.server.messages.append(data)
                self.wfile.write(b"250 queued\r\n")
            elif verb == b"QUIT":
                if self.server.hang_on_quit:
                    self.server.quit_seen.set()
                    self.server.release.wait(120)
                    return
                self.wfile.write(b"221 bye\r\n")
                return
            else:  # EHLO/HELO (no extensions: no TLS, no AUTH), MAIL, RCPT, RSET, NOOP
                self.wfile.write(b"250 ok\r\n")


def _wait(what: str, check: Any, procs: list[subprocess.Popen[bytes]]) -> Any:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if value := check():
            return value
        for proc in procs:
            if proc.poll() is not None:
                raise AssertionError(f"{proc.args!r} exited with {proc.returncode} before {what}")
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


def _own_database() -> contextlib.AbstractContextManager[str]:
    """SQLite in KEEL_DATA_DIR; with KEEL_TEST_DATABASE_URL a throwaway PostgreSQL database."""
    url = os.environ.get("KEEL_TEST_DATABASE_URL", "")
    return throwaway_postgres(url) if url else contextlib.nullcontext("")


def _delivery_job(database_url: str, data_dir: Path) -> tuple[str, int]:
    """(status, attempts) of the newest deliver_email job, read the way an operator would."""
    sql = (
        "SELECT status, worker_ids FROM django_tasks_database_dbtaskresult "
        "WHERE task_path = 'keel.core.jobs.deliver_email' ORDER BY enqueued_at DESC"
    )
    if database_url:
        import psycopg

        with psycopg.connect(database_url) as conn:
            row = conn.execute(sql).fetchone()
    else:
        with contextlib.closing(sqlite3.connect(data_dir / "keel.sqlite3", timeout=20)) as conn:
            row = conn.execute(sql).fetchone()
    if not row:
        return "", 0
    workers = row[1] if isinstance(row[1], list) else json.loads(row[1])
    return str(row[0]), len(workers)


@pytest.mark.production  # real worker processes: run once, in CI's last step
def test_a_worker_killed_after_the_server_took_the_mail_does_not_send_it_twice(tmp_path):
    smtp = FakeSMTPServer()
    threading.Thread(target=smtp.serve_forever, daemon=True).start()
    env = keel_env(
        tmp_path,
        EMAIL_URL=f"smtp://127.0.0.1:{smtp.server_address[1]}",
        KEEL_JOB_TIMEOUT_SECONDS="1",  # so the restarted worker's reaper requeues at once
        KEEL_REAPER_INTERVAL_SECONDS="2",
    )
    keel = KEEL
    procs: list[subprocess.Popen[bytes]] = []
    log = (tmp_path / "worker.log").open("wb")

    def start_worker() -> subprocess.Popen[bytes]:
        proc = subprocess.Popen(
            [*keel, "worker", "--interval", "0.2"],
            env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        procs.append(proc)
        return proc

    try:
        with _own_database() as database_url:
            if database_url:
                env["DATABASE_URL"] = database_url
            run = partial(subprocess.run, env=env, check=True, capture_output=True, timeout=300)
            run([*keel, "migrate", "--noinput"])
            run([*keel, "createcachetable"])
            send = "from django.core.mail import send_mail; send_mail('Hi', 'B', None, ['a@x.ex'])"
            run([*keel, "shell", "-c", send])

            first = start_worker()
            assert smtp.quit_seen.wait(90), "the worker never reached the mail server"
            _kill_group(first)  # after the server accepted the message, before the job finished
            procs.remove(first)
            assert _delivery_job(database_url, tmp_path) == ("RUNNING", 1)
            assert len(smtp.messages) == 1

            smtp.hang_on_quit = False
            start_worker()
            status = _wait(
                "the abandoned job to run again",
                lambda: (job := _delivery_job(database_url, tmp_path))[0] == "SUCCESSFUL" and job,
                procs,
            )
            assert status == ("SUCCESSFUL", 2)  # it ran a second time ...
            assert len(smtp.messages) == 1  # ... and sent nothing
            assert b"X-Keel-Message-Id:" in smtp.messages[0]
    except BaseException:
        log.flush()
        sys.stderr.write((tmp_path / "worker.log").read_text(errors="replace"))
        raise
    finally:
        smtp.release.set()
        for proc in procs:
            _kill_group(proc)
        smtp.shutdown()
        smtp.server_close()
        log.close()


# --- the reaper (RQ) ---------------------------------------------------------------------------


@pytest.fixture
def rq_queue() -> Iterator[Any]:
    """A queue of our own on the Redis at REDIS_URL; its keys are deleted afterwards."""
    from django_tasks_rq.backend import Job
    from redis import Redis
    from rq import Queue

    connection = Redis.from_url(os.environ["REDIS_URL"])
    name = f"keel-reaper-test-{uuid.uuid4().hex[:10]}"
    queue = Queue(name, connection=connection, job_class=Job)
    job_ids: list[str] = []
    queue.test_job_ids = job_ids  # type: ignore[attr-defined]
    try:
        yield queue
    finally:
        for key in connection.scan_iter(f"*{name}*"):
            connection.delete(key)
        for job_id in job_ids:
            for key in connection.scan_iter(f"*{job_id}*"):
                connection.delete(key)


def _abandon(queue: Any, job: Any, execution: str) -> None:
    """What a SIGKILLed worker leaves: a started job whose heartbeat has run out."""
    from rq.job import JobStatus
    from rq.registry import StartedJobRegistry

    queue.remove(job.id)
    job.set_status(JobStatus.STARTED)
    registry = StartedJobRegistry(queue=queue)
    queue.connection.zadd(registry.key, {f"{job.id}:{execution}": time.time() - 10})


@pytest.mark.redis
def test_an_rq_job_whose_worker_died_is_requeued_until_its_last_attempt(settings, rq_queue):
    from rq.registry import FailedJobRegistry

    settings.KEEL_JOB_MAX_ATTEMPTS = 3
    job = rq_queue.enqueue("keel.core.jobs.record_heartbeat", "x", meta={"backend_name": "d"})
    rq_queue.test_job_ids.append(job.id)

    for attempt in (1, 2):
        _abandon(rq_queue, job, f"run{attempt}")
        assert reaper.reap_rq([rq_queue]).requeued == [job.id]
        assert rq_queue.get_job_ids() == [job.id]  # back in the queue

    _abandon(rq_queue, job, "run3")
    assert reaper.reap_rq([rq_queue]) == reaper.Reaped(requeued=[], failed=[job.id])
    assert rq_queue.get_job_ids() == []
    assert FailedJobRegistry(queue=rq_queue).get_job_ids() == [job.id]
    assert reaper.reap_rq([rq_queue]) == reaper.Reaped()  # reported once


@pytest.mark.redis
def test_an_rq_job_that_raised_is_not_requeued(rq_queue):
    from rq.job import JobStatus
    from rq.job_lifecycle import record_job_failure

    job = rq_queue.enqueue("keel.core.jobs.record_heartbeat", "x", meta={"backend_name": "d"})
    rq_queue.test_job_ids.append(job.id)
    rq_queue.remove(job.id)
    with rq_queue.connection.pipeline() as pipeline:
        record_job_failure(job, "Traceback ...\nValueError: bad input", pipeline)
        pipeline.execute()
    assert job.get_status() == JobStatus.FAILED

    assert reaper.reap_rq([rq_queue]) == reaper.Reaped()
    assert rq_queue.get_job_ids() == []


def test_old_idempotency_keys_are_pruned_but_recent_ones_kept():
    old = SentMessage.objects.create(key="old", claimed_at=timezone.now() - timedelta(days=31))
    recent = SentMessage.objects.create(key="recent", claimed_at=timezone.now() - timedelta(days=1))

    assert reaper.prune_sent_messages.call() == 1

    assert list(SentMessage.objects.values_list("key", flat=True)) == [recent.key]
    assert not SentMessage.objects.filter(pk=old.pk).exists()
