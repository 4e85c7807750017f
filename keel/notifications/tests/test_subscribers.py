"""People events from accounts reach the right member as notifications, after commit."""

import pytest
from django.core import mail

from keel.accounts import services
from keel.accounts.tests.factories import UserFactory
from keel.notifications.models import Notification

pytestmark = pytest.mark.django_db(transaction=True)


def test_inviter_is_told_when_their_invitation_is_accepted(owner):
    invitation, _raw = services.invitation_create(
        actor=owner, email="new.hire@acme.example", role="member"
    )
    user = UserFactory(email="new.hire@acme.example", full_name="New Hire")
    services.invitation_accept(invitation=invitation, user=user)

    note = Notification.objects.get(recipient=owner, kind="member.joined")
    assert "New Hire" in note.title
    assert any("New Hire" in m.subject for m in mail.outbox)


def test_member_is_told_their_role_changed_but_not_the_actor(owner, member):
    services.membership_change_role(actor=owner, membership=member, role="manager")

    assert Notification.objects.filter(recipient=member, kind="member.role_changed").count() == 1
    assert not Notification.objects.filter(recipient=owner).exists()


def test_rolled_back_role_change_notifies_nobody(owner, member):
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        services.membership_change_role(actor=owner, membership=member, role="manager")
        raise RuntimeError("abort")
    assert not Notification.objects.exists()


def test_group_message_lands_in_each_recipients_inbox_except_the_sender(owner, member, manager):
    group = services.group_create(actor=owner, name="Sales", alias="sales")
    services.group_set_members(actor=owner, group=group, members=[owner, member, manager])
    services.group_send(actor=owner, group=group, subject="Today's list", body="Ship it")

    recipients = set(
        Notification.objects.filter(kind="group.message").values_list("recipient", flat=True)
    )
    assert recipients == {member.pk, manager.pk}
