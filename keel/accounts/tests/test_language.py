"""A person's language is their account's: the language switch saves it, signing in brings it
back (the first page after sign-in and the next sign-in page agree), and a new account starts
from the browser's language."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from keel.accounts import services
from keel.accounts.models import User
from keel.accounts.tests.factories import PASSWORD, UserFactory
from keel.core.models import AuditEvent, Role, Workspace

pytestmark = pytest.mark.django_db
COOKIE = settings.LANGUAGE_COOKIE_NAME


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def test_language_switch_saves_the_signed_in_persons_language(login, member):
    client = login(member)
    response = client.post("/i18n/setlang/", {"language": "zh-hant", "next": "/acme/"})
    assert response.status_code == 302
    member.user.refresh_from_db()
    assert member.user.language == "zh-hant"
    assert client.session["keel_language"] == "zh-hant"
    assert client.cookies[COOKIE].value == "zh-hant"
    assert AuditEvent.objects.filter(action="user.profile_updated", actor=member.user).exists()
    assert '<html lang="zh-hant"' in client.get("/acme/").content.decode()


def test_language_switch_for_a_visitor_sets_only_the_cookie(client, db):
    response = client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/accounts/login/"})
    assert response.status_code == 302
    assert client.cookies[COOKIE].value == "zh-hans"


def test_unknown_language_changes_nothing(login, member):
    client = login(member)
    client.post("/i18n/setlang/", {"language": "fr", "next": "/acme/"})
    member.user.refresh_from_db()
    assert member.user.language == ""


def test_first_page_after_sign_in_is_in_the_accounts_language(member):
    member.user.language = "zh-hans"
    member.user.save(update_fields=["language"])
    client = Client()
    client.cookies[COOKIE] = "en"  # an older choice on this browser
    response = client.post(
        reverse("account_login"), {"login": member.user.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    page = client.get("/acme/")
    assert '<html lang="zh-hans"' in page.content.decode()
    # The browser now remembers it: after signing out, the sign-in page is in it too.
    assert page.cookies[COOKIE].value == "zh-hans"
    client.post(reverse("account_logout"))
    assert '<html lang="zh-hans"' in client.get(reverse("account_login")).content.decode()


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


def test_sign_up_starts_from_the_browsers_language(client, db):
    response = client.post(
        reverse("account_signup"), SIGNUP, headers={"accept-language": "zh-hant"}
    )
    assert response.status_code == 302
    assert User.objects.get(email="fang@teashop.example").language == "zh-hant"
    assert Workspace.objects.get(slug="teashop").language == "zh-hans"


@pytest.mark.parametrize(("browser", "expected"), [("zh-hans", "zh-hans"), ("en-GB", "en")])
def test_invitation_sign_up_starts_from_the_browsers_language(client, owner, browser, expected):
    _invitation, raw = services.invitation_create(
        actor=owner, email="nina@acme.example", role=Role.MEMBER
    )
    response = client.post(
        reverse("invitation_accept", kwargs={"token": raw}),
        {"full_name": "Nina", "password1": "shelf stock 2026!", "password2": "shelf stock 2026!"},
        headers={"accept-language": browser},
    )
    assert response.status_code == 302
    assert User.objects.get(email="nina@acme.example").language == expected
    assert client.session["keel_language"] == expected


# --- Invitations: written in the inviter's language ------------------------------------------


def _invitation_mail(owner, email="nina@acme.example"):
    services.invitation_create(actor=owner, email=email, role=Role.MEMBER)
    return mail.outbox[-1]


def test_invitation_to_a_new_person_is_in_the_inviters_language(owner):
    owner.user.language = "zh-hans"
    owner.user.save(update_fields=["language"])
    message = _invitation_mail(owner)
    assert message.subject == "Olivia 邀请你加入 Keel 工作区“Acme Shop”"
    assert "Olivia 邀请你加入 Keel 工作区“Acme Shop”。" in message.body
    assert "接受邀请：" in message.body


def test_invitation_falls_back_to_the_workspace_language(owner, workspace):
    workspace.language = "zh-hant"
    workspace.save(update_fields=["language"])
    message = _invitation_mail(owner)
    assert "邀請" in message.subject


def test_invitation_to_someone_with_an_account_is_in_their_language(owner):
    owner.user.language = "zh-hans"
    owner.user.save(update_fields=["language"])
    UserFactory(email="nina@acme.example", language="en")
    message = _invitation_mail(owner)
    assert message.subject.startswith("Olivia invited you to Acme Shop")
