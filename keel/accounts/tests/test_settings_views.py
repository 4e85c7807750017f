"""Account settings: profile (name, language, time zone, theme) and personal API tokens."""

from __future__ import annotations

from typing import Any, cast

import pytest
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse

from keel.accounts.models import ApiToken, hash_secret
from keel.accounts.tests.test_auth import assert_keel_page, confirm_access, sign_in
from keel.accounts.tokens import token_authenticate, token_create
from keel.core.models import AuditEvent, Membership
from keel.core.tests.factories import MembershipFactory


def another_membership(user: Any, **kwargs: Any) -> Membership:
    """The same person in another workspace."""
    return cast(Membership, MembershipFactory(user=user, **kwargs))


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


PROFILE = {"full_name": "Olivia Chen", "language": "zh-hant", "timezone": "Asia/Taipei",
           "theme": "dark"}  # fmt: skip


# --- Access --------------------------------------------------------------------------------


@pytest.mark.parametrize("url_name", ["account_settings", "api_tokens"])
def test_anonymous_visitors_are_sent_to_sign_in(client, db, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_anonymous_cannot_create_or_revoke_tokens(client, owner):
    token, _raw = token_create(membership=owner, name="Sync")
    client.post(reverse("api_token_create"), {"name": "x", "membership": owner.pk})
    client.post(reverse("api_token_revoke", args=[token.pk]))
    assert ApiToken.objects.count() == 1
    token.refresh_from_db()
    assert token.revoked_at is None


# --- Profile -------------------------------------------------------------------------------


def test_profile_page_shows_the_settings_nav_and_labelled_fields(owner, login):
    html = assert_keel_page(login(owner).get(reverse("account_settings")))
    assert 'class="settings-nav"' in html
    for href in ["/accounts/email/", "/accounts/password/change/", "/accounts/2fa/",
                 "/accounts/sessions/", "/accounts/tokens/"]:  # fmt: skip
        assert f'href="{href}"' in html
    for name in PROFILE:
        assert f'for="id_{name}"' in html
    assert 'aria-current="page"' in html


def test_saving_the_profile_updates_user_session_and_language_cookie(owner, login):
    client = login(owner)

    response = client.post(reverse("account_settings"), PROFILE)

    assert response.status_code == 302
    user = owner.user
    user.refresh_from_db()
    assert (user.full_name, user.language, user.timezone, user.theme) == (
        "Olivia Chen", "zh-hant", "Asia/Taipei", "dark",
    )  # fmt: skip
    assert client.session["keel_language"] == "zh-hant"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "zh-hant"
    event = AuditEvent.objects.get(action="user.profile_updated")
    assert set(event.data["fields"]) == set(PROFILE)
    # The next page is in the chosen language and theme.
    html = client.get(reverse("account_settings")).content.decode()
    assert 'lang="zh-hant"' in html
    assert 'data-theme="dark"' in html


def test_clearing_the_language_follows_the_browser_again(owner, login):
    client = login(owner)
    client.post(reverse("account_settings"), PROFILE)

    response = client.post(reverse("account_settings"), {**PROFILE, "language": ""})

    assert "keel_language" not in client.session
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == ""  # deleted
    owner.user.refresh_from_db()
    assert owner.user.language == ""


def test_an_unknown_time_zone_is_refused_beside_the_field(owner, login):
    response = login(owner).post(reverse("account_settings"), {**PROFILE, "timezone": "Mars/Base"})

    assert response.status_code == 200
    assert "timezone" in response.context["form"].errors
    assert "field-error" in response.content.decode()
    owner.user.refresh_from_db()
    assert owner.user.timezone == ""


def test_saving_unchanged_profile_writes_no_audit_event(owner, login):
    client = login(owner)
    client.post(reverse("account_settings"), PROFILE)
    client.post(reverse("account_settings"), PROFILE)
    assert AuditEvent.objects.filter(action="user.profile_updated").count() == 1


# --- API tokens ----------------------------------------------------------------------------


def test_tokens_page_lists_my_tokens_across_workspaces_only(owner, outsider, login):
    second = another_membership(owner.user)  # the owner also works in another shop
    token_create(membership=owner, name="Acme sync")
    token_create(membership=second, name="Second shop sync")
    token_create(membership=outsider, name="Oscar's secret script")

    html = assert_keel_page(login(owner).get(reverse("api_tokens")))

    assert "Acme sync" in html
    assert "Second shop sync" in html
    assert second.workspace.name in html
    assert "Oscar&#x27;s secret script" not in html and "Oscar's secret script" not in html


def test_tokens_list_query_count_does_not_grow_with_tokens(owner, login):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login(owner)
    token_create(membership=owner, name="first")
    client.get(reverse("api_tokens"))  # warm up: session bookkeeping on the first request
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("api_tokens"))
    for i in range(5):
        token_create(membership=another_membership(owner.user), name=f"t{i}")
    with CaptureQueriesContext(connection) as six:
        client.get(reverse("api_tokens"))
    assert len(six) == len(one)


def test_creating_a_token_requires_confirming_the_password(owner, login):
    client = login(owner)  # signed in, but no recent password entry

    response = client.post(reverse("api_token_create"), {"name": "Sync", "membership": owner.pk})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert not ApiToken.objects.exists()


def test_a_new_token_is_shown_once_and_works(client, owner):
    sign_in(client, owner.user.email)
    confirm_access(client)

    response = client.post(reverse("api_token_create"), {"name": "Sync", "membership": owner.pk})

    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    raw = response.context["raw_token"]
    assert raw.startswith("keel_")
    assert raw in response.content.decode()
    token = ApiToken.objects.get()
    assert token.token_hash == hash_secret(raw)
    assert token_authenticate(raw) == token
    assert raw not in str(dict(client.session))
    assert raw not in client.get(reverse("api_tokens")).content.decode()


def test_cannot_create_a_token_in_a_workspace_i_am_not_in(client, owner, outsider):
    sign_in(client, owner.user.email)
    confirm_access(client)

    response = client.post(reverse("api_token_create"), {"name": "x", "membership": outsider.pk})

    assert response.status_code == 200
    assert "membership" in response.context["form"].errors
    assert not ApiToken.objects.exists()


def test_offboarded_memberships_are_not_offered(client, owner):
    from django.utils import timezone

    gone = another_membership(owner.user, offboarded_at=timezone.now())
    sign_in(client, owner.user.email)
    confirm_access(client)
    page = client.get(reverse("api_tokens"))
    assert gone.workspace.name not in page.content.decode()

    response = client.post(reverse("api_token_create"), {"name": "x", "membership": gone.pk})

    assert "membership" in response.context["form"].errors
    assert not ApiToken.objects.exists()


def test_revoking_my_token_stops_it_working(owner, login):
    token, raw = token_create(membership=owner, name="Sync")

    response = login(owner).post(reverse("api_token_revoke", args=[token.pk]))

    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert token_authenticate(raw) is None
    assert AuditEvent.objects.filter(action="token.revoked", target_id=str(token.pk)).exists()


def test_cannot_revoke_someone_elses_token(owner, member, login):
    token, raw = token_create(membership=member, name="Mike's")

    response = login(owner).post(reverse("api_token_revoke", args=[token.pk]))

    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None
    assert token_authenticate(raw) is not None


def test_revoke_only_accepts_post(owner, login):
    token, _raw = token_create(membership=owner, name="Sync")
    assert login(owner).get(reverse("api_token_revoke", args=[token.pk])).status_code == 405
    token.refresh_from_db()
    assert token.revoked_at is None
