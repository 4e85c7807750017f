"""Core jobs do their one thing and are safe to run twice."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from keel.core.jobs import deliver_email, prune_finished_jobs, record_heartbeat
from keel.core.mail import message_to_dict
from keel.core.models import WorkerHeartbeat

pytestmark = pytest.mark.django_db


def test_deliver_email_sends_through_the_delivery_backend(settings):
    settings.KEEL_DELIVERY_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    message = EmailMultiAlternatives("Hi", "Body", "keel@shop.example", ["a@shop.example"])
    message.attach_alternative("<b>Hi</b>", "text/html")

    assert deliver_email.call(message_to_dict(message)) == 1

    [sent] = mail.outbox
    assert isinstance(sent, EmailMultiAlternatives)
    assert sent.alternatives[0][1] == "text/html"


def test_record_heartbeat_writes_a_row():
    record_heartbeat.call("ping")
    assert WorkerHeartbeat.objects.get().note == "ping"


def _result(finished_days_ago: int) -> DBTaskResult:
    now = timezone.now()
    return DBTaskResult.objects.create(
        status="SUCCESSFUL",
        args_kwargs={"args": [], "kwargs": {}},
        task_path="keel.core.jobs.record_heartbeat",
        backend_name="default",
        run_after=now,
        finished_at=now - timedelta(days=finished_days_ago),
    )


def test_prune_drops_only_old_finished_results_and_is_idempotent():
    old, recent = _result(30), _result(1)

    assert prune_finished_jobs.call(days=14) == 1
    assert prune_finished_jobs.call(days=14) == 0
    assert list(DBTaskResult.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not DBTaskResult.objects.filter(pk=old.pk).exists()
