# mypy: disable-error-code="attr-defined,operator,misc"
"""Services: permissions (nothing changes on refusal), validation, activity, notifications."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext

from keel.core.models import AuditEvent
from keel.notifications.models import Notification
from keel.org.models import Seat, SeatStatus
from keel.tasks import services
from keel.tasks.models import (
    Activity,
    Attachment,
    Comment,
    Project,
    ProjectMember,
    Section,
    Status,
    Task,
    TaskDependency,
    Visibility,
)
from keel.tasks.services import TaskChanges
from keel.tasks.tests.factories import PNG_BYTES, TaskFactory

pytestmark = pytest.mark.django_db


# --- Projects -------------------------------------------------------------------------------


def test_manager_creates_project_with_default_sections_in_the_workspace_language(manager):
    manager.workspace.language = "zh-hans"
    manager.workspace.save()
    project = services.project_create(actor=manager, name="Content marketing", key="mkt")
    assert project.key == "MKT"
    with translation.override("zh-hans"):
        expected = [gettext("To do"), gettext("In progress"), gettext("Done")]
    assert list(project.sections.values_list("name", flat=True)) == expected
    assert expected[2] == "已完成"
    assert ProjectMember.objects.filter(project=project, membership=manager).exists()
    assert AuditEvent.objects.filter(action="project.created").count() == 1


@pytest.mark.parametrize("role", ["member", "assistant", "guest"])
def test_below_manager_cannot_create_project_and_nothing_is_saved(request, role):
    actor = request.getfixturevalue(role)
    with pytest.raises(PermissionDenied):
        services.project_create(actor=actor, name="X", key="XX")
    assert not Project.objects.exists()


def test_project_key_must_be_letters_and_unique(manager, project):
    with pytest.raises(ValidationError) as exc:
        services.project_create(actor=manager, name="Again", key="AMZ")
    assert "key" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.project_create(actor=manager, name="Digits", key="A1")
    assert "key" in exc.value.message_dict
    assert Project.objects.count() == 1


def test_member_cannot_archive_a_project_they_did_not_create(member, project):
    with pytest.raises(PermissionDenied):
        services.project_archive(actor=member, project=project, archived=True)
    project.refresh_from_db()
    assert project.archived_at is None


def test_owner_archives_and_sets_members(owner, member, project):
    services.project_archive(actor=owner, project=project, archived=True)
    assert project.archived_at is not None
    services.project_set_members(actor=owner, project=project, members=[member])
    assert list(project.memberships.values_list("membership_id", flat=True)) == [member.pk]


def test_sections_create_move_and_delete_keep_tasks(owner, project):
    todo, doing, done = project.sections.all()
    task = TaskFactory(project=project, section=doing)
    services.section_move(actor=owner, section=done, direction="up")
    assert list(project.sections.values_list("name", flat=True)) == ["To do", "Done", "In progress"]
    services.section_delete(actor=owner, section=doing)
    task.refresh_from_db()
    assert task.section is None
    new = services.section_create(actor=owner, project=project, name="Waiting for supplier")
    assert new.position > todo.position


# --- Tasks ----------------------------------------------------------------------------------


def test_task_create_numbers_renders_and_logs(member, project):
    first = services.task_create(actor=member, project=project, title="Update bullets")
    second = services.task_create(
        actor=member,
        project=project,
        title="Photo shoot",
        description="**Big** <script>x</script>",
        labels=["photos"],
        priority=3,
    )
    assert (first.number, second.number) == (1, 2)
    assert second.description_html == "<p><strong>Big</strong> </p>"
    assert list(second.labels.values_list("name", flat=True)) == ["photos"]
    assert Activity.objects.filter(task=second, verb="created").exists()
    assert str(second) == "AMZ-2 Photo shoot"


def test_due_before_start_is_a_field_error_and_nothing_is_saved(member, project):
    with pytest.raises(ValidationError) as exc:
        services.task_create(
            actor=member,
            project=project,
            title="Customs paperwork",
            start=datetime.date(2026, 3, 5),
            due=datetime.date(2026, 3, 1),
        )
    assert "due" in exc.value.message_dict
    assert not Task.objects.exists()
    project.refresh_from_db()
    assert project.task_counter == 0


def test_due_with_a_time_stores_the_workspace_day(member, project):
    member.workspace.timezone = "Asia/Shanghai"
    member.workspace.save()
    due = datetime.datetime(2026, 3, 1, 20, 0, tzinfo=datetime.UTC)  # 04:00 next day Shanghai
    task = services.task_create(actor=member, project=project, title="Call", due=due)
    assert task.due_date == datetime.date(2026, 3, 2)
    assert task.due_at == due
    naive = datetime.datetime(2026, 3, 1, 9, 0)  # noqa: DTZ001 - the case under test
    with pytest.raises(ValidationError):
        services.task_create(actor=member, project=project, title="Naive", due=naive)


def test_person_and_seat_together_is_refused(member, project, workspace):
    seat = Seat.objects.create(workspace=workspace, title="Listing assistant")
    with pytest.raises(ValidationError) as exc:
        services.task_create(
            actor=member, project=project, title="X", assignee=member, assignee_seat=seat
        )
    assert "assignee" in exc.value.message_dict


def test_assignee_must_see_the_project(member, assistant, project):
    with pytest.raises(ValidationError) as exc:
        services.task_create(actor=member, project=project, title="X", assignee=assistant)
    assert "assignee" in exc.value.message_dict
    assert not Task.objects.exists()


def test_guest_cannot_create_or_change_tasks(guest, project):
    ProjectMember.objects.create(workspace=project.workspace, project=project, membership=guest)
    task = TaskFactory(project=project, title="Keep")
    with pytest.raises(PermissionDenied):
        services.task_create(actor=guest, project=project, title="X")
    with pytest.raises(PermissionDenied):
        services.task_update(actor=guest, task=task, changes=TaskChanges(title="Changed"))
    task.refresh_from_db()
    assert task.title == "Keep" and Task.objects.count() == 1


def test_update_logs_one_activity_per_field_and_notifies_new_assignee(member, manager, project):
    task = services.task_create(actor=member, project=project, title="Sample order")
    section = project.sections.get(name="In progress")
    services.task_update(
        actor=member,
        task=task,
        changes=TaskChanges(
            title="Sample order #2",
            assignee=manager,
            section=section,
            due=datetime.date(2026, 4, 1),
        ),
    )
    changed = Activity.objects.filter(task=task, verb="changed")
    assert sorted(a.data["field"] for a in changed) == ["assignee", "due", "section", "title"]
    assignee = changed.get(data__field="assignee")
    assert assignee.data["to"] == manager.user.display_name
    assert Notification.objects.filter(recipient=manager, kind="task.assigned").count() == 1


def test_done_sets_completed_at_and_runs_completion_hooks(member, project):
    task = TaskFactory(project=project)
    seen = []

    def hook(*, actor, task):
        seen.append((actor.pk, task.pk))

    services.on_task_completed.append(hook)
    try:
        services.task_set_status(actor=member, task=task, status=Status.DONE)
    finally:
        services.on_task_completed.remove(hook)
    assert task.completed_at is not None and seen == [(member.pk, task.pk)]
    services.task_set_status(actor=member, task=task, status=Status.TODO)
    assert task.completed_at is None


def test_move_between_neighbours_and_renumber_when_the_gap_is_tiny(member, project):
    section = project.sections.first()
    a, b, c = (TaskFactory(project=project, section=section, position=p) for p in (1.0, 2.0, 3.0))
    services.task_move(actor=member, task=c, section=section, after=a, before=b)
    assert a.position < c.position < b.position
    Task.objects.filter(pk=b.pk).update(position=a.position + 1e-9)
    b.refresh_from_db()
    services.task_move(actor=member, task=c, section=section, after=a, before=b)
    order = list(
        Task.objects.filter(section=section).order_by("position").values_list("pk", flat=True)
    )
    assert order == [a.pk, c.pk, b.pk]


def test_dependency_cycle_is_refused(member, project):
    a, b, c = (
        TaskFactory(project=project),
        TaskFactory(project=project),
        TaskFactory(project=project),
    )
    services.task_add_dependency(actor=member, task=b, blocked_by=a)
    services.task_add_dependency(actor=member, task=c, blocked_by=b)
    with pytest.raises(ValidationError) as exc:
        services.task_add_dependency(actor=member, task=a, blocked_by=c)
    assert "blocked_by" in exc.value.message_dict
    assert TaskDependency.objects.count() == 2


def test_dependency_across_projects_or_workspaces_is_refused(member, project, outsider):
    from keel.tasks.tests.factories import ProjectFactory

    task = TaskFactory(project=project)
    other = TaskFactory(project=ProjectFactory(workspace=project.workspace))
    foreign = TaskFactory(project=ProjectFactory(workspace=outsider.workspace))
    for blocker in (other, foreign):
        with pytest.raises(ValidationError):
            services.task_add_dependency(actor=member, task=task, blocked_by=blocker)
    assert not TaskDependency.objects.exists()


def test_bulk_update_is_atomic_and_logs_one_activity_per_task(member, manager, project):
    tasks = [TaskFactory(project=project) for _ in range(3)]
    services.tasks_bulk_update(
        actor=member, tasks=tasks, assignee=manager, add_labels=["q3"], status=Status.IN_PROGRESS
    )
    assert Task.objects.filter(assignee=manager, status=Status.IN_PROGRESS).count() == 3
    assert Activity.objects.filter(verb="bulk_changed").count() == 3
    assert Notification.objects.filter(recipient=manager, kind="task.assigned").count() == 1
    with pytest.raises(ValidationError):
        services.tasks_bulk_update(actor=member, tasks=tasks, status="nonsense")


def test_delete_needs_edit_rights(member, guest, project):
    task = TaskFactory(project=project)
    with pytest.raises(PermissionDenied):
        services.task_delete(actor=guest, task=task)
    services.task_delete(actor=member, task=task)
    assert not Task.objects.exists()
    assert AuditEvent.objects.filter(action="task.deleted").exists()


# --- Comments and mentions ------------------------------------------------------------------


def test_mention_by_email_local_part_and_full_name_notifies_and_follows(
    member, manager, owner, project
):
    task = TaskFactory(project=project, followers=[owner])
    body = "Ask @maya about it, and @[Olivia] too. Mail me at x@mike.example"
    comment = services.comment_create(actor=member, task=task, body=body)
    assert isinstance(comment, Comment)
    mentioned = Notification.objects.filter(kind="task.mentioned")
    assert set(mentioned.values_list("recipient_id", flat=True)) == {manager.pk, owner.pk}
    assert set(task.followers.values_list("pk", flat=True)) >= {manager.pk, member.pk}
    assert not Notification.objects.filter(kind="task.commented", recipient=owner).exists()


def test_mention_of_someone_who_cannot_see_the_project_does_nothing(member, assistant, project):
    task = TaskFactory(project=project)
    services.comment_create(actor=member, task=task, body="@ana please look")
    assert not Notification.objects.filter(recipient=assistant).exists()


def test_followers_hear_about_comments(member, manager, project):
    task = TaskFactory(project=project, followers=[manager])
    services.comment_create(actor=member, task=task, body="Supplier replied.")
    assert Notification.objects.filter(recipient=manager, kind="task.commented").count() == 1


# --- Attachments ----------------------------------------------------------------------------


def test_png_is_attached(member, project):
    task = TaskFactory(project=project)
    upload = SimpleUploadedFile("shot.PNG", PNG_BYTES, content_type="image/png")
    attachment = services.attachment_add(actor=member, task=task, upload=upload)
    assert attachment.content_type == "image/png" and attachment.name == "shot.PNG"
    assert not attachment.file.name.endswith("shot.PNG")  # random stored name


def test_exe_renamed_png_is_refused_and_nothing_saved(member, project):
    task = TaskFactory(project=project)
    upload = SimpleUploadedFile("invoice.png", b"MZ\x90\x00" + b"\x00" * 100)
    with pytest.raises(ValidationError) as exc:
        services.attachment_add(actor=member, task=task, upload=upload)
    assert "not really a .png" in exc.value.message_dict["file"][0]
    assert not Attachment.objects.exists()


def test_forbidden_extension_and_too_large_files_are_refused(member, project):
    task = TaskFactory(project=project)
    with pytest.raises(ValidationError) as exc:
        services.attachment_add(
            actor=member, task=task, upload=SimpleUploadedFile("setup.exe", b"MZ" * 10)
        )
    assert ".exe" in exc.value.message_dict["file"][0]
    with override_settings(KEEL_ATTACHMENT_MAX_BYTES=10), pytest.raises(ValidationError) as exc:
        services.attachment_add(
            actor=member, task=task, upload=SimpleUploadedFile("a.png", PNG_BYTES)
        )
    assert "at most" in exc.value.message_dict["file"][0]
    assert not Attachment.objects.exists()


def test_docx_must_be_a_real_office_file(member, project):
    import io
    import zipfile

    task = TaskFactory(project=project)
    plain = io.BytesIO()
    with zipfile.ZipFile(plain, "w") as archive:
        archive.writestr("readme.txt", "hi")
    with pytest.raises(ValidationError):
        services.attachment_add(
            actor=member, task=task, upload=SimpleUploadedFile("cv.docx", plain.getvalue())
        )
    good = io.BytesIO()
    with zipfile.ZipFile(good, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    services.attachment_add(
        actor=member, task=task, upload=SimpleUploadedFile("cv.docx", good.getvalue())
    )
    assert Attachment.objects.count() == 1


def test_members_only_project_hides_from_other_staff(member, manager, workspace):
    project = services.project_create(
        actor=manager, name="Hiring", key="HR", visibility=Visibility.MEMBERS
    )
    with pytest.raises(PermissionDenied):
        services.task_create(actor=member, project=project, title="X")
    assert Section.objects.filter(project=project).count() == 3


def test_assigned_seat_notifies_whoever_holds_it(member, manager, project, workspace):
    seat = Seat.objects.create(
        workspace=workspace, title="Purchasing lead", holder=manager, status=SeatStatus.FILLED
    )
    services.task_create(actor=member, project=project, title="Order samples", assignee_seat=seat)
    assert Notification.objects.filter(recipient=manager, kind="task.assigned").exists()


def test_zoneinfo_available():
    assert zoneinfo.ZoneInfo("Asia/Shanghai")
