"""Progress summaries by email in Chinese (issue 9, rule 3): the email is in its reader's
language, with dates written the Chinese way (2026年3月2日, never 03/02/2026), and no English
catalogue string left. The browser journey is tests/browser/test_zh_journeys.py.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from django.core import mail
from django.utils import translation
from django.utils.formats import date_format

from keel.accounts.models import Group, GroupMembership
from keel.core.tests.translation_check import untranslated
from keel.tasks.models import Status
from keel.tasks.services import progress
from keel.tasks.tests.factories import ProjectFactory, TaskFactory

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 4)  # a Wednesday
US_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")


@pytest.fixture
def shop(workspace, member, manager):
    """A project with a task done this week, one overdue and one coming up; a group of two."""
    project = ProjectFactory(workspace=workspace, name="天猫店铺", key="TM")
    TaskFactory(project=project, title="回复买家评价", status=Status.DONE,
                completed_at=datetime(2026, 3, 3, 8, tzinfo=UTC))  # fmt: skip
    TaskFactory(project=project, title="核对上周订单", due_date=date(2026, 3, 2))
    TaskFactory(project=project, title="上新春季茶具", due_date=date(2026, 3, 9))
    group = Group.objects.create(workspace=workspace, name="运营", alias="ops")
    for person in (member, manager):
        GroupMembership.objects.create(workspace=workspace, group=group, membership=person)
    return project, group


def _speaks(membership, language: str) -> None:
    membership.user.language = language
    membership.user.save(update_fields=["language"])


def _zh_date(day: date, language: str) -> str:
    with translation.override(language):
        return date_format(day, "DATE_FORMAT")


def _assert_chinese(message, language: str) -> None:
    html = next(content for content, kind in message.alternatives if kind == "text/html")
    with translation.override(language):
        headings = [translation.gettext(text) for text in ("Done", "Overdue", "Coming up")]
    for part in (message.body, html):
        assert _zh_date(date(2026, 3, 2), language) in part, part  # the overdue task's due date
        assert _zh_date(date(2026, 3, 9), language) in part, part  # the coming one's
        assert not US_DATE.search(part), part
        assert all(heading in part for heading in headings), part
    assert "天猫店铺" in message.subject
    assert not re.search(r"[A-Za-z]{3,}", message.subject), message.subject
    assert not untranslated(html), untranslated(html)
    assert f'<html lang="{language}"' in html


@pytest.mark.parametrize("language", ["zh-hans", "zh-hant"])
def test_summary_email_is_chinese_with_chinese_dates(workspace, manager, member, shop, language):
    project, group = shop
    workspace.language = language
    workspace.save(update_fields=["language"])
    _speaks(member, language)
    _speaks(manager, language)

    sent = progress.summary_send_to_group(
        actor=manager, group=group, period="week", project=project, today=TODAY
    )

    assert sent == 2 and len(mail.outbox) == 2
    for message in mail.outbox:
        _assert_chinese(message, language)


def test_each_recipient_reads_the_summary_in_their_own_language(workspace, manager, member, shop):
    project, group = shop
    workspace.language = "en"
    workspace.save(update_fields=["language"])
    _speaks(member, "zh-hans")
    _speaks(manager, "en")

    progress.summary_send_to_group(
        actor=manager, group=group, period="week", project=project, today=TODAY
    )

    by_reader = {message.to[0]: message for message in mail.outbox}
    _assert_chinese(by_reader[member.user.email], "zh-hans")
    assert "Overdue" in by_reader[manager.user.email].body
