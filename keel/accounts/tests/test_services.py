"""Services for people: permission, invariants, audit, side effects (and none when refused)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any, cast

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from keel.accounts import services
from keel.accounts.models import ApiToken, Group, GroupMembership, Invitation, User
from keel.accounts.offboarding import (
    _STEPS,
    OffboardingStepResult,
    register_offboarding_step,
)
from keel.accounts.tests.factories import UserFactory
from keel.core.models import AuditEvent, Membership, Role
from keel.core.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


# --- Invitations ---------------------------------------------------------------------------


def test_invitation_create_emails_a_link_and_audits(manager):
    invitation, raw = services.invitation_create(
        actor=manager, email="New@Acme.example", role=Role.MEMBER
    )
    assert invitation.email == "new@acme.example"
    assert invitation.token_hash != raw
    assert len(mail.outbox) == 1
    assert services.invitation_url(raw) in mail.outbox[0].body
    assert mail.outbox[0].to == ["new@acme.example"]
    assert AuditEvent.objects.filter(action="invitation.created", workspace=manager.workspace)


def test_member_cannot_invite(member):
    with pytest.raises(PermissionDenied):
        services.invitation_create(actor=member, email="x@acme.example", role=Role.MEMBER)
    assert not Invitation.objects.exists()


def test_manager_cannot_invite_an_admin(manager):
    with pytest.raises(ValidationError) as exc:
        services.invitation_create(actor=manager, email="x@acme.example", role=Role.ADMIN)
    assert "role" in exc.value.message_dict
    assert not Invitation.objects.exists()


def test_outside_domain_is_refused_for_staff_role(owner):
    with pytest.raises(ValidationError) as exc:
        services.invitation_create(actor=owner, email="x@gmail.example", role=Role.MEMBER)
    assert "email" in exc.value.message_dict
    assert not Invitation.objects.exists()


def test_outside_domain_is_allowed_for_assistant(owner):
    invitation, _raw = services.invitation_create(
        actor=owner, email="x@gmail.example", role=Role.ASSISTANT
    )
    assert invitation.role == Role.ASSISTANT


def test_inviting_an_existing_member_is_refused(owner, member):
    with pytest.raises(ValidationError):
        services.invitation_create(actor=owner, email=member.user.email, role=Role.MEMBER)


def test_new_invitation_replaces_pending_one(owner):
    first, _ = services.invitation_create(actor=owner, email="x@acme.example", role=Role.MEMBER)
    services.invitation_create(actor=owner, email="x@acme.example", role=Role.MANAGER)
    first.refresh_from_db()
    assert first.revoked_at is not None


def _user(email: str) -> User:
    return cast(User, UserFactory(email=email))


def _membership(**kwargs: Any) -> Membership:
    return cast(Membership, MembershipFactory(**kwargs))


def _invite(owner, email="new@acme.example", role=Role.MEMBER):
    return services.invitation_create(actor=owner, email=email, role=role)


def test_accept_creates_membership_and_marks_email_verified(owner):
    from allauth.account.models import EmailAddress

    invitation, _raw = _invite(owner, role=Role.MANAGER)
    user = _user("new@acme.example")
    membership = services.invitation_accept(invitation=invitation, user=user)
    assert membership.role == Role.MANAGER and membership.workspace == owner.workspace
    invitation.refresh_from_db()
    assert invitation.accepted_by == user
    assert EmailAddress.objects.get(user=user).verified


@pytest.mark.parametrize("state", ["expired", "used", "revoked"])
def test_unusable_invitation_cannot_be_accepted(owner, state):
    invitation, _raw = _invite(owner)
    now = timezone.now()
    field = {"expired": "expires_at", "used": "accepted_at", "revoked": "revoked_at"}[state]
    value = now - timedelta(seconds=1) if state == "expired" else now
    Invitation.objects.filter(pk=invitation.pk).update(**{field: value})
    invitation.refresh_from_db()
    assert services.invitation_problem(invitation)
    user = _user("new@acme.example")
    with pytest.raises(ValidationError):
        services.invitation_accept(invitation=invitation, user=user)
    assert not Membership.objects.filter(user=user).exists()


def test_accept_with_another_email_is_refused(owner, outsider):
    invitation, _raw = _invite(owner)
    with pytest.raises(ValidationError):
        services.invitation_accept(invitation=invitation, user=outsider.user)
    assert not Membership.objects.filter(workspace=owner.workspace, user=outsider.user).exists()


def test_offboarded_person_can_come_back_by_invitation(owner, admin):
    services.membership_offboard(actor=owner, membership=admin)
    invitation, _raw = _invite(owner, email=admin.user.email, role=Role.MEMBER)
    services.invitation_accept(invitation=invitation, user=admin.user)
    admin.refresh_from_db()
    assert admin.is_active and admin.role == Role.MEMBER


def test_invitation_signup_creates_user_and_membership(owner):
    invitation, _raw = _invite(owner)
    membership = services.invitation_signup(
        invitation=invitation, full_name="New Person", password="a long passphrase 42"
    )
    assert membership.user.email == "new@acme.example"
    assert membership.user.check_password("a long passphrase 42")
    assert membership.user.full_name == "New Person"


def test_invitation_signup_refuses_existing_address(owner, member):
    invitation = Invitation.objects.create(
        workspace=owner.workspace, email=member.user.email, token_hash="x" * 64
    )
    with pytest.raises(ValidationError):
        services.invitation_signup(invitation=invitation, full_name="X", password="pw")


def test_manager_revokes_invitation_but_not_another_workspaces(manager, outsider):
    invitation, _raw = _invite(manager)
    with pytest.raises(PermissionDenied):
        services.invitation_revoke(actor=outsider, invitation=invitation)
    invitation.refresh_from_db()
    assert invitation.revoked_at is None
    services.invitation_revoke(actor=manager, invitation=invitation)
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None


# --- Roles ---------------------------------------------------------------------------------


def test_admin_promotes_member_to_manager(admin, member):
    services.membership_change_role(actor=admin, membership=member, role=Role.MANAGER)
    member.refresh_from_db()
    assert member.role == Role.MANAGER
    event = AuditEvent.objects.get(action="member.role_changed")
    assert event.data == {"from": "member", "to": "manager"}


def test_member_cannot_change_roles(member, manager):
    with pytest.raises(PermissionDenied):
        services.membership_change_role(actor=member, membership=manager, role=Role.MEMBER)
    manager.refresh_from_db()
    assert manager.role == Role.MANAGER
    assert not AuditEvent.objects.filter(action="member.role_changed").exists()


def test_admin_cannot_demote_owner(admin, owner):
    with pytest.raises(PermissionDenied):
        services.membership_change_role(actor=admin, membership=owner, role=Role.MEMBER)
    owner.refresh_from_db()
    assert owner.role == Role.OWNER


def test_admin_cannot_make_someone_owner(admin, member):
    with pytest.raises(ValidationError):
        services.membership_change_role(actor=admin, membership=member, role=Role.OWNER)
    member.refresh_from_db()
    assert member.role == Role.MEMBER


def test_last_owner_cannot_be_demoted(owner):
    with pytest.raises(ValidationError):
        services.membership_change_role(actor=owner, membership=owner, role=Role.ADMIN)
    owner.refresh_from_db()
    assert owner.role == Role.OWNER


def test_owner_can_step_down_when_another_owner_exists(owner, workspace):
    _membership(workspace=workspace, role=Role.OWNER)
    services.membership_change_role(actor=owner, membership=owner, role=Role.ADMIN)
    owner.refresh_from_db()
    assert owner.role == Role.ADMIN


def test_cannot_change_role_in_another_workspace(owner, outsider):
    with pytest.raises(PermissionDenied):
        services.membership_change_role(actor=outsider, membership=owner, role=Role.MEMBER)
    owner.refresh_from_db()
    assert owner.role == Role.OWNER


# --- Offboarding ---------------------------------------------------------------------------


@pytest.fixture
def fake_step():
    calls: list[tuple[Membership, Membership]] = []

    def run(target: Membership, actor: Membership, handover) -> OffboardingStepResult:
        calls.append((target, actor))
        return OffboardingStepResult(count=2, items=["Task A", "Task B"], url="/acme/tasks/")

    register_offboarding_step("test.tasks", "Open tasks listed", run)
    yield calls
    _STEPS.pop("test.tasks", None)


def test_offboarding_ends_access_and_reports(owner, member, make_group, make_token, fake_step):
    token = make_token(member, "Laptop")
    make_group("Sales", "sales", [member, owner])
    summary = services.membership_offboard(actor=owner, membership=member)

    member.refresh_from_db()
    assert not member.is_active
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert not GroupMembership.objects.filter(membership=member).exists()
    assert GroupMembership.objects.filter(membership=owner).exists()
    assert fake_step == [(member, owner)]
    keys = [key for key, _r in summary.steps]
    # The foundation's steps come first; registered hooks (org, the test's) follow.
    assert keys[:3] == ["accounts.sessions", "accounts.tokens", "accounts.groups"]
    assert "test.tasks" in keys

    event = AuditEvent.objects.get(action="member.offboarded")
    assert event.workspace == owner.workspace and event.target_id == str(member.pk)
    steps = {s["key"]: s for s in event.data["steps"]}
    assert steps["accounts.tokens"]["items"] == ["Laptop"]
    assert steps["accounts.groups"]["items"] == ["Sales"]
    assert steps["test.tasks"] == {
        "key": "test.tasks", "count": 2, "items": ["Task A", "Task B"], "url": "/acme/tasks/",
        "moves": [],
    }  # fmt: skip


def test_failing_hook_step_rolls_back_the_whole_offboarding(owner, member, make_token):
    token = make_token(member)

    def boom(target: Membership, actor: Membership, handover) -> OffboardingStepResult:
        raise RuntimeError("step failed")

    register_offboarding_step("test.boom", "Boom", boom)
    try:
        with pytest.raises(RuntimeError):
            services.membership_offboard(actor=owner, membership=member)
    finally:
        _STEPS.pop("test.boom", None)
    member.refresh_from_db()
    token.refresh_from_db()
    assert member.is_active and token.revoked_at is None


def test_manager_cannot_offboard(manager, member, make_token):
    token = make_token(member)
    with pytest.raises(PermissionDenied):
        services.membership_offboard(actor=manager, membership=member)
    member.refresh_from_db()
    token.refresh_from_db()
    assert member.is_active and token.revoked_at is None
    assert not AuditEvent.objects.filter(action="member.offboarded").exists()


def test_admin_cannot_offboard_owner_or_admin(admin, owner, workspace):
    other_admin = _membership(workspace=workspace, role=Role.ADMIN)
    for target in (owner, other_admin):
        with pytest.raises(PermissionDenied):
            services.membership_offboard(actor=admin, membership=target)
        target.refresh_from_db()
        assert target.is_active


def test_last_owner_cannot_be_offboarded(owner, workspace):
    # A second owner offboarding the first while another owner exists is fine; the last is not.
    second = _membership(workspace=workspace, role=Role.OWNER)
    services.membership_offboard(actor=second, membership=owner)
    owner.refresh_from_db()
    assert not owner.is_active
    with pytest.raises(ValidationError):
        services.membership_offboard(actor=second, membership=second)
    second.refresh_from_db()
    assert second.is_active


def test_offboarded_tokens_stop_working(owner, member):
    from keel.accounts.tokens import token_authenticate, token_create

    _token, raw = token_create(membership=member, name="cli")
    assert token_authenticate(raw) is not None
    services.membership_offboard(actor=owner, membership=member)
    assert token_authenticate(raw) is None
    assert ApiToken.objects.usable().filter(membership=member).count() == 0


# --- Groups --------------------------------------------------------------------------------


def test_manager_creates_group_and_sets_members(manager, member, owner):
    group = services.group_create(actor=manager, name="Sales", alias="Sales")
    assert group.alias == "sales" and group.address == "sales@acme.example"
    services.group_set_members(actor=manager, group=group, members=[member, owner])
    assert set(group.members.all()) == {member, owner}
    services.group_set_members(actor=manager, group=group, members=[member])
    assert list(group.members.all()) == [member]


def test_member_cannot_manage_groups(member, make_group):
    with pytest.raises(PermissionDenied):
        services.group_create(actor=member, name="Sales", alias="sales")
    group = make_group()
    with pytest.raises(PermissionDenied):
        services.group_set_members(actor=member, group=group, members=[member])
    with pytest.raises(PermissionDenied):
        services.group_delete(actor=member, group=group)
    assert Group.objects.filter(pk=group.pk).exists()
    assert not group.members.exists()


def test_group_alias_must_be_unique(manager, make_group):
    make_group("Sales", "sales")
    with pytest.raises(ValidationError) as exc:
        services.group_create(actor=manager, name="Other", alias="sales")
    assert "alias" in exc.value.message_dict


def test_cannot_add_people_from_another_workspace(manager, outsider, make_group):
    group = make_group()
    with pytest.raises(PermissionDenied):
        services.group_set_members(actor=manager, group=group, members=[outsider])
    assert not group.members.exists()


def test_group_send_queues_one_email_per_active_member(
    manager, member, admin, assistant, make_group, queued_mail
):
    group = make_group("Sales", "sales", [member, admin, assistant])
    Membership.objects.filter(pk=admin.pk).update(offboarded_at=timezone.now())
    with queued_mail() as callbacks:
        sent = services.group_send(actor=manager, group=group, subject="Hello", body="Team news")
    assert sent == 2
    deliveries = [c for c in callbacks if "deliver_email" in repr(c)]
    assert len(deliveries) == 2  # one delivery job enqueued per message
    assert sorted(m.to[0] for m in mail.outbox) == sorted([member.user.email, assistant.user.email])
    assert all(len(m.to) == 1 and not m.cc and not m.bcc for m in mail.outbox)
    assert mail.outbox[0].reply_to == [manager.user.email]
    assert AuditEvent.objects.get(action="group.sent").data["recipients"] == 2


def test_member_cannot_send_to_group(member, make_group, queued_mail):
    group = make_group("Sales", "sales", [member])
    with queued_mail(), pytest.raises(PermissionDenied):
        services.group_send(actor=member, group=group, subject="Hi", body="x")
    assert mail.outbox == []
