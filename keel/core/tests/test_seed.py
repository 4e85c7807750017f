"""`keel seed demo` and `keel seed large`: real data, idempotent, a sign-in that works."""

from __future__ import annotations

import io
import re

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import authenticate
from django.core.management import call_command

from keel.accounts.models import Group, GroupMembership, Invitation, User
from keel.core.models import AuditEvent, Membership, Role, Workspace

pytestmark = pytest.mark.django_db


def _seed(*args: str) -> str:
    out = io.StringIO()
    call_command("seed", *args, stdout=out)
    return out.getvalue()


def _counts() -> tuple[int, ...]:
    return (
        Workspace.objects.count(),
        User.objects.count(),
        Membership.objects.count(),
        Group.objects.count(),
        GroupMembership.objects.count(),
        Invitation.objects.count(),
        AuditEvent.objects.count(),
        EmailAddress.objects.count(),
    )


def _printed_password(output: str) -> str:
    match = re.search(r"password: (\S+)", output)
    assert match, output
    return match.group(1)


def test_demo_seed_creates_the_demo_shop_with_its_people(monkeypatch):
    monkeypatch.delenv("KEEL_DEMO_PASSWORD", raising=False)
    output = _seed("demo")

    ws = Workspace.objects.get(slug="demo")
    assert (ws.name, ws.email_domain, ws.language, ws.timezone) == (
        "Demo Shop", "demo.example", "en", "Asia/Shanghai",
    )  # fmt: skip
    roles = sorted(Membership.objects.filter(workspace=ws).values_list("role", flat=True))
    assert roles == sorted([Role.OWNER, Role.MANAGER, Role.MEMBER, Role.MEMBER, Role.ASSISTANT])
    assistant = Membership.objects.get(workspace=ws, role=Role.ASSISTANT)
    assert assistant.is_external
    assert {g.name for g in Group.objects.in_workspace(ws)} == {
        "Sales", "Purchasing", "Marketing",
    }  # fmt: skip
    assert all(g.memberships.exists() for g in Group.objects.in_workspace(ws))
    pending = [i for i in Invitation.objects.in_workspace(ws) if i.is_pending]
    assert len(pending) == 1
    actions = set(AuditEvent.objects.in_workspace(ws).values_list("action", flat=True))
    assert {"workspace.created", "invitation.created", "group.created"} <= actions
    assert not EmailAddress.objects.filter(user__memberships__workspace=ws, verified=False)

    assert f"{settings.KEEL_BASE_URL}/accounts/login/" in output
    assert "owner@demo.example" in output
    owner = authenticate(email="owner@demo.example", password=_printed_password(output))
    assert owner is not None and owner.full_name


def test_demo_seed_twice_duplicates_nothing_and_prints_a_working_new_password(monkeypatch):
    monkeypatch.delenv("KEEL_DEMO_PASSWORD", raising=False)
    first = _printed_password(_seed("demo"))
    counts = _counts()

    second_output = _seed("demo")
    second = _printed_password(second_output)

    assert _counts() == counts
    assert "Refreshed" in second_output
    assert first != second
    assert authenticate(email="owner@demo.example", password=second) is not None
    assert authenticate(email="owner@demo.example", password=first) is None


def test_demo_seed_uses_keel_demo_password_and_port(monkeypatch, settings):
    monkeypatch.setenv("KEEL_DEMO_PASSWORD", "demo shop password")
    settings.KEEL_BASE_URL = "http://127.0.0.1:8765"  # KEEL_PORT=8765 gives this in development
    output = _seed("demo")
    assert "password: demo shop password" in output
    assert "http://127.0.0.1:8765/accounts/login/" in output
    assert authenticate(email="owner@demo.example", password="demo shop password")


def test_large_seed_makes_n_members_and_can_be_topped_up():
    _seed("--scale", "large", "--members", "30")
    ws = Workspace.objects.get(slug="bench")
    assert Membership.objects.filter(workspace=ws).count() == 30
    assert AuditEvent.objects.in_workspace(ws).count() > 0
    counts = _counts()

    _seed("large", "--members", "30")
    assert _counts() == counts

    _seed("large", "--members", "40")
    assert Membership.objects.filter(workspace=ws).count() == 40
    grouped = GroupMembership.objects.filter(workspace=ws).values("membership").distinct()
    assert grouped.count() == 40
