"""Asana CSV import: parsing into a preview (columns, dates, people, parents, encodings) and
the all-or-nothing write."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from keel.core.models import AuditEvent
from keel.tasks.models import Activity, Label, Project, Section, Status, Task
from keel.tasks.services import asana_csv, asana_import
from keel.tasks.tests.factories import LabelFactory, ProjectFactory, SectionFactory

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).parent / "data" / "asana_sample.csv"
HEADER = "Task ID,Name,Section/Column,Assignee Email,Start Date,Due Date,Tags,Parent task\n"


@pytest.fixture
def people(owner, manager, member):
    return {"olivia": owner, "maya": manager, "mike": member}


@pytest.fixture
def project(workspace, owner):
    project = ProjectFactory(workspace=workspace, name="Amazon listings", key="AMZ")
    SectionFactory(project=project, name="Listing drafts", position=0)
    return project


def _parse(text: str | bytes, actor, project=None):
    raw = text.encode() if isinstance(text, str) else text
    return asana_csv.parse(raw, actor=actor, project=project)


def _messages(preview) -> list[str]:
    return [e.message for e in preview.errors]


def test_sample_file_parses_cleanly_with_sections_people_tags_and_subtasks(people, project):
    preview = _parse(SAMPLE.read_bytes(), people["olivia"], project)

    assert preview.errors == []
    assert len(preview.rows) == 25
    assert preview.rows[0].line == 2
    assert preview.rows[1].line == 4  # line 2's Notes span two lines
    assert preview.sections_existing == ["Listing drafts"]
    assert "Photos" in preview.sections_new and "Listing drafts" not in preview.sections_new
    assert {e for e, _name in preview.people} == {
        "mike@acme.example", "maya@acme.example", "olivia@acme.example"
    }  # fmt: skip
    assert preview.unknown_emails == []
    assert {"photo", "fba", "translate"} <= set(preview.labels_new)
    assert preview.subtasks == 7
    assert preview.completed == 1
    assert preview.ignored_columns == ["Blocked By (Dependencies)", "Priority"]
    assert any(r.name == "翻译德国站listing标题" for r in preview.rows)


def test_import_writes_tasks_sections_labels_subtasks_activity_and_audit(people, project):
    actor = people["olivia"]
    preview = _parse(SAMPLE.read_bytes(), actor, project)

    result = asana_import.import_confirm(actor=actor, project=project, preview=preview,
                                         file_name="asana.csv")  # fmt: skip

    assert result.tasks == 25
    tasks = Task.objects.filter(project=project)
    assert tasks.count() == 25
    assert sorted(tasks.values_list("number", flat=True)) == list(range(1, 26))
    project.refresh_from_db()
    assert project.task_counter == 25
    done = tasks.get(title="Order product samples from supplier")
    assert done.status == Status.DONE and done.completed_at is not None
    assert done.assignee == people["olivia"]
    retouch = tasks.get(title__startswith="Retouch main image")
    assert retouch.parent.title.startswith("Shoot white-background photos")
    assert retouch.section.name == "Photos"
    first = tasks.get(number=1)
    assert first.start_date == datetime.date(2026, 2, 2)
    assert first.due_date == datetime.date(2026, 2, 6)
    assert set(first.labels.values_list("name", flat=True)) == {"copy", "listing"}
    assert "<p>" in first.description_html
    assert tasks.get(title__startswith="Brand registry").assignee is None
    # "Listing drafts" existed: reused, not duplicated.
    assert Section.objects.filter(project=project, name="Listing drafts").count() == 1
    assert Activity.objects.filter(task__project=project, verb="imported").count() == 25
    event = AuditEvent.objects.get(action="tasks.imported")
    assert event.data["tasks"] == 25 and event.data["subtasks"] == 7


def test_existing_labels_are_reused_case_insensitively(people, project, workspace):
    LabelFactory(workspace=workspace, name="Photo")
    preview = _parse(SAMPLE.read_bytes(), people["olivia"], project)
    assert "photo" in preview.labels_existing
    asana_import.import_confirm(actor=people["olivia"], project=project, preview=preview)
    assert Label.objects.filter(workspace=workspace, name__iexact="photo").count() == 1


def test_wrong_columns_give_one_error_naming_the_missing_column(people):
    preview = _parse("Title,Due\nBuy tape,2026-01-01\n", people["olivia"])
    assert len(preview.errors) == 1
    message = preview.errors[0].message
    assert "no Name column" in message and "Title, Due" in message
    assert preview.rows == []


def test_bad_date_is_reported_with_its_line(people):
    rows = "".join(f"{i},Task {i},,,,2026-01-{i:02d},,\n" for i in range(1, 13))
    text = HEADER + rows + "13,Broken,,,,2026-13-40,,\n"
    preview = _parse(text, people["olivia"])
    assert _messages(preview) == ["Due Date on line 14: “2026-13-40” is not a date (YYYY-MM-DD)."]


def test_start_after_due_unknown_parent_and_empty_name(people):
    text = (
        HEADER
        + "1,Late start,,,2026-03-05,2026-03-01,,\n"
        + "2,Orphan,,,,,,No such task\n"
        + "3,,,,,,,\n"
    )
    preview = _parse(text, people["olivia"])
    assert _messages(preview) == [
        "Line 2: the start date 2026-03-05 is after the due date 2026-03-01.",
        "Parent task on line 3: “No such task” is not in the file.",
        "Name on line 4 is empty.",
    ]


def test_parent_by_task_id_and_a_parent_loop(people):
    ok = _parse(HEADER + "10,Parent,,,,,,\n11,Child,,,,,,10\n", people["olivia"])
    assert ok.errors == [] and ok.rows[1].parent_line == 2
    loop = _parse(HEADER + "1,A,,,,,,2\n2,B,,,,,,1\n", people["olivia"])
    assert "its parent tasks form a loop" in _messages(loop)[0]


def test_unknown_emails_are_listed_and_must_be_acknowledged(people, project):
    text = HEADER + "1,Call the supplier,,nobody@else.example,,,,\n2,Mine,,MIKE@acme.example,,,,\n"
    preview = _parse(text, people["olivia"], project)
    assert preview.errors == []
    assert preview.unknown_emails == ["nobody@else.example"]
    assert preview.rows[1].assignee_id == people["mike"].pk  # emails match case-insensitively

    with pytest.raises(ValidationError, match="not members here"):
        asana_import.import_confirm(actor=people["olivia"], project=project, preview=preview)
    assert not Task.objects.filter(project=project).exists()

    asana_import.import_confirm(
        actor=people["olivia"], project=project, preview=preview, unassign_unknown=True
    )
    assert Task.objects.get(project=project, title="Call the supplier").assignee is None


def test_utf8_bom_and_gb18030_files_are_read(people):
    text = HEADER + "1,准备产品视频脚本,照片,,,,视频,\n"
    for raw in (b"\xef\xbb\xbf" + text.encode(), text.encode("gb18030")):
        preview = _parse(raw, people["olivia"])
        assert preview.errors == []
        assert preview.rows[0].name == "准备产品视频脚本"
        assert preview.rows[0].tags == ["视频"]


def test_upload_checks_type_and_size():
    with pytest.raises(ValidationError, match=r"\.csv"):
        asana_csv.check_upload("tasks.xlsx", 100)
    with pytest.raises(ValidationError, match="limit is 5 MB"):
        asana_csv.check_upload("tasks.csv", 6 * 1024 * 1024)


def test_a_preview_with_errors_writes_nothing(people, project):
    preview = _parse(HEADER + "1,Fine,,,,,,\n2,Bad,,,,2026-02-30,,\n", people["olivia"], project)
    with pytest.raises(ValidationError):
        asana_import.import_confirm(actor=people["olivia"], project=project, preview=preview)
    assert not Task.objects.filter(project=project).exists()


def test_a_failure_midway_rolls_everything_back(people, project, monkeypatch):
    preview = _parse(SAMPLE.read_bytes(), people["olivia"], project)

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(asana_import.TaskLabel.objects, "bulk_create", boom)
    with pytest.raises(RuntimeError):
        asana_import.import_confirm(actor=people["olivia"], project=project, preview=preview)
    assert not Task.objects.filter(project=project).exists()
    assert not Section.objects.filter(project=project, name="Photos").exists()
    assert not Label.objects.filter(name="fba").exists()


def test_guest_cannot_import_and_nothing_changes(workspace, people, project):
    from keel.core.tests.factories import MembershipFactory

    guest = MembershipFactory(workspace=workspace, role="guest")
    preview = _parse(SAMPLE.read_bytes(), guest, project)
    with pytest.raises(PermissionDenied):
        asana_import.import_confirm(actor=guest, project=project, preview=preview)
    assert not Task.objects.filter(project=project).exists()


def test_new_project_import_needs_a_manager(people):
    preview = _parse(SAMPLE.read_bytes(), people["mike"])
    with pytest.raises(PermissionDenied):
        asana_import.import_new_project(actor=people["mike"], name="Listings", key="LST",
                                        preview=preview)  # fmt: skip
    assert not Project.objects.filter(key="LST").exists()

    preview = _parse(SAMPLE.read_bytes(), people["maya"])
    result = asana_import.import_new_project(actor=people["maya"], name="Listings", key="LST",
                                             preview=preview)  # fmt: skip
    assert result.project.key == "LST" and result.tasks == 25
