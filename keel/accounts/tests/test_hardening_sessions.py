"""Sessions end when they should: offboarding ends one an invitation started, and a browser
session ends after the idle and absolute limits (issue 12)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.urls import reverse

from keel.accounts import services, session_timeout
from keel.accounts.tests.factories import PASSWORD
from keel.core.models import Membership, Role

pytestmark = pytest.mark.django_db

HOUR = 3600.0
ME = "/api/v1/me"


@pytest.fixture
def clock(monkeypatch):
    """The timeout middleware's clock, moved by hand: `clock.advance(hours)`."""

    class Clock:
        now = 1_800_000_000.0

        def advance(self, hours: float) -> None:
            self.now += hours * HOUR

    c = Clock()
    monkeypatch.setattr(session_timeout, "_now", lambda: c.now)
    return c


@pytest.fixture
def sign_in(client, clock):
    """A real sign-in through allauth's form (the request that starts the session's clocks)."""

    def _sign_in(membership: Membership):
        form = {"login": membership.user.email, "password": PASSWORD}
        assert client.post(reverse("account_login"), form).status_code == 302
        return client

    return _sign_in


def _signed_out(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(reverse("account_login"))


# --- Every way in is tracked ------------------------------------------------------------------


def test_offboarding_ends_the_session_an_invitation_signed_in(client, owner, workspace):
    _invitation, raw = services.invitation_create(
        actor=owner, email="new@acme.example", role=Role.MEMBER
    )
    response = client.post(
        reverse("invitation_accept", kwargs={"token": raw}),
        {"full_name": "Nina New", "password1": "shelf stock 2026!",
         "password2": "shelf stock 2026!"},
    )  # fmt: skip
    assert response.status_code == 302
    assert SESSION_KEY in client.session
    nina = Membership.objects.get(workspace=workspace, user__email="new@acme.example")

    services.membership_offboard(actor=owner, membership=nina)

    assert _signed_out(client.get(reverse("account_settings")))
    assert _signed_out(client.get(reverse("workspace_home", kwargs={"ws": workspace.slug})))
    assert client.get(ME).status_code == 401


def test_no_code_signs_in_around_allauth():
    """Django's bare login() skips allauth's session tracking (and its MFA stage): every
    sign-in goes through allauth (perform_login / the adapter)."""
    keel = Path(__file__).resolve().parents[2]
    offenders = []
    for path in keel.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.ImportFrom)
                and node.module == "django.contrib.auth"
                and any(alias.name == "login" for alias in node.names)
            ):
                offenders.append(str(path.relative_to(keel)))
    assert offenders == []


# --- Idle and absolute timeout ----------------------------------------------------------------


def test_idle_session_is_signed_out_after_the_idle_limit(sign_in, member, clock):
    client = sign_in(member)
    assert client.get(reverse("account_settings")).status_code == 200
    clock.advance(settings.KEEL_SESSION_IDLE_HOURS - 0.5)
    assert client.get(reverse("account_settings")).status_code == 200
    clock.advance(settings.KEEL_SESSION_IDLE_HOURS + 0.1)
    assert _signed_out(client.get(reverse("account_settings")))
    assert SESSION_KEY not in client.session
    # Signing in again starts new clocks.
    sign_in(member)
    assert client.get(reverse("account_settings")).status_code == 200


def test_idle_browser_session_gets_401_from_the_api(sign_in, member, clock):
    client = sign_in(member)
    assert client.get(ME).status_code == 200
    clock.advance(settings.KEEL_SESSION_IDLE_HOURS + 1)
    assert client.get(ME).status_code == 401


def test_active_session_still_ends_at_the_absolute_limit(settings, sign_in, member, clock):
    settings.KEEL_SESSION_MAX_DAYS = 1
    client = sign_in(member)
    for _ in range(4):  # a request every 6 hours: never idle, 18 hours in
        assert client.get(reverse("account_settings")).status_code == 200
        clock.advance(6)
    assert client.get(reverse("account_settings")).status_code == 200  # 24 h - a moment
    clock.advance(6)
    assert _signed_out(client.get(reverse("account_settings")))


def test_activity_is_saved_at_most_once_a_minute(sign_in, member, clock):
    client = sign_in(member)
    cookie = settings.SESSION_COOKIE_NAME
    clock.advance(10 / HOUR)
    assert cookie not in client.get(reverse("account_settings")).cookies  # no session save
    clock.advance(61 / HOUR)
    assert cookie in client.get(reverse("account_settings")).cookies


def test_api_token_requests_are_not_timed_out(api_for, member, clock):
    api = api_for(member)
    assert api.get("/me").status_code == 200
    clock.advance(24 * 30)
    response = api.get("/me")
    assert response.status_code == 200
    assert settings.SESSION_COOKIE_NAME not in response.cookies


def test_a_session_without_clocks_costs_no_extra_write(login, member, clock):
    """Sessions from before the timeout (and tests' force_login) are not saved just to stamp
    them: query budgets of the first request stay as they were."""
    client = login(member)
    response = client.get(reverse("account_settings"))
    assert response.status_code == 200
    assert settings.SESSION_COOKIE_NAME not in response.cookies
