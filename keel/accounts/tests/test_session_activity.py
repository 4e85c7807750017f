"""The sessions page's "last seen" is kept without writing the session's row on every request."""

from __future__ import annotations

import datetime

import pytest
from allauth.usersessions.models import UserSession
from django.urls import reverse

from keel.accounts import session_activity


@pytest.fixture
def signed_in(client, owner):
    client.force_login(owner.user)
    key = client.session.session_key
    session_activity.forget(key)
    yield client, key
    session_activity.forget(key)


def _age(key: str) -> None:
    """Move the session's last_seen_at an hour back, so a sync is visible."""
    UserSession.objects.filter(session_key=key).update(
        last_seen_at=UserSession.objects.get(session_key=key).last_seen_at
        - datetime.timedelta(hours=1)
    )


def _seen(key: str) -> datetime.datetime:
    return UserSession.objects.get(session_key=key).last_seen_at


def test_first_request_syncs_then_requests_within_the_interval_do_not_write(signed_in):
    client, key = signed_in
    client.get(reverse("account_settings"))  # the first request records the session
    assert _seen(key)

    _age(key)
    aged = _seen(key)
    client.get(reverse("account_settings"))
    assert _seen(key) == aged  # within SEEN_EVERY: no write


def test_after_the_interval_last_seen_moves_again(signed_in, monkeypatch):
    client, key = signed_in
    client.get(reverse("account_settings"))
    _age(key)
    aged = _seen(key)
    later = session_activity.time.monotonic() + session_activity.SEEN_EVERY + 1
    monkeypatch.setattr(session_activity.time, "monotonic", lambda: later)
    client.get(reverse("account_settings"))
    assert _seen(key) > aged


def test_a_new_browser_on_the_same_session_is_recorded_at_once(signed_in):
    client, key = signed_in
    client.get(reverse("account_settings"), HTTP_USER_AGENT="Firefox")
    assert UserSession.objects.get(session_key=key).user_agent == "Firefox"
    client.get(reverse("account_settings"), HTTP_USER_AGENT="Chrome")
    assert UserSession.objects.get(session_key=key).user_agent == "Chrome"


def test_anonymous_requests_write_nothing(client, db):
    client.get(reverse("account_login"))
    assert not UserSession.objects.exists()
