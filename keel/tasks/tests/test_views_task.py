"""The task page and its forms, the side panel, attachments, and My tasks / calendar /
workload pages."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from keel.core.tests import factories as core_factories
from keel.org.models import Seat
from keel.tasks.models import Attachment, Comment, Status, Task, TaskDependency
from keel.tasks.tests import factories
from keel.tasks.tests.factories import (
    ProjectMemberFactory,
)

pytestmark = pytest.mark.django_db

MembershipFactory: Any = core_factories.MembershipFactory

# factory_boy's classes return model instances; typed as Any for mypy.
TaskFactory: Any = factories.TaskFactory
SectionFactory: Any = factories.SectionFactory
ProjectFactory: Any = factories.ProjectFactory

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def project(workspace):
    project = ProjectFactory(workspace=workspace, name="Amazon listings", key="AMZ")
    SectionFactory(project=project, name="To do", position=0)
    return project


@pytest.fixture
def task(project, member):
    return TaskFactory(project=project, title="Shoot photos", assignee=member)


def _url(name: str, ws: Any, **kwargs: Any) -> str:
    return reverse(name, kwargs={"ws": ws.slug, **kwargs})


def test_task_page_shows_seat_resolution(login, workspace, project, owner):
    wang = MembershipFactory(workspace=workspace, user__full_name="Wang Fang")
    seat = Seat.objects.create(
        workspace=workspace, title="Purchasing lead", holder=wang, status="filled"
    )
    task = TaskFactory(project=project, assignee_seat=seat)
    body = login(owner).get(_url("task_detail", workspace, task_id=task.pk)).content.decode()
    assert "Purchasing lead" in body and "Wang Fang" in body and "→" in body


def test_task_page_is_a_side_panel_for_htmx(login, workspace, task, owner):
    url = _url("task_detail", workspace, task_id=task.pk)
    response = login(owner).get(url, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="task-panel")
    body = response.content.decode()
    assert "<html" not in body and "data-panel-close" in body and "Shoot photos" in body
    full = login(owner).get(url).content.decode()
    assert "<html" in full and "data-panel-close" not in full


def test_edit_refuses_due_before_start_and_keeps_task(login, workspace, task, owner):
    response = login(owner).post(
        _url("task_edit", workspace, task_id=task.pk),
        {"title": "New title", "priority": "0", "start_date": "2027-03-10",
         "due_date": "2027-03-01"},
    )  # fmt: skip
    assert response.status_code == 400
    assert "before the start" in response.content.decode()
    task.refresh_from_db()
    assert task.title == "Shoot photos"


def test_edit_saves_and_records_history(login, workspace, task, owner, member):
    client = login(owner)
    response = client.post(
        _url("task_edit", workspace, task_id=task.pk),
        {"title": "Shoot product photos", "priority": "3", "assignee": f"m:{member.pk}",
         "due_date": "2027-03-01", "followers": [owner.pk]},
    )  # fmt: skip
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.title == "Shoot product photos" and task.priority == 3
    assert list(task.followers.all()) == [owner]
    body = client.get(_url("task_detail", workspace, task_id=task.pk)).content.decode()
    assert "changed the title" in body


def test_description_is_rendered_sanitized(login, workspace, task, owner):
    client = login(owner)
    client.post(
        _url("task_description", workspace, task_id=task.pk),
        {"description": "**Bold** <script>alert(1)</script>"},
    )
    body = client.get(_url("task_detail", workspace, task_id=task.pk)).content.decode()
    assert "<strong>Bold</strong>" in body
    assert "<script>alert(1)" not in body


def test_subtask_add(login, workspace, task, owner):
    login(owner).post(_url("subtask_add", workspace, task_id=task.pk), {"title": "Book studio"})
    sub = Task.objects.get(title="Book studio")
    assert sub.parent == task and sub.project == task.project


def test_dependency_add_remove_and_cycle_error(login, workspace, project, task, owner):
    other = TaskFactory(project=project, title="Buy props")
    client = login(owner)
    client.post(
        _url("dependency_add", workspace, task_id=task.pk), {"blocked_by": f"AMZ-{other.number}"}
    )
    assert list(task.blocked_by.all()) == [other]

    response = client.post(
        _url("dependency_add", workspace, task_id=other.pk), {"blocked_by": f"AMZ-{task.number}"}
    )
    assert response.status_code == 400
    assert response.context["dependency_form"].errors["blocked_by"]
    assert not TaskDependency.objects.filter(task=other).exists()

    response = client.post(
        _url("dependency_add", workspace, task_id=other.pk), {"blocked_by": "AMZ-999"}
    )
    assert "No task AMZ-999" in response.content.decode()

    client.post(_url("dependency_remove", workspace, task_id=task.pk), {"blocked_by": other.pk})
    assert not task.blocked_by.exists()


def test_dependency_on_invisible_project_is_not_found(login, workspace, task, member):
    hidden = ProjectFactory(workspace=workspace, key="HID", visibility="members")
    secret = TaskFactory(project=hidden)
    response = login(member).post(
        _url("dependency_add", workspace, task_id=task.pk), {"blocked_by": f"HID-{secret.number}"}
    )
    assert response.status_code == 400
    assert not task.blocked_by.exists()


def test_comment_is_shown_in_history(login, workspace, task, owner):
    client = login(owner)
    response = client.post(
        _url("comment_add", workspace, task_id=task.pk), {"body": "Looks *good*"}
    )
    comment = Comment.objects.get(task=task)
    assert response["Location"].endswith(f"#comment-{comment.pk}")
    body = client.get(_url("task_detail", workspace, task_id=task.pk)).content.decode()
    assert "<em>good</em>" in body


def test_history_shows_the_newest_comments_and_pages_back(login, workspace, task, owner):
    from keel.tasks.views.tasks import HISTORY_LIMIT

    start = timezone.now() - datetime.timedelta(days=1)
    Comment.objects.bulk_create(
        Comment(workspace=workspace, task=task, author=owner, body=f"c{i}",
                body_html=f"<p>comment-{i:03d}</p>",
                created_at=start + datetime.timedelta(minutes=i))
        for i in range(HISTORY_LIMIT + 5)
    )  # fmt: skip
    client = login(owner)
    url = _url("task_detail", workspace, task_id=task.pk)
    response = client.get(url)
    body = response.content.decode()
    assert f"comment-{HISTORY_LIMIT + 4:03d}" in body and "comment-000" not in body
    older = response.context["history_older"]
    assert older and "?before=" in body
    earlier = client.get(url, {"before": older}).content.decode()
    assert "comment-000" in earlier and f"comment-{HISTORY_LIMIT + 4:03d}" not in earlier


def test_empty_comment_shows_error(login, workspace, task, owner):
    response = login(owner).post(_url("comment_add", workspace, task_id=task.pk), {"body": ""})
    assert response.status_code == 400
    assert response.context["comment_form"].errors["body"]


def test_attachment_upload_download_and_delete(login, workspace, task, owner, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client = login(owner)
    upload = SimpleUploadedFile("shot.png", PNG, content_type="image/png")
    response = client.post(_url("attachment_add", workspace, task_id=task.pk), {"file": upload})
    assert response.status_code == 302
    attachment = Attachment.objects.get(task=task)
    response = client.get(_url("attachment_download", workspace, attachment_id=attachment.pk))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PNG
    client.post(_url("attachment_delete", workspace, attachment_id=attachment.pk))
    assert not Attachment.objects.exists()


def test_attachment_of_forbidden_type_shows_error(
    login, workspace, task, owner, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("run.exe", b"MZ\x90\x00", content_type="application/octet-stream")
    response = login(owner).post(
        _url("attachment_add", workspace, task_id=task.pk), {"file": upload}
    )
    assert response.status_code == 400
    assert ".exe" in str(response.context["attachment_form"].errors["file"])
    assert not Attachment.objects.exists()


def test_attachment_download_needs_project_access(
    login, workspace, owner, assistant, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    hidden = ProjectFactory(workspace=workspace, key="HID", visibility="members")
    task = TaskFactory(project=hidden)
    client = login(owner)
    upload = SimpleUploadedFile("shot.png", PNG, content_type="image/png")
    client.post(_url("attachment_add", workspace, task_id=task.pk), {"file": upload})
    attachment = Attachment.objects.get()
    url = _url("attachment_download", workspace, attachment_id=attachment.pk)
    assert login(assistant).get(url).status_code == 404


def test_guest_reads_but_cannot_edit(login, workspace, project, task):
    guest = MembershipFactory(workspace=workspace, role="guest")
    ProjectMemberFactory(project=project, membership=guest)
    client = login(guest)
    response = client.get(_url("task_detail", workspace, task_id=task.pk))
    assert response.status_code == 200 and "Edit details" not in response.content.decode()
    response = client.post(_url("task_status", workspace, task_id=task.pk), {"status": "done"})
    assert response.status_code == 403
    task.refresh_from_db()
    assert task.status == Status.TODO


def test_delete_task(login, workspace, project, task, owner):
    response = login(owner).post(_url("task_delete", workspace, task_id=task.pk))
    assert response["Location"] == _url("project_tasks", workspace, project_id=project.pk)
    assert not Task.objects.filter(pk=task.pk).exists()


# --- My tasks, calendar, workload -----------------------------------------------------------


def test_my_tasks_buckets_and_quick_complete(login, workspace, project, member):
    today = timezone.localdate()
    late = TaskFactory(
        project=project, assignee=member, due_date=today - datetime.timedelta(days=2)
    )
    TaskFactory(project=project, assignee=member, due_date=today)
    TaskFactory(project=project, assignee=member)
    client = login(member)
    response = client.get(_url("tasks_mine", workspace))
    counts = {b["key"]: len(b["tasks"]) for b in response.context["buckets"]}
    assert counts == {"overdue": 1, "today": 1, "upcoming": 0, "later": 1}

    response = client.post(
        _url("task_status", workspace, task_id=late.pk),
        {"status": "done", "row": "mine"}, HTTP_HX_REQUEST="true",
    )  # fmt: skip
    assert response.status_code == 200 and "is-done" in response.content.decode()
    late.refresh_from_db()
    assert late.status == Status.DONE


def test_my_tasks_includes_work_of_my_seat(login, workspace, project, member):
    seat = Seat.objects.create(
        workspace=workspace, title="Listing assistant", holder=member, status="filled"
    )
    TaskFactory(project=project, assignee_seat=seat, title="Seat work")
    body = login(member).get(_url("tasks_mine", workspace)).content.decode()
    assert "Seat work" in body and "Listing assistant" in body


def test_my_tasks_empty_state_says_what_to_do(login, workspace, member):
    body = login(member).get(_url("tasks_mine", workspace)).content.decode()
    assert "Nothing on your plate" in body and _url("projects", workspace) in body


def test_calendar_grid_follows_the_workspace_week_start_in_every_language(
    login, workspace, project, member, client
):
    """The week starts on the workspace's day (its settings), whatever the reader's language."""
    TaskFactory(project=project, assignee=member, title="Ship", due_date=datetime.date(2027, 2, 10))
    client = login(member)
    client.cookies["keel_language"] = "zh-hans"
    response = client.get(_url("tasks_calendar", workspace) + "?month=2027-02")
    assert response.context["weekdays"][0][0] in {"星期一", "Monday"}
    assert response.context["weeks"][0][0].date.weekday() == 0
    assert "Ship" in response.content.decode()
    workspace.week_start = "sunday"
    workspace.save(update_fields=["week_start"])
    for language in ("en", "zh-hans"):
        reader = login(member)
        reader.cookies["keel_language"] = language
        weeks = reader.get(_url("tasks_calendar", workspace) + "?month=2027-02").context["weeks"]
        assert weeks[0][0].date.weekday() == 6


def test_calendar_highlights_today(login, workspace, member):
    body = login(member).get(_url("tasks_calendar", workspace)).content.decode()
    assert 'aria-current="date"' in body


def test_workload_counts_and_links(login, workspace, project, owner, member):
    today = timezone.localdate()
    TaskFactory(project=project, assignee=member, due_date=today)
    TaskFactory(project=project, assignee=member, due_date=today)
    response = login(owner).get(_url("tasks_workload", workspace))
    row = next(r for r in response.context["data"].rows if r.membership == member)
    assert row.cells[0]["count"] == 2 and row.cells[0]["heat"] == 1
    assert f"assignee=m%3A{member.pk}" in row.cells[0]["url"]
    listing = login(owner).get(row.cells[0]["url"])
    assert len(listing.context["rows"]) == 2


def test_assistant_cannot_open_workload(login, workspace, assistant):
    assert login(assistant).get(_url("tasks_workload", workspace)).status_code == 403


def test_details_form_is_built_only_when_asked_for(login, workspace, task, owner, member):
    client = login(owner)
    url = _url("task_detail", workspace, task_id=task.pk)
    page = client.get(url).content.decode()
    assert 'action="' + _url("task_edit", workspace, task_id=task.pk) not in page
    assert f'href="{url}?edit=details#edit-details"' in page and "data-edit" in page

    editing = client.get(url + "?edit=details").content.decode()
    assert 'action="' + _url("task_edit", workspace, task_id=task.pk) in editing
    assert f'value="m:{member.pk}"' in editing  # the assignee picker lists the members


def test_details_form_with_errors_stays_open(login, workspace, task, owner):
    response = login(owner).post(
        _url("task_edit", workspace, task_id=task.pk), {"title": "", "priority": "0"}
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert 'id="edit-details"' in body and "Nothing was saved" in body
