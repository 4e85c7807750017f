"""Groups pages: staff view, managers manage and send; other workspaces get 404."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from keel.accounts.models import Group, GroupMembership
from keel.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    return reverse(name, kwargs={"ws": "acme", **kwargs})


def test_groups_list_shows_address_count_and_description(login, member, manager, make_group):
    group = make_group("Sales", "sales", [member, manager])
    Group.objects.filter(pk=group.pk).update(description="Marketplace sales")
    html = login(member).get(url("groups")).content.decode()
    assert "sales@acme.example" in html and "Marketplace sales" in html
    assert "<td>2</td>" in html
    assert url("group_create") not in html  # members only view


def test_empty_groups_page_offers_first_action(login, manager):
    html = login(manager).get(url("groups")).content.decode()
    assert "No groups yet" in html and url("group_create") in html


def test_assistant_cannot_see_groups(login, assistant):
    assert login(assistant).get(url("groups")).status_code == 403


def test_manager_creates_edits_and_deletes_group(login, manager):
    client = login(manager)
    response = client.post(
        url("group_create"), {"name": "Sales", "alias": "sales", "description": "Orders"}
    )
    group = Group.objects.get(alias="sales")
    assert response["Location"] == url("group_members", pk=group.pk)
    response = client.post(
        url("group_edit", pk=group.pk), {"name": "Sales team", "alias": "sales", "description": ""}
    )
    assert response.status_code == 302
    group.refresh_from_db()
    assert group.name == "Sales team"
    assert client.get(url("group_delete", pk=group.pk)).status_code == 200
    assert client.post(url("group_delete", pk=group.pk)).status_code == 302
    assert not Group.objects.filter(pk=group.pk).exists()


def test_duplicate_alias_error_shows_beside_field(login, manager, make_group):
    make_group("Sales", "sales")
    response = login(manager).post(url("group_create"), {"name": "Other", "alias": "sales"})
    assert response.status_code == 400
    assert "Another group already uses this address." in response.content.decode()
    assert Group.objects.count() == 1


def test_member_cannot_create_edit_or_delete(login, member, make_group):
    group = make_group("Sales", "sales")
    client = login(member)
    assert client.post(url("group_create"), {"name": "X", "alias": "x"}).status_code == 403
    response = client.post(url("group_edit", pk=group.pk), {"name": "Y", "alias": "y"})
    assert response.status_code == 403
    assert client.post(url("group_delete", pk=group.pk)).status_code == 403
    group.refresh_from_db()
    assert group.name == "Sales" and Group.objects.count() == 1


def test_manager_sets_members(login, manager, member, owner, make_group):
    group = make_group("Sales", "sales", [owner])
    client = login(manager)
    html = client.get(url("group_members", pk=group.pk)).content.decode()
    assert member.user.email in html
    response = client.post(url("group_members", pk=group.pk), {"members": [member.pk]})
    assert response.status_code == 302
    assert list(group.members.all()) == [member]
    assert AuditEvent.objects.filter(action="group.members_changed").exists()


def test_offboarded_or_foreign_people_cannot_be_chosen(
    login, manager, member, outsider, make_group
):
    from django.utils import timezone

    from keel.core.models import Membership

    group = make_group()
    Membership.objects.filter(pk=member.pk).update(offboarded_at=timezone.now())
    client = login(manager)
    for pk in (member.pk, outsider.pk):
        response = client.post(url("group_members", pk=group.pk), {"members": [pk]})
        assert response.status_code == 400
    assert not GroupMembership.objects.exists()


def test_member_cannot_set_members(login, member, make_group):
    group = make_group()
    response = login(member).post(url("group_members", pk=group.pk), {"members": [member.pk]})
    assert response.status_code == 403
    assert not group.members.exists()


def test_send_to_group_queues_one_email_per_member(
    login, manager, member, owner, assistant, make_group, queued_mail
):
    group = make_group("Sales", "sales", [member, owner, assistant])
    client = login(manager)
    assert client.get(url("group_send", pk=group.pk)).status_code == 200
    with queued_mail():
        response = client.post(
            url("group_send", pk=group.pk), {"subject": "Stock", "body": "Count the shelves."},
            follow=True,
        )  # fmt: skip
    assert "on its way to 3 people" in response.content.decode()
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [member.user.email, owner.user.email, assistant.user.email]
    )
    assert all(m.subject == "Stock" and len(m.to) == 1 for m in mail.outbox)


def test_send_requires_a_subject(login, manager, member, make_group):
    group = make_group("Sales", "sales", [member])
    response = login(manager).post(url("group_send", pk=group.pk), {"subject": "", "body": "x"})
    assert response.status_code == 400
    assert mail.outbox == []


def test_member_cannot_send(login, member, make_group):
    group = make_group("Sales", "sales", [member])
    response = login(member).post(url("group_send", pk=group.pk), {"subject": "Hi", "body": "x"})
    assert response.status_code == 403
    assert mail.outbox == []


def test_other_workspace_groups_are_404(login, outsider, owner, make_group):
    group = make_group("Sales", "sales", [owner])
    client = login(outsider)
    other = {"ws": "other", "pk": group.pk}
    for name in ("group_detail", "group_edit", "group_delete", "group_members", "group_send"):
        assert client.get(reverse(name, kwargs=other)).status_code == 404
    assert client.post(reverse("group_delete", kwargs=other)).status_code == 404
    assert client.get(url("groups")).status_code == 404
    assert Group.objects.filter(pk=group.pk).exists()
