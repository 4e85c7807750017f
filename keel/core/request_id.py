"""Request ids: one id per request, on its response, on every log line, and on its jobs.

`RequestIdMiddleware` takes a safe X-Request-ID from the proxy (or makes one), keeps it in a
context variable and echoes it on the response. `RequestIdFilter` copies it onto each log
record; `JsonFormatter` writes one JSON object per line in production. A job enqueued while
the id is set carries it (`connect_job_hooks`), and the worker sets it again while that job
runs, so its log lines match the request's.
"""

from __future__ import annotations

import contextvars
import functools
import json
import logging
import re
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from django.http import HttpRequest, HttpResponse

HEADER = "X-Request-ID"
_SAFE = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
# The key added beside "args"/"kwargs" in a database job's args_kwargs, and in an RQ job's meta.
JOB_KEY = "keel_request_id"

logger = logging.getLogger(__name__)

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("keel_request_id", default="")


def current() -> str:
    return request_id.get()


def accept_or_make(value: str | None) -> str:
    """The caller's id when it is a short safe token (it goes into logs), else a fresh one."""
    if value and _SAFE.match(value):
        return value
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """First in MIDDLEWARE, so everything after it logs with the id."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        rid = accept_or_make(request.headers.get(HEADER))
        token = request_id.set(rid)
        try:
            response = self.get_response(request)
        finally:
            request_id.reset(token)
        response[HEADER] = rid
        return response


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record ("-" outside a request or job), so formats may use it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", ""):
            record.request_id = request_id.get() or "-"
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line, for log collectors. Written here rather than adding a
    dependency: these few fields are all we emit."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "") or request_id.get() or None,
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


# --- carrying the id onto jobs -------------------------------------------------------------------
# Task signatures stay untouched: the id rides in the backend's own storage (database row's
# args_kwargs, RQ job meta), written as the job is created, so a worker never sees it without.


def _stamp_database_job(sender: Any, instance: Any, **kwargs: Any) -> None:
    rid = request_id.get()
    if rid and instance._state.adding and isinstance(instance.args_kwargs, dict):
        instance.args_kwargs = {**instance.args_kwargs, JOB_KEY: rid}


def _job_request_id(sender: Any, task_result: Any) -> str:
    db_result = getattr(task_result, "db_result", None)
    if db_result is not None:  # the database backend's TaskResult holds its row
        return str((db_result.args_kwargs or {}).get(JOB_KEY) or "")
    if not str(getattr(sender, "__module__", "")).startswith("django_tasks_rq"):
        return ""  # the immediate backend runs the job inside its request's id already
    # RQ signals before its current-job variable is set, so read the job's meta by id.
    import django_rq
    from rq.job import Job

    try:
        connection = django_rq.get_connection(task_result.task.queue_name)
        job = Job.fetch(task_result.id, connection=connection)
    except Exception:  # a log label must never fail the job it labels
        logger.debug("no request id for job %s", task_result.id, exc_info=True)
        return ""
    return str(job.meta.get(JOB_KEY) or "")


# Task id -> the token that restores the id the worker had before the job (none).
_job_tokens: dict[str, contextvars.Token[str]] = {}


def _job_started(sender: Any, task_result: Any, **kwargs: Any) -> None:
    rid = _job_request_id(sender, task_result)
    if rid:
        _job_tokens[str(task_result.id)] = request_id.set(rid)


def _job_finished(sender: Any, task_result: Any, **kwargs: Any) -> None:
    token = _job_tokens.pop(str(task_result.id), None)
    if token is not None:
        try:
            request_id.reset(token)
        except ValueError:  # finished in another context than it started: just clear it
            request_id.set("")


def connect_job_hooks() -> None:
    """Called from core's ready() (scheduler.register_core_jobs): stamp new jobs with the
    current id, and restore it in the worker while each job runs."""
    from django.db.models.signals import pre_save
    from django_tasks.signals import task_finished, task_started

    # Infrastructure, not domain logic: the backends offer no other hook before the write.
    pre_save.connect(
        _stamp_database_job, sender="django_tasks_database.DBTaskResult", weak=False,
        dispatch_uid="keel_request_id_db_job",
    )  # fmt: skip
    task_started.connect(_job_started, weak=False, dispatch_uid="keel_request_id_started")
    task_finished.connect(_job_finished, weak=False, dispatch_uid="keel_request_id_finished")


@functools.cache
def _rq_queue_class() -> type:
    from django_rq.queues import DjangoRQ

    class RequestIdQueue(DjangoRQ):
        """django-rq's queue, stamping each new job's meta with the current request id."""

        def create_job(self, *args: Any, **kwargs: Any) -> Any:
            rid = request_id.get()
            if rid:
                kwargs["meta"] = {**(kwargs.get("meta") or {}), JOB_KEY: rid}
            return super().create_job(*args, **kwargs)

    return RequestIdQueue


def __getattr__(name: str) -> Any:
    # RQ_QUEUES' QUEUE_CLASS names "keel.core.request_id.RequestIdQueue"; built on first use so
    # that importing this module (the logging set-up does) never imports django-rq.
    if name == "RequestIdQueue":
        return _rq_queue_class()
    raise AttributeError(name)
