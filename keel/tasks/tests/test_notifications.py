"""Task notifications are stored as kind + parameters and read in the reader's language."""

from __future__ import annotations

import pytest
from django.utils import translation

from keel.notifications.models import Notification
from keel.tasks import services
from keel.tasks.tests.factories import TaskFactory

pytestmark = pytest.mark.django_db


def test_mention_reads_in_each_language_and_previews_the_plain_name(member, manager, project):
    manager.user.full_name = "王芳"
    manager.user.save(update_fields=["full_name"])
    task = TaskFactory(project=project, title="Photos")
    services.comment_create(actor=member, task=task, body="@[王芳] please check the photos")

    note = Notification.objects.get(recipient=manager, kind="task.mentioned")
    assert note.params == {"actor": "Mike", "task": str(task)}
    assert note.body == "@王芳 please check the photos"
    with translation.override("zh-hans"):
        assert note.display_title() == f"Mike 在 {task} 中提到了你"
    with translation.override("zh-hant"):
        assert note.display_title() == f"Mike 在 {task} 中提及了你"
    with translation.override("en"):
        assert note.display_title() == f"Mike mentioned you on {task}"


def test_follower_comment_preview_has_no_mention_markup(member, manager, owner, project):
    task = TaskFactory(project=project, followers=[manager])
    services.comment_create(actor=member, task=task, body="Ask @[Olivia] first.")
    note = Notification.objects.get(recipient=manager, kind="task.commented")
    assert note.body == "Ask @Olivia first."
    with translation.override("zh-hans"):
        assert note.display_title() == f"Mike 评论了 {task}"


def test_bulk_assignment_reads_as_a_count_in_each_language(owner, member, project):
    tasks = TaskFactory.create_batch(2, project=project)
    services.tasks_bulk_update(actor=owner, tasks=tasks, assignee=member)
    note = Notification.objects.get(recipient=member, kind="task.assigned")
    assert note.params == {"actor": "Olivia", "count": 2}
    with translation.override("zh-hans"):
        assert note.display_title() == "Olivia 给你分配了 2 个任务"
    with translation.override("en"):
        assert note.display_title() == "Olivia assigned you 2 tasks"


def test_single_assignment_names_the_task(owner, member, project):
    [task] = TaskFactory.create_batch(1, project=project)
    services.tasks_bulk_update(actor=owner, tasks=[task], assignee=member)
    note = Notification.objects.get(recipient=member, kind="task.assigned")
    with translation.override("zh-hant"):
        assert note.display_title() == f"Olivia 將 {task} 指派給你"
