"""One request id on the response, on the request's log lines and on the jobs it enqueued."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator

import pytest
from django.core.management import call_command
from django.http import HttpRequest, HttpResponse
from django.urls import path
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from keel.core import request_id
from keel.core.request_id import JOB_KEY, JsonFormatter, RequestIdFilter

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]

probe_log = logging.getLogger("keel.tests.request_id_probe")


@task()
def log_from_job(note: str) -> str:
    probe_log.info("job ran: %s", note)
    return note


def probe_view(request: HttpRequest) -> HttpResponse:
    probe_log.info("view ran")
    log_from_job.enqueue("sent by the view")
    return HttpResponse("ok")


urlpatterns = [path("probe/", probe_view)]


@pytest.fixture
def records(caplog) -> Iterator[pytest.LogCaptureFixture]:
    """Captured records pass through the same filter as Keel's console handler."""
    caplog.handler.addFilter(RequestIdFilter())
    with caplog.at_level(logging.INFO, logger=probe_log.name):
        yield caplog


def _ids(caplog: pytest.LogCaptureFixture, text: str) -> list[str]:
    return [r.request_id for r in caplog.records if r.getMessage().startswith(text)]  # type: ignore[attr-defined]


def test_a_request_id_from_the_proxy_is_echoed_and_logged_by_the_view_and_its_job(client, records):
    response = client.get("/probe/", HTTP_X_REQUEST_ID="abc123")

    assert response["X-Request-ID"] == "abc123"
    assert _ids(records, "view ran") == ["abc123"]
    assert _ids(records, "job ran") == ["abc123"]  # immediate backend: the job ran inline


def _run_db_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    """django-tasks-db's worker, in this process, until the queue is empty. It closes the
    connection between jobs as a long-running worker should; inside a test transaction it
    must not (PostgreSQL would lose the test's data)."""
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def test_a_job_run_later_by_the_database_worker_logs_the_request_id(
    client, records, settings, monkeypatch
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    client.get("/probe/", HTTP_X_REQUEST_ID="req-42.a_b")
    assert _ids(records, "job ran") == []  # queued, not run
    assert DBTaskResult.objects.get().args_kwargs[JOB_KEY] == "req-42.a_b"

    assert request_id.current() == ""  # the worker runs outside any request
    _run_db_worker(monkeypatch)

    assert _ids(records, "job ran") == ["req-42.a_b"]
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    assert request_id.current() == ""  # and the worker forgets it after the job


@pytest.mark.parametrize(
    "sent",
    ["", "a" * 65, "two words", "<script>", "abc\r\nX-Evil: 1", "ünïcode"],
)
def test_an_unsafe_or_missing_request_id_is_replaced(client, sent):
    response = client.get("/probe/", HTTP_X_REQUEST_ID=sent)
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


def test_each_request_without_an_id_gets_a_new_one(client):
    first = client.get("/probe/")["X-Request-ID"]
    second = client.get("/probe/")["X-Request-ID"]
    assert first != second


def test_log_lines_outside_a_request_say_so(records):
    probe_log.info("job ran: from a shell")
    assert _ids(records, "job ran") == ["-"]


def test_json_log_lines_carry_the_request_id_and_the_exception():
    record = logging.LogRecord("keel.x", logging.ERROR, __file__, 1, "failed %s", ("订单",), None)
    try:
        raise ValueError("boom")
    except ValueError:
        import sys

        record.exc_info = sys.exc_info()
    token = request_id.request_id.set("abc123")
    try:
        RequestIdFilter().filter(record)
    finally:
        request_id.request_id.reset(token)

    line = JsonFormatter().format(record)

    assert "\n" not in line
    entry = json.loads(line)
    assert entry["message"] == "failed 订单"
    assert entry["level"] == "ERROR"
    assert entry["request_id"] == "abc123"
    assert "ValueError: boom" in entry["exception"]


def test_new_rq_jobs_carry_the_request_id_in_their_meta():
    from redis import Redis

    queue_class = request_id.RequestIdQueue
    # create_job builds the job in memory; nothing is sent to Redis.
    queue = queue_class("keel-request-id-test", connection=Redis.from_url("redis://127.0.0.1:1/0"))
    token = request_id.request_id.set("abc123")
    try:
        job = queue.create_job("keel.core.jobs.record_heartbeat", meta={"backend_name": "default"})
    finally:
        request_id.request_id.reset(token)
    assert job.meta == {"backend_name": "default", JOB_KEY: "abc123"}
