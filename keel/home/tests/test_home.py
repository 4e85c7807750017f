from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from keel.accounts.models import Group, GroupMembership, Invitation, hash_secret
from keel.core.audit import audit
from keel.core.models import Membership, Role
from keel.core.tests.factories import MembershipFactory
from keel.notifications.services import notify

pytestmark = pytest.mark.django_db

HOME = "/acme/"
ROLES = ["owner", "admin", "manager", "member", "assistant"]


def _invite(workspace, email, days):
    return Invitation.objects.create(
        workspace=workspace,
        email=email,
        role=Role.MEMBER,
        token_hash=hash_secret(email),
        expires_at=timezone.now() + timedelta(days=days),
    )


@pytest.mark.parametrize("role", ROLES)
def test_home_renders_for_each_role_with_bounded_queries(
    request, login, role, django_assert_max_num_queries
):
    membership = request.getfixturevalue(role)
    client = login(membership)
    client.get(HOME)
    with django_assert_max_num_queries(16):
        response = client.get(HOME)
    assert response.status_code == 200
    assert "What needs attention" in response.content.decode()


def test_owner_sees_invitations_groupless_members_and_audit(login, owner, member, manager):
    ws = owner.workspace
    _invite(ws, "soon@acme.example", days=1)
    _invite(ws, "later@acme.example", days=6)
    _invite(ws, "expired@acme.example", days=-1)
    group = Group.objects.create(workspace=ws, name="Sales", alias="sales")
    GroupMembership.objects.create(workspace=ws, group=group, membership=manager)
    audit(action="group.created", actor=owner.user, workspace=ws, target=group)
    html = login(owner).get(HOME).content.decode()
    assert "invitations are waiting to be accepted" in html
    assert "1 expires within 2 days" in html
    assert "soon@acme.example" in html and "later@acme.example" not in html
    # owner and member are in no group; the manager is.
    assert "members are not in any group" in html
    assert "Mike" in html
    assert "Olivia created the group Sales" in html
    assert "Invite someone" in html and "Create a group" in html


def test_member_sees_own_notifications_and_no_admin_actions(login, owner, member):
    audit(action="workspace.created", actor=owner.user, workspace=owner.workspace)
    params = {"workspace": member.workspace.name, "role": "manager"}
    notify(recipient=member, kind="member.role_changed", params=params)
    html = login(member).get(HOME).content.decode()
    assert f"Your role in {member.workspace.name} is now Manager" in html
    assert "created the workspace" not in html
    assert "Invite someone" not in html and "Create a group" not in html
    assert "1</span>" in html and "unread notification" in html


def test_empty_states_say_what_to_do_next(login, member):
    html = login(member).get(HOME).content.decode()
    assert "Nothing needs your attention right now." in html
    assert "Choose what you are told about" in html


def test_owner_empty_state_offers_invite(login, owner):
    Membership.objects.exclude(pk=owner.pk).delete()
    group = Group.objects.create(workspace=owner.workspace, name="Ops", alias="ops")
    GroupMembership.objects.create(workspace=owner.workspace, group=group, membership=owner)
    html = login(owner).get(HOME).content.decode()
    assert "Start by inviting your team." in html


def test_home_queries_do_not_grow_with_250_members(login, owner, django_assert_max_num_queries):
    ws = owner.workspace
    client = login(owner)

    def count() -> int:
        client.get(HOME)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(HOME).status_code == 200
        return len(ctx.captured_queries)

    # Every section has something to show before and after, so both runs take the same paths.
    group = Group.objects.create(workspace=ws, name="Sales", alias="sales")
    _invite(ws, "first@acme.example", days=1)
    MembershipFactory(workspace=ws, role=Role.MEMBER)
    audit(action="group.created", actor=owner.user, workspace=ws, target=group)
    small = count()

    members = MembershipFactory.create_batch(250, workspace=ws, role=Role.MEMBER)
    GroupMembership.objects.bulk_create(
        GroupMembership(workspace=ws, group=group, membership=m) for m in members[:100]
    )
    for m in members[:20]:
        audit(action="member.role_changed", actor=owner.user, workspace=ws, target=m)
        _invite(ws, f"x{m.pk}@acme.example", days=1)
        notify(recipient=owner, kind="group.message", params={"group": "Sales", "subject": "Hi"})
    client.get(HOME)
    with django_assert_max_num_queries(small):
        response = client.get(HOME)
    # The owner, the first extra member and the 150 of the 250 not put in Sales.
    assert '<span class="count">152</span>' in response.content.decode()


def test_the_owner_is_told_when_background_jobs_fail_or_hang_and_others_are_not(
    client, login, owner, member, settings
):
    """Jobs send the emails and reminders; the owner runs the server, so failed or stuck jobs
    show on their home page (members never see the server's state)."""
    from django_tasks_db.models import DBTaskResult

    from keel.core.jobs import record_heartbeat

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.KEEL_JOB_TIMEOUT_SECONDS = 900
    now = timezone.now()
    for status, field in (("FAILED", "finished_at"), ("FAILED", "finished_at"),
                          ("RUNNING", "started_at")):  # fmt: skip
        result = record_heartbeat.enqueue("x")
        DBTaskResult.objects.filter(id=result.id).update(
            status=status, **{field: now - timedelta(hours=2)}
        )
    url = f"/{owner.workspace.slug}/"
    login(owner)
    html = client.get(url).content.decode()
    assert "background jobs failed in the last 7 days" in html
    assert "background job has been running too long" in html
    login(member)
    html = client.get(url).content.decode()
    assert "background job" not in html
