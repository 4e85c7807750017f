"""Links in emails point at the server that sent them (issue 9, rule 4).

Outside a request (jobs, notifications, `keel seed`) every link starts with KEEL_BASE_URL,
which in development follows KEEL_PORT and in production must be set (`check --deploy`).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from keel.accounts import services as accounts
from keel.core.checks import check_base_url
from keel.core.mail import absolute_url
from keel.core.models import Role
from keel.notifications import services as notifications

BASE = "http://127.0.0.1:8765"


@pytest.fixture
def base_url(settings):
    settings.KEEL_BASE_URL = BASE
    return BASE


def test_absolute_url_uses_the_request_address_when_given_else_keel_base_url(base_url):
    assert absolute_url("/acme/tasks/1/") == f"{BASE}/acme/tasks/1/"
    assert absolute_url("") == BASE
    assert absolute_url("/x/", "https://shop.example/") == "https://shop.example/x/"


def test_development_base_url_follows_keel_port():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KEEL_", "DJANGO_"))}
    env.update(KEEL_PORT="8123", DJANGO_SETTINGS_MODULE="keel.settings.base")
    code = "from django.conf import settings; print(settings.KEEL_BASE_URL)"
    result = subprocess.run(
        [sys.executable, "-m", "keel.manage", "shell", "-c", code],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "http://127.0.0.1:8123"


@pytest.mark.parametrize(
    ("value", "ids"),
    [("", ["keel.W001"]), ("keel.example.com", ["keel.W002"]), ("https://keel.example.com", [])],
)
def test_deploy_check_warns_without_a_usable_base_url(settings, value, ids):
    settings.KEEL_BASE_URL = value
    assert [message.id for message in check_base_url()] == ids


@pytest.mark.django_db
def test_notification_email_links_start_with_keel_base_url(
    base_url, owner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notifications.notify(
            recipient=owner,
            kind="member.joined",
            params={"name": "Mike", "workspace": "Acme"},
            url="/acme/members/",
        )
    body = mail.outbox[0].body
    assert f"{BASE}/acme/members/" in body
    assert f"{BASE}/{owner.workspace.slug}/notifications/preferences/" in body


@pytest.mark.django_db
def test_invitation_made_outside_a_request_links_to_keel_base_url(base_url, owner):
    _invitation, raw = accounts.invitation_create(
        actor=owner, email=f"new@{owner.workspace.email_domain}", role=Role.MEMBER
    )
    link = BASE + reverse("invitation_accept", kwargs={"token": raw})
    assert link in mail.outbox[-1].body


@pytest.mark.django_db
def test_seed_prints_and_mails_links_to_keel_base_url(base_url, monkeypatch):
    monkeypatch.setenv("KEEL_DEMO_PASSWORD", "demo shop password")
    out = io.StringIO()
    call_command("seed", "demo", stdout=out)
    assert f"URL:      {BASE}/accounts/login/" in out.getvalue()
    bodies = [str(message.body) for message in mail.outbox]
    invitations = [body for body in bodies if "/invitations/" in body]
    assert invitations and all(f"{BASE}/invitations/" in body for body in invitations)
    assert "127.0.0.1:8000" not in "".join(bodies)
