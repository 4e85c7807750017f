"""Signing up, signing in and out, MFA, email and password changes through allauth's pages,
rendered in Keel's layouts, with the audit trail they leave."""

from __future__ import annotations

import re

import pyotp
import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import translation

from keel.accounts.models import User
from keel.accounts.selectors.user import needs_email_verification
from keel.accounts.tests.factories import PASSWORD
from keel.core.models import AuditEvent, Membership, Role, Workspace

SIGNUP = {
    "full_name": "Wang Fang",
    "email": "fang@teashop.example",
    "password1": "Oolong-and-jasmine-42",
    "password2": "Oolong-and-jasmine-42",
    "company_name": "Tea Shop",
    "slug": "teashop",
    "email_domain": "teashop.example",
    "language": "zh-hans",
    "timezone": "Asia/Shanghai",
}


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # allauth keeps rate-limit counters in the cache, which outlives a test's transaction.
    cache.clear()
    yield
    cache.clear()


def sign_in(client: Client, email: str, password: str = PASSWORD):
    """A real sign-in through allauth's form, so the session records a recent authentication."""
    return client.post(reverse("account_login"), {"login": email, "password": password})


def confirm_access(client: Client, password: str = PASSWORD) -> None:
    """allauth asks for the password again before sensitive changes; sign-in alone is not enough."""
    response = client.post(reverse("account_reauthenticate"), {"password": password})
    assert response.status_code == 302, response.content.decode()


def assert_keel_page(response) -> str:
    """Rendered in Keel's layout: one h1, no inline styles or scripts (CSP)."""
    html = response.content.decode()
    assert html.count("<h1") == 1, html
    assert "style=" not in html
    assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html) is None
    assert "<style" not in html
    return html


# --- Sign-up -------------------------------------------------------------------------------


def test_signup_page_shows_account_and_company_fields(client, db):
    html = assert_keel_page(client.get(reverse("account_signup")))
    for name in SIGNUP:
        assert f'name="{name}"' in html
        assert f'for="id_{name}"' in html  # every input labelled
    assert 'class="auth-card' in html


def test_signup_creates_user_and_owned_workspace_and_lands_in_it(client, db):
    response = client.post(
        reverse("account_signup"), SIGNUP, headers={"accept-language": "zh-hans"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/teashop/"
    user = User.objects.get(email="fang@teashop.example")
    assert user.full_name == "Wang Fang"
    assert user.language == "zh-hans"
    workspace = Workspace.objects.get(slug="teashop")
    assert (workspace.name, workspace.email_domain, workspace.timezone) == (
        "Tea Shop",
        "teashop.example",
        "Asia/Shanghai",
    )
    assert Membership.objects.get(workspace=workspace, user=user).role == Role.OWNER
    assert client.session["keel_language"] == "zh-hans"
    assert client.get("/teashop/").status_code == 200
    actions = set(AuditEvent.objects.filter(actor=user).values_list("action", flat=True))
    assert {"workspace.created", "auth.signed_up", "auth.login"} <= actions


def test_signup_sends_a_confirmation_email_and_the_banner_offers_to_resend(client, db):
    client.post(reverse("account_signup"), SIGNUP)

    assert [m.to for m in mail.outbox] == [["fang@teashop.example"]]
    assert "/accounts/confirm-email/" in mail.outbox[0].body
    user = User.objects.get(email="fang@teashop.example")
    assert needs_email_verification(user)

    html = _render_banner(user)
    assert "Please confirm your email address" in html
    assert f'value="{user.email}"' in html
    cache.clear()  # allauth waits a few minutes before re-sending; skip the wait
    client.post(reverse("account_email"), {"email": user.email, "action_send": ""})
    assert len(mail.outbox) == 2

    EmailAddress.objects.filter(user=user).update(verified=True)
    assert "verify-banner" not in _render_banner(user)


def _render_banner(user) -> str:
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = user
    with translation.override("en"):
        return render_to_string("accounts/_verify_banner.html", request=request)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"slug": "accounts"}, "slug"),
        ({"slug": "Not A Slug!"}, "slug"),
        ({"email_domain": "nodot"}, "email_domain"),
        ({"password2": "something-else-77"}, "password2"),
        ({"email": "not-an-email"}, "email"),
        ({"company_name": ""}, "company_name"),
    ],
)
def test_signup_with_bad_input_redisplays_with_field_errors(client, db, change, field):
    response = client.post(reverse("account_signup"), {**SIGNUP, **change})

    assert response.status_code == 200
    assert response.context["form"].errors.get(field)
    html = assert_keel_page(response)
    assert "field-error" in html
    assert not User.objects.exists()
    assert not Workspace.objects.exists()


def test_signup_with_a_taken_address_is_refused(client, workspace):
    response = client.post(reverse("account_signup"), {**SIGNUP, "slug": workspace.slug})

    assert "slug" in response.context["form"].errors
    assert not User.objects.filter(email=SIGNUP["email"]).exists()


def test_banner_helper_costs_one_query_and_clears_once_confirmed(
    client, db, django_assert_num_queries
):
    client.post(reverse("account_signup"), SIGNUP)
    user = User.objects.get(email="fang@teashop.example")
    with django_assert_num_queries(1):
        assert needs_email_verification(user) is True
    EmailAddress.objects.filter(user=user).update(verified=True)
    assert needs_email_verification(user) is False


def test_users_without_allauth_addresses_get_no_banner(owner):
    assert "verify-banner" not in _render_banner(owner.user)
    assert needs_email_verification(owner.user) is False


# --- Sign-in and out -----------------------------------------------------------------------


def test_login_page_renders_in_the_entrance_card(client, db):
    html = assert_keel_page(client.get(reverse("account_login")))
    assert 'class="auth-card' in html
    assert 'for="id_login"' in html
    assert 'for="id_password"' in html
    assert reverse("account_reset_password") in html


def test_successful_login_is_audited_and_lands_home(client, owner):
    response = sign_in(client, owner.user.email)

    assert response.status_code == 302
    assert AuditEvent.objects.filter(action="auth.login", actor=owner.user).exists()


def test_failed_login_records_typed_email_and_never_the_password(client, owner):
    response = sign_in(client, owner.user.email, "Wrong-Password-123")

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    event = AuditEvent.objects.get(action="auth.login_failed")
    assert event.actor_email == owner.user.email
    assert event.actor is None
    stored = " ".join(
        str(v) for v in AuditEvent.objects.filter(pk=event.pk).values().get().values()
    )
    assert "Wrong-Password-123" not in stored
    assert "password" not in str(event.data).lower()


def test_sixth_failed_login_is_rate_limited(client, owner):
    for _ in range(5):
        assert sign_in(client, owner.user.email, "nope-nope-nope").status_code == 200

    response = sign_in(client, owner.user.email, "nope-nope-nope")

    assert response.status_code in (200, 429)
    assert "Too many failed sign-ins" in response.content.decode()
    # Even the right password is refused while the limit holds.
    assert "_auth_user_id" not in sign_in(client, owner.user.email).client.session


def test_logout_is_audited_and_ends_the_session(client, owner):
    sign_in(client, owner.user.email)
    assert_keel_page(client.get(reverse("account_logout")))

    client.post(reverse("account_logout"))

    assert AuditEvent.objects.filter(action="auth.logout", actor=owner.user).exists()
    assert client.get(reverse("account_settings")).status_code == 302


# --- Password ------------------------------------------------------------------------------


def test_password_reset_sends_an_email(client, owner):
    response = client.post(reverse("account_reset_password"), {"email": owner.user.email})

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [owner.user.email]
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_password_reset_for_unknown_address_reveals_nothing(client, db):
    response = client.post(reverse("account_reset_password"), {"email": "who@nowhere.example"})
    assert response.status_code == 302  # same answer as for a known address


def test_password_change_is_audited(client, owner):
    sign_in(client, owner.user.email)
    assert_keel_page(client.get(reverse("account_change_password")))

    response = client.post(
        reverse("account_change_password"),
        {
            "oldpassword": PASSWORD,
            "password1": "Fresh-tea-leaves-9",
            "password2": "Fresh-tea-leaves-9",
        },
    )

    assert response.status_code == 302
    owner.user.refresh_from_db()
    assert owner.user.check_password("Fresh-tea-leaves-9")
    assert AuditEvent.objects.filter(action="auth.password_changed", actor=owner.user).exists()


# --- Email change --------------------------------------------------------------------------


def test_changing_email_requires_reauthentication_then_sends_verification(client, owner):
    client.force_login(owner.user)  # no recent password entry in this session
    new = {"email": "olivia.new@acme.example", "action_add": ""}

    response = client.post(reverse("account_email"), new)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert not EmailAddress.objects.filter(email="olivia.new@acme.example").exists()

    reauth = client.get(response["Location"])
    assert_keel_page(reauth)
    response = client.post(response["Location"], {"password": PASSWORD})

    # allauth replays the suspended request once the password is confirmed.
    assert EmailAddress.objects.filter(
        user=owner.user, email="olivia.new@acme.example", verified=False
    ).exists()
    assert any("olivia.new@acme.example" in m.to for m in mail.outbox)
    assert AuditEvent.objects.filter(action="auth.email_added", actor=owner.user).exists()


def test_confirming_the_new_address_changes_email_and_is_audited(client, owner):
    sign_in(client, owner.user.email)
    confirm_access(client)
    EmailAddress.objects.create(
        user=owner.user, email=owner.user.email, primary=True, verified=True
    )
    client.post(reverse("account_email"), {"email": "olivia.new@acme.example", "action_add": ""})
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", str(mail.outbox[-1].body))
    assert link is not None
    path = "/" + link.group(0).split("/", 3)[3]

    client.post(path)

    owner.user.refresh_from_db()
    assert owner.user.email == "olivia.new@acme.example"
    event = AuditEvent.objects.get(action="auth.email_changed")
    assert event.data == {"from": "olivia@acme.example", "to": "olivia.new@acme.example"}


# --- Two-factor ----------------------------------------------------------------------------


def test_activating_totp_is_audited(client, owner, django_capture_on_commit_callbacks):
    sign_in(client, owner.user.email)
    assert_keel_page(client.get(reverse("mfa_index")))
    confirm_access(client)
    page = client.get(reverse("mfa_activate_totp"))
    html = assert_keel_page(page)
    assert 'src="data:image/svg+xml' in html  # the QR code, allowed by img-src data:
    secret = page.context["form"].secret

    with django_capture_on_commit_callbacks(execute=True):  # allauth signals on commit
        response = client.post(reverse("mfa_activate_totp"), {"code": pyotp.TOTP(secret).now()})

    assert response.status_code == 302
    assert Authenticator.objects.filter(user=owner.user, type=Authenticator.Type.TOTP).exists()
    added = AuditEvent.objects.filter(action="mfa.added", actor=owner.user)
    assert "totp" in {e.data["type"] for e in added}
    assert secret not in str(list(AuditEvent.objects.values()))


def test_deactivating_totp_is_audited(client, owner):
    TOTP.activate(owner.user, pyotp.random_base32())
    sign_in(client, owner.user.email)  # MFA step follows the password
    # The fixture user has TOTP now, so finish the sign-in with a recovery-free TOTP code.
    secret = _totp_secret(owner.user)
    client.post(reverse("mfa_authenticate"), {"code": pyotp.TOTP(secret).now()})
    confirm_access(client)
    assert_keel_page(client.get(reverse("mfa_deactivate_totp")))

    client.post(reverse("mfa_deactivate_totp"))

    assert not Authenticator.objects.filter(user=owner.user, type=Authenticator.Type.TOTP).exists()
    assert AuditEvent.objects.filter(action="mfa.removed", actor=owner.user).exists()


def _totp_secret(user: User) -> str:
    from allauth.mfa.utils import decrypt

    auth = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    return decrypt(auth.data["secret"])


def test_a_recovery_code_signs_in_once_and_not_twice(owner):
    TOTP.activate(owner.user, pyotp.random_base32())
    code = RecoveryCodes.activate(owner.user).get_unused_codes()[0]

    first = Client()
    response = sign_in(first, owner.user.email)
    assert response["Location"] == reverse("mfa_authenticate")
    assert_keel_page(first.get(reverse("mfa_authenticate")))
    first.post(reverse("mfa_authenticate"), {"code": code})
    assert first.session.get("_auth_user_id") == str(owner.user.pk)

    second = Client()
    sign_in(second, owner.user.email)
    response = second.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert "_auth_user_id" not in second.session
    assert AuditEvent.objects.filter(action="mfa.failed", actor=owner.user).exists()


def test_recovery_codes_page_renders_in_settings_layout(client, owner):
    TOTP.activate(owner.user, pyotp.random_base32())
    RecoveryCodes.activate(owner.user)
    sign_in(client, owner.user.email)
    client.post(reverse("mfa_authenticate"), {"code": pyotp.TOTP(_totp_secret(owner.user)).now()})
    confirm_access(client)

    html = assert_keel_page(client.get(reverse("mfa_view_recovery_codes")))
    assert 'class="settings-nav"' in html
    assert 'for="recovery_codes"' in html


# --- Sessions ------------------------------------------------------------------------------


def test_sessions_page_lists_sessions_and_signs_out_the_others(owner):
    laptop, phone = Client(), Client()
    sign_in(laptop, owner.user.email)
    sign_in(phone, owner.user.email)
    assert UserSession.objects.filter(user=owner.user).count() == 2

    html = assert_keel_page(laptop.get(reverse("usersessions_list")))
    assert html.count("<tr") == 3  # header + two sessions
    assert 'class="settings-nav"' in html

    laptop.post(reverse("usersessions_list"))

    assert UserSession.objects.filter(user=owner.user).count() == 1
    assert phone.get(reverse("account_settings")).status_code == 302
    assert laptop.get(reverse("account_settings")).status_code == 200


# --- Layouts -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url_name",
    ["account_email", "account_change_password", "mfa_index", "usersessions_list"],
)
def test_manage_pages_render_inside_account_settings(client, owner, url_name):
    sign_in(client, owner.user.email)
    html = assert_keel_page(client.get(reverse(url_name)))
    assert 'class="settings-nav"' in html
    assert 'aria-current="page"' in html
    assert 'class="shell"' in html  # the sidebar shell, unlike entrance pages


@pytest.mark.parametrize("url_name", ["account_login", "account_signup", "account_reset_password"])
def test_entrance_pages_render_without_the_shell(client, db, url_name):
    html = assert_keel_page(client.get(reverse(url_name)))
    assert 'class="shell"' not in html
    assert 'name="language"' in html


def test_entrance_pages_follow_the_language_cookie(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    html = client.get(reverse("account_login")).content.decode()
    assert 'lang="zh-hans"' in html
    assert "登录" in html  # allauth ships its own zh_Hans strings


def test_password_reset_link_lets_the_user_choose_a_new_password(client, owner):
    client.post(reverse("account_reset_password"), {"email": owner.user.email})
    match = re.search(r"/accounts/password/reset/key/\S+/", str(mail.outbox[0].body))
    assert match is not None
    page = client.get(match.group(0), follow=True)
    html = assert_keel_page(page)
    assert 'class="auth-card' in html

    client.post(
        page.redirect_chain[-1][0] if page.redirect_chain else match.group(0),
        {"password1": "Brand-new-leaves-5", "password2": "Brand-new-leaves-5"},
    )

    owner.user.refresh_from_db()
    assert owner.user.check_password("Brand-new-leaves-5")
    assert AuditEvent.objects.filter(action="auth.password_changed", actor=owner.user).exists()
