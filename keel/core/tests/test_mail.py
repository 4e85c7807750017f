"""Email leaves through a job enqueued on commit: a rolled-back transaction sends nothing."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction

from keel.core.mail import message_from_dict, message_to_dict


@pytest.fixture
def queued_mail(settings):
    # Django's test set-up swaps EMAIL_BACKEND for locmem; put Keel's real one back.
    settings.EMAIL_BACKEND = "keel.core.mail.QueuedEmailBackend"
    settings.KEEL_DELIVERY_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def test_round_trip_keeps_every_field_and_the_html_alternative():
    message = EmailMultiAlternatives(
        subject="订单 #42 shipped",
        body="Plain text",
        from_email="Keel <keel@shop.example>",
        to=["a@shop.example"],
        cc=["b@shop.example"],
        bcc=["c@shop.example"],
        reply_to=["d@shop.example"],
        headers={"List-Id": "<sales.shop.example>"},
    )
    message.attach_alternative("<p>HTML</p>", "text/html")

    data = message_to_dict(message)
    copy = message_from_dict(data)

    assert message_to_dict(copy) == data
    assert copy.alternatives[0][:2] == ("<p>HTML</p>", "text/html")
    assert copy.extra_headers == {"List-Id": "<sales.shop.example>"}
    assert (copy.subject, copy.cc, copy.bcc, copy.reply_to) == (
        "订单 #42 shipped", ["b@shop.example"], ["c@shop.example"], ["d@shop.example"],
    )  # fmt: skip


def test_round_trip_of_a_plain_message_has_no_alternatives():
    data = message_to_dict(EmailMessage("Hi", "Body", "x@shop.example", ["y@shop.example"]))
    assert data["alternatives"] == []
    assert message_from_dict(data).alternatives == []


@pytest.mark.django_db
def test_mail_is_delivered_by_the_job_after_commit(queued_mail, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        sent = EmailMessage("Hello", "Body", to=["a@shop.example"]).send()
        assert sent == 1
        assert mail.outbox == []  # nothing leaves before the commit
    assert len(callbacks) == 1
    assert [m.subject for m in mail.outbox] == ["Hello"]


@pytest.mark.django_db
def test_rolled_back_transaction_sends_nothing(queued_mail, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        EmailMessage("Never", "Body", to=["a@shop.example"]).send()
        raise RuntimeError("the request failed")
    assert callbacks == []
    assert mail.outbox == []
