"""The invitation link page: every state a visitor can arrive in, none of which crashes."""

from __future__ import annotations

from datetime import timedelta
from typing import cast

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from keel.accounts import services
from keel.accounts.models import Invitation, User
from keel.accounts.tests.factories import UserFactory
from keel.core.models import Membership, Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def invite(owner):
    def _invite(email: str = "new@acme.example", role: str = Role.MEMBER):
        invitation, raw = services.invitation_create(actor=owner, email=email, role=role)
        return invitation, reverse("invitation_accept", kwargs={"token": raw})

    return _invite


def test_invitation_email_links_to_the_accept_page(invite):
    _invitation, path = invite()
    body = mail.outbox[0].body
    assert path in body
    assert "Olivia invited you to join Acme Shop on Keel." in body
    assert "expires in 7 days" in body


def test_unknown_link_is_404_with_a_clear_page(client, db):
    response = client.get(reverse("invitation_accept", kwargs={"token": "nope"}))
    assert response.status_code == 404
    assert "not valid" in response.content.decode()


@pytest.mark.parametrize(
    ("field", "text"),
    [("expires_at", "expired"), ("accepted_at", "already been used"), ("revoked_at", "withdrawn")],
)
def test_unusable_link_is_410_with_a_clear_page(client, invite, field, text):
    invitation, path = invite()
    now = timezone.now()
    Invitation.objects.filter(pk=invitation.pk).update(
        **{field: now - timedelta(minutes=1) if field == "expires_at" else now}
    )
    for method in (client.get, client.post):
        response = method(path)
        assert response.status_code == 410
        assert text in response.content.decode()
    assert not User.objects.filter(email="new@acme.example").exists()


def test_anonymous_sees_workspace_inviter_role_and_sign_up_form(client, invite):
    _invitation, path = invite(role=Role.MANAGER)
    html = client.get(path).content.decode()
    assert "Acme Shop" in html and "Olivia" in html and "Manager" in html
    assert 'value="new@acme.example"' in html and "readonly" in html
    assert 'name="password1"' in html and 'name="password2"' in html


def test_anonymous_signs_up_is_signed_in_and_joins(client, invite, workspace):
    invitation, path = invite(role=Role.MANAGER)
    response = client.post(
        path,
        {
            "full_name": "Nina New",
            "password1": "shelf stock 2026!",
            "password2": "shelf stock 2026!",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("workspace_home", kwargs={"ws": "acme"})
    user = User.objects.get(email="new@acme.example")
    assert user.full_name == "Nina New"
    assert client.session[SESSION_KEY] == str(user.pk)
    assert Membership.objects.get(workspace=workspace, user=user).role == Role.MANAGER
    invitation.refresh_from_db()
    assert invitation.accepted_by == user
    # The link works once.
    assert client.get(path).status_code == 410


def test_sign_up_form_errors_are_shown_and_nothing_is_created(client, invite):
    _invitation, path = invite()
    response = client.post(path, {"full_name": "Nina", "password1": "abc", "password2": "abd"})
    assert response.status_code == 400
    assert "The two passwords differ" in response.content.decode()
    response = client.post(path, {"full_name": "Nina", "password1": "1234", "password2": "1234"})
    assert response.status_code == 400
    assert "field-error" in response.content.decode()
    assert not User.objects.filter(email="new@acme.example").exists()


def test_anonymous_with_existing_account_is_asked_to_sign_in(client, invite):
    UserFactory(email="new@acme.example")
    _invitation, path = invite()
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 200
    assert reverse("account_login") + "?next=" in html and "next=%2Finvitations%2F" in html
    assert 'name="password1"' not in html
    # Posting a sign-up anyway creates nothing.
    client.post(path, {"full_name": "X", "password1": "shelf stock 2026!",
                       "password2": "shelf stock 2026!"})  # fmt: skip
    assert User.objects.filter(email="new@acme.example").count() == 1


def test_signed_in_invitee_accepts(client, invite, workspace):
    user = cast(User, UserFactory(email="new@acme.example"))
    _invitation, path = invite(role=Role.ASSISTANT)
    client.force_login(user)
    response = client.get(path)
    assert "Accept invitation" in response.content.decode()
    assert not Membership.objects.filter(user=user).exists()  # GET changes nothing
    response = client.post(path)
    assert response["Location"] == reverse("workspace_home", kwargs={"ws": "acme"})
    assert Membership.objects.get(workspace=workspace, user=user).role == Role.ASSISTANT


def test_signed_in_as_another_address_gets_a_clear_message(client, invite, outsider, workspace):
    _invitation, path = invite()
    client.force_login(outsider.user)
    response = client.post(path)
    assert response.status_code == 403
    html = response.content.decode()
    assert "new@acme.example" in html and outsider.user.email in html
    assert not Membership.objects.filter(workspace=workspace, user=outsider.user).exists()


def test_already_member_gets_a_clear_message(client, owner, member):
    invitation = Invitation.objects.create(
        workspace=owner.workspace, email=member.user.email, token_hash="0" * 64,
        invited_by=owner.user,
    )  # fmt: skip
    # The raw secret is not stored; fake one whose hash we know.
    from keel.accounts.models import hash_secret

    raw = "already-member-secret"
    Invitation.objects.filter(pk=invitation.pk).update(token_hash=hash_secret(raw))
    client.force_login(member.user)
    path = reverse("invitation_accept", kwargs={"token": raw})
    response = client.post(path)
    assert response.status_code == 200
    assert "already a member" in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_outside_address_can_join_as_assistant_but_not_as_staff(owner):
    with pytest.raises(ValidationError):
        services.invitation_create(actor=owner, email="ann@freelance.example", role=Role.MEMBER)
    invitation, _raw = services.invitation_create(
        actor=owner, email="ann@freelance.example", role=Role.ASSISTANT
    )
    membership = services.invitation_signup(
        invitation=invitation, full_name="Ann", password="shelf stock 2026!"
    )
    assert membership.role == Role.ASSISTANT and membership.is_external
