"""Status updates and day/week/month summaries sent to a group."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from keel.accounts.models import Group, GroupMembership
from keel.core.models import AuditEvent, Role
from keel.core.tests.factories import MembershipFactory
from keel.org.models import Seat, SeatStatus
from keel.tasks.models import ProjectMember, Status, StatusUpdate, Visibility
from keel.tasks.services import progress
from keel.tasks.tests.factories import ProjectFactory, TaskFactory

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 4)  # a Wednesday


@pytest.fixture
def project(workspace):
    return ProjectFactory(workspace=workspace, name="Sales", key="SAL")


@pytest.fixture
def sales(workspace, member, manager):
    group = Group.objects.create(workspace=workspace, name="Sales", alias="sales")
    for person in (member, manager):
        GroupMembership.objects.create(workspace=workspace, group=group, membership=person)
    return group


def _done(project, title, when, **kw):
    return TaskFactory(project=project, title=title, status=Status.DONE, completed_at=when, **kw)


# --- Status updates -------------------------------------------------------------------------


def test_status_update_is_saved_sanitised_and_audited(member, project):
    update = progress.status_update_create(
        actor=member, project=project, status="at_risk",
        text="Supplier **late**<script>alert(1)</script>",
    )  # fmt: skip
    assert update.status == "at_risk"
    assert "<strong>late</strong>" in update.text_html and "<script" not in update.text_html
    assert progress.latest_status(project=project) == update
    assert AuditEvent.objects.filter(action="project.status_posted").count() == 1


def test_status_update_errors_name_the_fields(member, project):
    with pytest.raises(ValidationError) as exc:
        progress.status_update_create(actor=member, project=project, status="great", text=" ")
    assert set(exc.value.message_dict) == {"status", "text"}
    assert not StatusUpdate.objects.exists()


def test_guest_cannot_post_a_status_update(workspace, project):
    guest: Any = MembershipFactory(workspace=workspace, role=Role.GUEST)
    ProjectMember.objects.create(workspace=workspace, project=project, membership=guest)
    with pytest.raises(PermissionDenied):
        progress.status_update_create(actor=guest, project=project, status="on_track", text="ok")
    assert not StatusUpdate.objects.exists()


def test_history_is_newest_first(member, project):
    first = progress.status_update_create(
        actor=member, project=project, status="on_track", text="a"
    )
    second = progress.status_update_create(
        actor=member, project=project, status="off_track", text="b"
    )
    assert progress.status_updates_for(project=project) == [second, first]


# --- Summaries ------------------------------------------------------------------------------


def test_period_bounds():
    assert progress.period_bounds("day", TODAY) == (TODAY, TODAY, date(2026, 3, 5))
    assert progress.period_bounds("week", TODAY) == (date(2026, 3, 2), date(2026, 3, 8),
                                                     date(2026, 3, 15))  # fmt: skip
    assert progress.period_bounds("month", date(2026, 1, 15)) == (
        date(2026, 1, 1), date(2026, 1, 31), date(2026, 2, 28))  # fmt: skip
    with pytest.raises(ValidationError):
        progress.period_bounds("year", TODAY)


def test_project_summary_lists_done_overdue_and_coming_up(project):
    _done(project, "Shipped", datetime(2026, 3, 4, 10, tzinfo=UTC))
    _done(project, "Last week", datetime(2026, 2, 20, 10, tzinfo=UTC))
    TaskFactory(project=project, title="Late", due_date=date(2026, 3, 1))
    TaskFactory(project=project, title="Tomorrow", due_date=date(2026, 3, 5))
    TaskFactory(project=project, title="Next month", due_date=date(2026, 4, 20))
    day = progress.summary_for_project(project=project, period="day", today=TODAY)
    assert [t.title for t in day.done.tasks] == ["Shipped"]
    assert [t.title for t in day.overdue.tasks] == ["Late"]
    assert [t.title for t in day.coming_up.tasks] == ["Tomorrow"]
    month = progress.summary_for_project(project=project, period="month", today=TODAY)
    assert {t.title for t in month.coming_up.tasks} == {"Tomorrow", "Next month"}


def test_summary_lists_are_capped_and_the_query_count_is_fixed(
    project, django_assert_max_num_queries
):
    for n in range(progress.LIST_LIMIT + 5):
        TaskFactory(project=project, title=f"Late {n}", due_date=date(2026, 2, 1))
    with django_assert_max_num_queries(6):
        summary = progress.summary_for_project(project=project, period="week", today=TODAY)
    assert len(summary.overdue.tasks) == progress.LIST_LIMIT
    assert summary.overdue.total == progress.LIST_LIMIT + 5 and summary.overdue.more == 5


def test_person_summary_includes_tasks_of_seats_they_hold(workspace, member, manager, project):
    seat = Seat.objects.create(workspace=workspace, title="Buyer", holder=member,
                               status=SeatStatus.FILLED)  # fmt: skip
    TaskFactory(project=project, title="Mine", assignee=member, due_date=TODAY)
    TaskFactory(project=project, title="Seat's", assignee_seat=seat, due_date=TODAY)
    TaskFactory(project=project, title="Someone else's", assignee=manager, due_date=TODAY)
    summary = progress.summary_for_person(membership=member, period="day", today=TODAY)
    assert {t.title for t in summary.coming_up.tasks} == {"Mine", "Seat's"}


def test_person_summary_hides_projects_the_viewer_cannot_see(workspace, member, manager):
    private: Any = ProjectFactory(workspace=workspace, visibility=Visibility.MEMBERS)
    ProjectMember.objects.create(workspace=workspace, project=private, membership=member)
    TaskFactory(project=private, title="Secret", assignee=member, due_date=TODAY)
    summary = progress.summary_for_person(membership=member, period="day", today=TODAY,
                                          viewer=manager)  # fmt: skip
    assert summary.coming_up.tasks == []


def test_send_to_group_emails_each_member_with_a_localised_subject(manager, sales, project):
    TaskFactory(project=project, title="Call supplier", due_date=TODAY)
    sent = progress.summary_send_to_group(actor=manager, group=sales, period="day",
                                          project=project, today=TODAY)  # fmt: skip
    assert sent == 2 and len(mail.outbox) == 2
    message: Any = mail.outbox[0]
    assert message.subject == "Today's tasks — Sales"
    assert "Call supplier" in message.body
    html = message.alternatives[0][0]
    assert "Call supplier" in html and "<ul>" in html


def test_subject_follows_the_workspace_language(workspace, manager, sales, project):
    workspace.language = "zh-hans"
    workspace.save(update_fields=["language"])
    manager.workspace.language = "zh-hans"
    progress.summary_send_to_group(actor=manager, group=sales, period="day", project=project,
                                   today=TODAY)  # fmt: skip
    # Translated when the catalogue has the string; the name part is always the project's.
    assert mail.outbox[0].subject.endswith("— Sales")
    assert mail.outbox[0].subject == "今日任务 — Sales"


def test_summary_email_dates_follow_the_workspace_language(
    settings, workspace, manager, sales, project
):
    settings.KEEL_BASE_URL = "http://keel.test"
    workspace.language = "zh-hans"
    workspace.save(update_fields=["language"])
    manager.workspace.language = "zh-hans"
    TaskFactory(project=project, title="Call supplier", due_date=date(2026, 3, 2))  # overdue
    progress.summary_send_to_group(actor=manager, group=sales, period="day", project=project,
                                   today=TODAY)  # fmt: skip
    message: Any = mail.outbox[0]
    html = message.alternatives[0][0]
    for text in (message.body, html):
        assert "2026年3月4日" in text  # the day of the summary
        assert "2026年3月2日" in text  # the overdue task's due date
        assert "03/02/2026" not in text and "3/2/2026" not in text
    assert "http://keel.test/" in html  # the links start with KEEL_BASE_URL outside a request


def test_members_cannot_send_summaries_and_nothing_is_sent(member, sales, project):
    with pytest.raises(PermissionDenied):
        progress.summary_send_to_group(actor=member, group=sales, period="day", project=project)
    assert mail.outbox == []


def test_send_needs_exactly_one_of_project_or_person(manager, sales):
    with pytest.raises(ValidationError):
        progress.summary_send_to_group(actor=manager, group=sales, period="day")
    assert mail.outbox == []
