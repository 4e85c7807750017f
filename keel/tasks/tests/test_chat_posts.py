"""What the tasks app posts to team chats: progress updates and mentions — only for projects
everyone in the workspace may see — written in the chat's language."""

from __future__ import annotations

import pytest
from django.utils import translation

from keel.accounts.models import Group, GroupMembership
from keel.notifications.chat_topics import render_chat
from keel.notifications.models import ChatDelivery
from keel.notifications.tests.chat_support import connect_chat
from keel.tasks import services
from keel.tasks.models import Visibility
from keel.tasks.services.progress import status_update_create
from keel.tasks.tests.factories import TaskFactory

pytestmark = pytest.mark.django_db


def test_a_progress_update_is_posted_in_the_chats_language(owner, project):
    hook = connect_chat(owner, ["tasks.status_update"])
    status_update_create(actor=owner, project=project, status="at_risk",
                                  text="Supplier is late with the photos.")  # fmt: skip
    delivery = ChatDelivery.objects.get(webhook=hook)
    assert delivery.url == f"/acme/projects/{project.pk}/updates/"
    with translation.override("zh-hans"):
        text = render_chat(delivery.topic, delivery.params)
    assert text is not None
    assert project.name in text.title and "有风险" in text.title
    assert text.lines == ("Supplier is late with the photos.",)


def test_a_members_only_project_never_reaches_a_chat(owner, member, project):
    connect_chat(owner, ["tasks.status_update", "task.mentioned"])
    project.visibility = Visibility.MEMBERS
    project.save(update_fields=["visibility"])
    status_update_create(actor=owner, project=project, status="on_track", text="Fine")
    task = TaskFactory(project=project, title="Secret launch")
    services.comment_create(actor=owner, task=task, body=f"@[{member.user.full_name}] look")
    assert not ChatDelivery.objects.exists()


def test_a_mention_reaches_the_mentioned_persons_group_chat(owner, member, manager, project):
    buyers = Group.objects.create(workspace=owner.workspace, name="Buyers", alias="buyers")
    sellers = Group.objects.create(workspace=owner.workspace, name="Sellers", alias="sellers")
    GroupMembership.objects.create(workspace=owner.workspace, group=buyers, membership=member)
    theirs = connect_chat(owner, ["task.mentioned"], group_id=buyers.pk)
    connect_chat(owner, ["task.mentioned"], group_id=sellers.pk)
    task = TaskFactory(project=project, title="Photos")
    services.comment_create(actor=owner, task=task, body=f"@[{member.user.full_name}] check")
    delivery = ChatDelivery.objects.get()
    assert delivery.webhook == theirs
    text = render_chat(delivery.topic, delivery.params)
    assert text is not None and member.user.full_name in text.title and "Photos" in text.title
