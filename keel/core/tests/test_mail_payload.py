"""Queued mail is sealed in the job's arguments, and finished jobs leave the queue."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from keel.core import crypto
from keel.core.jobs import deliver_email
from keel.core.mail import message_from_dict, message_to_dict, open_message, seal_message
from keel.core.retention import purge_finished_payloads
from keel.core.scheduler import REGISTRY, register_core_jobs


@pytest.fixture
def database_queue(settings):
    """The production way: mail queued on commit into django_tasks_db's table, not run inline."""
    settings.EMAIL_BACKEND = "keel.core.mail.QueuedEmailBackend"
    settings.KEEL_DELIVERY_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }


def test_a_password_reset_link_is_not_readable_in_the_job_queue(
    client, owner, database_queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": owner.user.email})

    job = DBTaskResult.objects.get(task_path="keel.core.jobs.deliver_email")
    stored = json.dumps(job.args_kwargs)
    assert mail.outbox == []  # still queued
    assert owner.user.email not in stored
    assert "password" not in stored.lower()

    assert deliver_email.call(*job.args_kwargs["args"], **job.args_kwargs["kwargs"]) == 1

    [sent] = mail.outbox
    link = re.search(r"https?://\S+/accounts/password/reset/key/\S+", str(sent.body))
    assert link is not None
    assert link.group(0) not in stored
    assert link.group(0).split("/")[-2] not in stored  # nor the reset key alone
    assert sent.to == [owner.user.email]


def test_the_sealed_message_opens_only_as_mail():
    data = message_to_dict(
        EmailMessage("Invite", "https://keel.example/join/abc", to=["a@x.example"])
    )
    payload = seal_message(data)

    assert set(payload) == {"sealed"}
    assert "join/abc" not in json.dumps(payload)
    assert open_message(payload) == data
    assert message_from_dict(payload).body == "https://keel.example/join/abc"
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt(payload["sealed"], aad="mfa")


def test_a_message_queued_before_sealing_still_sends(settings):
    settings.KEEL_DELIVERY_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    legacy = message_to_dict(EmailMessage("Old", "queued before the upgrade", to=["a@x.example"]))

    assert deliver_email.call(legacy) == 1
    assert mail.outbox[0].subject == "Old"


def _result(status: str, *, finished_hours_ago: float | None) -> DBTaskResult:
    now = timezone.now()
    finished = None if finished_hours_ago is None else now - timedelta(hours=finished_hours_ago)
    return DBTaskResult.objects.create(
        status=status,
        args_kwargs={"args": [{"sealed": "k1:..."}], "kwargs": {}},
        task_path="keel.core.jobs.deliver_email",
        backend_name="default",
        run_after=now,
        finished_at=finished,
    )


@pytest.mark.django_db
def test_purge_drops_old_successful_jobs_but_keeps_pending_running_and_failed():
    old_done = _result("SUCCESSFUL", finished_hours_ago=25)
    keep = [
        _result("SUCCESSFUL", finished_hours_ago=2),
        _result("READY", finished_hours_ago=None),
        _result("RUNNING", finished_hours_ago=None),
        _result("FAILED", finished_hours_ago=25),  # shown to the owner; pruned after 14 days
    ]

    assert purge_finished_payloads.call() == 1
    assert purge_finished_payloads.call() == 0  # safe to run twice

    assert not DBTaskResult.objects.filter(pk=old_done.pk).exists()
    assert set(DBTaskResult.objects.values_list("pk", flat=True)) == {r.pk for r in keep}


def test_the_purge_runs_every_hour_from_the_worker_scheduler():
    register_core_jobs()

    job = REGISTRY["keel.core.retention.purge_finished_payloads"]
    assert job.seconds == 3600
