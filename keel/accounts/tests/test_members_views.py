"""Members pages: list, filters, invite, role, offboarding; roles and workspace isolation."""

from __future__ import annotations

import pytest
from django.urls import reverse

from keel.accounts.models import ApiToken, GroupMembership, Invitation
from keel.accounts.offboarding import (
    _STEPS,
    HandoverItem,
    OffboardingStepResult,
    register_offboarding_step,
)
from keel.core.models import AuditEvent, Membership, Role
from keel.core.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    return reverse(name, kwargs={"ws": "acme", **kwargs})


# --- List ----------------------------------------------------------------------------------


def test_members_list_shows_people_groups_and_external_badge(
    login, owner, member, assistant, make_group
):
    make_group("Sales", "sales", [member])
    response = login(owner).get(url("members"))
    assert response.status_code == 200
    html = response.content.decode()
    assert member.user.email in html and assistant.user.email in html
    assert "Sales" in html
    assert "External" in html  # the assistant is on another domain
    assert 'scope="col"' in html
    assert "style=" not in html and "<script>" not in html


def test_members_list_filters_by_role_and_text(login, owner, member, manager):
    client = login(owner)
    html = client.get(url("members"), {"role": "manager"}).content.decode()
    assert manager.user.email in html and member.user.email not in html
    html = client.get(url("members"), {"q": "mik"}).content.decode()
    assert member.user.email in html and manager.user.email not in html
    html = client.get(url("members"), {"q": "nobody-at-all"}).content.decode()
    assert "No one matches these filters" in html


def test_offboarded_people_are_not_listed(login, owner, member):
    Membership.objects.filter(pk=member.pk).update(offboarded_at="2026-01-01T00:00:00Z")
    html = login(owner).get(url("members")).content.decode()
    assert member.user.email not in html


def test_members_list_query_count_is_bounded(
    login, owner, workspace, make_group, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    people = [MembershipFactory(workspace=workspace) for _ in range(5)]
    make_group("Sales", "sales", people[:3])
    client = login(owner)
    client.get(url("members"))  # first request of a session writes session rows
    with CaptureQueriesContext(connection) as few:
        client.get(url("members"))
    people += [MembershipFactory(workspace=workspace) for _ in range(45)]
    make_group("Ops", "ops", people[10:40])
    # The shell (session, user, sidebar, unread count) costs a few; the page's own are 3.
    with django_assert_max_num_queries(16) as many:
        response = client.get(url("members"))
    assert len(many.captured_queries) == len(few.captured_queries)
    assert response.content.decode().count("<tr>") >= 51


def test_members_list_pages_by_fifty_and_keeps_the_filter(login, owner, workspace):
    MembershipFactory.create_batch(60, workspace=workspace, role=Role.MEMBER)
    client = login(owner)
    first = client.get(url("members"), {"role": "member"}).content.decode()
    assert first.count('name="m') == 50  # one role picker per row on page one
    assert "60 members" in first
    second = client.get(url("members"), {"role": "member", "page": 2}).content.decode()
    assert second.count('name="m') == 10
    assert "role=member" in first  # the page links keep the filter


def test_assistant_cannot_see_members(login, assistant):
    assert login(assistant).get(url("members")).status_code == 403


def test_outsider_gets_404(login, outsider, member):
    client = login(outsider)
    assert client.get(url("members")).status_code == 404
    assert client.get(url("member_detail", pk=member.pk)).status_code == 404


def test_anonymous_is_sent_to_sign_in(client, owner):
    response = client.get(url("members"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_member_ids_of_another_workspace_give_404(login, owner, outsider):
    client = login(owner)
    assert client.get(url("member_detail", pk=outsider.pk)).status_code == 404
    response = client.post(url("member_change_role", pk=outsider.pk), {"role": "member"})
    assert response.status_code == 404
    assert client.get(url("member_offboard", pk=outsider.pk)).status_code == 404
    assert client.post(url("member_offboard", pk=outsider.pk)).status_code == 404
    outsider.refresh_from_db()
    assert outsider.is_active and outsider.role == Role.OWNER


def test_member_detail_page(login, member, manager):
    response = login(member).get(url("member_detail", pk=manager.pk))
    assert response.status_code == 200
    assert manager.user.email in response.content.decode()


# --- Invite --------------------------------------------------------------------------------


def test_manager_invites_from_members_page(login, manager, mailoutbox):
    response = login(manager).post(
        url("member_invite"), {"email": "new@acme.example", "role": "member"}
    )
    assert response.status_code == 302
    assert Invitation.objects.filter(email="new@acme.example", role="member").exists()
    assert len(mailoutbox) == 1


def test_invite_errors_show_beside_the_field(login, manager):
    response = login(manager).post(
        url("member_invite"), {"email": "friend@gmail.example", "role": "member"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "field-error" in html and "acme.example" in html
    assert 'value="friend@gmail.example"' in html
    assert not Invitation.objects.exists()


def test_manager_invite_form_offers_only_grantable_roles(login, manager):
    html = login(manager).get(url("members")).content.decode()
    assert 'value="member"' in html
    assert 'value="admin"' not in html.split('id="invite"')[1]
    response = login(manager).post(
        url("member_invite"), {"email": "boss@acme.example", "role": "admin"}
    )
    assert response.status_code == 400
    assert not Invitation.objects.exists()


def test_member_cannot_invite(login, member):
    response = login(member).post(
        url("member_invite"), {"email": "new@acme.example", "role": "member"}
    )
    assert response.status_code == 403
    assert not Invitation.objects.exists()
    assert 'id="invite"' not in login(member).get(url("members")).content.decode()


def test_invite_link_opens_the_members_page_with_the_form_ready(login, manager):
    # "Invite someone" on the home page is a link: GET must show the form, not 405.
    response = login(manager).get(url("member_invite"))
    assert response.status_code == 200
    html = response.content.decode()
    invite = html.split('id="invite"')[1]
    assert 'name="email"' in invite and "autofocus" in invite
    assert f'action="{url("member_invite")}"' in invite and 'method="post"' in invite
    assert not Invitation.objects.exists()


def test_member_cannot_open_the_invite_form(login, member):
    assert login(member).get(url("member_invite")).status_code == 403


def test_pending_invitation_is_listed_and_revocable(login, manager, owner):
    from keel.accounts import services

    invitation, _raw = services.invitation_create(
        actor=owner, email="new@acme.example", role=Role.MEMBER
    )
    client = login(manager)
    assert "new@acme.example" in client.get(url("members")).content.decode()
    response = client.post(url("invitation_revoke", pk=invitation.pk))
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    html = client.get(url("members")).content.decode()
    assert url("invitation_revoke", pk=invitation.pk) not in html


def test_member_cannot_revoke_and_outsider_gets_404(login, owner, member, outsider):
    from keel.accounts import services

    invitation, _raw = services.invitation_create(
        actor=owner, email="new@acme.example", role=Role.MEMBER
    )
    assert login(member).post(url("invitation_revoke", pk=invitation.pk)).status_code == 403
    other = reverse("invitation_revoke", kwargs={"ws": "other", "pk": invitation.pk})
    assert login(outsider).post(other).status_code == 404
    invitation.refresh_from_db()
    assert invitation.revoked_at is None


# --- Roles ---------------------------------------------------------------------------------


def test_admin_changes_role_from_the_list(login, admin, member):
    response = login(admin).post(
        url("member_change_role", pk=member.pk), {f"m{member.pk}-role": "manager"}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.role == Role.MANAGER


def test_admin_changes_role_from_detail_page(login, admin, member):
    response = login(admin).post(
        url("member_change_role", pk=member.pk), {"role": "manager", "back": "detail"}
    )
    assert response["Location"] == url("member_detail", pk=member.pk)
    member.refresh_from_db()
    assert member.role == Role.MANAGER


def test_member_cannot_change_role(login, member, manager):
    response = login(member).post(url("member_change_role", pk=manager.pk), {"role": "member"})
    assert response.status_code == 403
    manager.refresh_from_db()
    assert manager.role == Role.MANAGER


def test_manager_cannot_change_role(login, manager, member):
    response = login(manager).post(url("member_change_role", pk=member.pk), {"role": "assistant"})
    assert response.status_code == 403
    member.refresh_from_db()
    assert member.role == Role.MEMBER


def test_admin_cannot_demote_owner(login, admin, owner):
    response = login(admin).post(url("member_change_role", pk=owner.pk), {"role": "member"})
    assert response.status_code == 403
    owner.refresh_from_db()
    assert owner.role == Role.OWNER


def test_last_owner_demotion_shows_error(login, owner):
    client = login(owner)
    response = client.post(url("member_change_role", pk=owner.pk), {"role": "admin"}, follow=True)
    assert "at least one owner" in response.content.decode()
    owner.refresh_from_db()
    assert owner.role == Role.OWNER


def test_role_form_hidden_for_people_above_you(login, admin, owner, member):
    html = login(admin).get(url("members")).content.decode()
    assert url("member_change_role", pk=member.pk) in html
    assert url("member_change_role", pk=owner.pk) not in html


# --- Offboarding ---------------------------------------------------------------------------


@pytest.fixture
def fake_step():
    def run(target, actor, handover):
        return OffboardingStepResult(count=1, items=["Reorder stock"], url="/acme/tasks/?who=x")

    def preview(target):
        return [HandoverItem(key="1", label="Reorder stock")]

    register_offboarding_step("test.tasks", "Open tasks to reassign", run, preview=preview)
    yield
    _STEPS.pop("test.tasks", None)


def test_offboard_confirmation_lists_what_will_happen(login, owner, member, make_token, fake_step):
    make_token(member, "Laptop")
    response = login(owner).get(url("member_offboard", pk=member.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert "API tokens revoked" in html and "Laptop" in html
    assert "Open tasks to reassign" in html and "Reorder stock" in html
    member.refresh_from_db()
    assert member.is_active  # GET changes nothing


def test_offboard_then_summary_page(login, owner, member, make_token, make_group, fake_step):
    token = make_token(member, "Laptop")
    make_group("Sales", "sales", [member])
    client = login(owner)
    response = client.post(url("member_offboard", pk=member.pk))
    assert response.status_code == 302
    assert response["Location"] == url("member_offboarding", pk=member.pk)
    member.refresh_from_db()
    token.refresh_from_db()
    assert not member.is_active and token.revoked_at is not None
    assert not GroupMembership.objects.filter(membership=member).exists()

    html = client.get(response["Location"]).content.decode()
    for text in (
        "Signed out of every session", "API tokens revoked", "Laptop", "Removed from groups",
        "Sales", "Open tasks to reassign", "Reorder stock", 'href="/acme/tasks/?who=x"',
    ):  # fmt: skip
        assert text in html


def test_manager_cannot_offboard(login, manager, member, make_token):
    token = make_token(member)
    client = login(manager)
    assert client.get(url("member_offboard", pk=member.pk)).status_code == 403
    assert client.post(url("member_offboard", pk=member.pk)).status_code == 403
    member.refresh_from_db()
    token.refresh_from_db()
    assert member.is_active and token.revoked_at is None
    assert ApiToken.objects.usable().filter(membership=member).exists()


def test_admin_cannot_offboard_owner(login, admin, owner):
    assert login(admin).post(url("member_offboard", pk=owner.pk)).status_code == 403
    owner.refresh_from_db()
    assert owner.is_active


def test_owner_cannot_offboard_themselves(login, owner, workspace):
    MembershipFactory(workspace=workspace, role=Role.OWNER)  # not the last owner
    response = login(owner).post(url("member_offboard", pk=owner.pk))
    assert response.status_code == 400
    assert "yourself" in response.content.decode()
    owner.refresh_from_db()
    assert owner.is_active


def test_admin_cannot_offboard_themselves(login, admin):
    assert login(admin).post(url("member_offboard", pk=admin.pk)).status_code == 403
    admin.refresh_from_db()
    assert admin.is_active


def test_summary_for_someone_not_offboarded_is_404(login, owner, member):
    assert login(owner).get(url("member_offboarding", pk=member.pk)).status_code == 404


def test_summary_is_for_admins_only(login, owner, member, manager):
    login(owner).post(url("member_offboard", pk=member.pk))
    assert AuditEvent.objects.filter(action="member.offboarded").exists()
    assert login(manager).get(url("member_offboarding", pk=member.pk)).status_code == 403
