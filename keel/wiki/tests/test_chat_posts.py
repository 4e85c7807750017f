"""What the wiki posts to team chats: pages due for review and mentions, only for pages all
staff may read, the due date written in the chat's language."""

from __future__ import annotations

import pytest
from django.utils import timezone, translation

from keel.notifications.chat_topics import render_chat
from keel.notifications.models import ChatDelivery
from keel.notifications.tests.chat_support import connect_chat
from keel.wiki import services
from keel.wiki.models import Page

pytestmark = pytest.mark.django_db


@pytest.fixture
def space(owner):
    return services.space_create(actor=owner, name="Operations", slug="ops")


def _due(owner, space, **kw):
    page = services.page_create(actor=owner, space=space, title=kw.pop("title", "Returns"),
                                body="Steps", review_every_days=30, **kw)  # fmt: skip
    Page.objects.filter(pk=page.pk).update(review_due=timezone.localdate())
    return page


def test_a_page_due_for_review_is_posted_once(owner, space):
    hook = connect_chat(owner, ["wiki.review_due"], language="zh-hans")
    page = _due(owner, space)
    services.create_due_review_tasks()
    services.create_due_review_tasks()  # the task exists: nothing new to say
    delivery = ChatDelivery.objects.get(webhook=hook)
    assert delivery.url == f"/acme/wiki/p/{page.pk}/"
    with translation.override("zh-hans"):
        text = render_chat(delivery.topic, delivery.params)
    assert text is not None and "Returns" in text.title
    assert any(str(timezone.localdate().year) in line for line in text.lines)


def test_restricted_pages_are_not_named_in_a_chat(owner, space):
    connect_chat(owner, ["wiki.review_due"])
    page = _due(owner, space, title="Salaries")
    Page.objects.filter(pk=page.pk).update(restricted=True)
    services.create_due_review_tasks()
    assert not ChatDelivery.objects.exists()
