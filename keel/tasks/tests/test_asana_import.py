"""Asana CSV import: parsing into a preview (columns, dates, people, parents, dependencies,
encodings, bad rows skipped by their spreadsheet row) and the all-or-nothing write."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import cast

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from keel.core.models import AuditEvent
from keel.tasks.models import Activity, Label, Project, Section, Status, Task, TaskDependency
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
    assert preview.rows[1].line == 3  # row 2's Notes span two lines of text: still one row
    assert preview.sections_existing == ["Listing drafts"]
    assert "Photos" in preview.sections_new and "Listing drafts" not in preview.sections_new
    assert {e for e, _name in preview.people} == {
        "mike@acme.example", "maya@acme.example", "olivia@acme.example"
    }  # fmt: skip
    assert preview.unknown_emails == []
    assert {"photo", "fba", "translate"} <= set(preview.labels_new)
    assert preview.subtasks == 7
    assert preview.completed == 1
    assert preview.ignored_columns == ["Priority"]
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


def _skipped(preview) -> list[tuple[int, list[str]]]:
    return [(s.line, s.problems) for s in preview.skipped]


def test_bad_date_skips_its_row_only(people):
    rows = "".join(f"{i},Task {i},,,,2026-01-{i:02d},,\n" for i in range(1, 13))
    text = HEADER + rows + "13,Broken,,,,2026-13-40,,\n"
    preview = _parse(text, people["olivia"])
    assert preview.errors == []
    assert len(preview.rows) == 12
    assert _skipped(preview) == [(14, ["Due Date “2026-13-40” is not a date (YYYY-MM-DD)"])]


def test_start_after_due_unknown_parent_and_empty_name_skip_their_rows(people):
    text = (
        HEADER
        + "1,Late start,,,2026-03-05,2026-03-01,,\n"
        + "2,Orphan,,,,,,No such task\n"
        + "3,,,,,,,\n"
        + "4,Fine,,,,,,\n"
    )
    preview = _parse(text, people["olivia"])
    assert preview.errors == [] and preview.importable
    assert [r.name for r in preview.rows] == ["Fine"]
    assert _skipped(preview) == [
        (2, ["due before start (start 2026-03-05, due 2026-03-01)"]),
        (3, ["parent task “No such task” is not in the file"]),
        (4, ["no name"]),
    ]


def test_rows_are_counted_as_spreadsheet_rows_not_text_lines(people):
    text = (
        HEADER
        + "1,First,,,,,,\n"
        + '2,"Two\nline name",,,,,,\n'  # a quoted cell over two lines is one row (row 3)
        + "\n"  # a blank row is still a row (row 4)
        + "4,,,,,,,\n"  # row 5
    )
    preview = _parse(text, people["olivia"])
    assert [r.line for r in preview.rows] == [2, 3]
    assert _skipped(preview) == [(5, ["no name"])]


def test_subtasks_of_a_skipped_row_are_skipped_too(people):
    text = HEADER + "1,,,,,,,\n2,Child,,,,,,1\n3,Grandchild,,,,,,2\n4,Fine,,,,,,\n"
    preview = _parse(text, people["olivia"])
    assert [r.name for r in preview.rows] == ["Fine"]
    assert _skipped(preview) == [
        (2, ["no name"]),
        (3, ["its parent task (row 2) is skipped"]),
        (4, ["its parent task (row 3) is skipped"]),
    ]


def test_a_file_whose_rows_are_all_bad_is_not_importable(people):
    preview = _parse(HEADER + "1,,,,,,,\n", people["olivia"])
    assert preview.errors == [] and not preview.importable
    assert _skipped(preview) == [(2, ["no name"])]


def test_parent_by_task_id_and_a_parent_loop(people):
    ok = _parse(HEADER + "10,Parent,,,,,,\n11,Child,,,,,,10\n", people["olivia"])
    assert ok.errors == [] and ok.skipped == [] and ok.rows[1].parent_line == 2
    loop = _parse(HEADER + "1,A,,,,,,2\n2,B,,,,,,1\n", people["olivia"])
    assert loop.rows == []
    assert _skipped(loop)[0] == (2, ["its parent tasks form a loop"])


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


def test_confirm_imports_exactly_the_good_rows_and_returns_the_skipped(people, project):
    text = HEADER + "1,Fine,,,,,,\n2,Bad,,,,2026-02-30,,\n3,Also fine,,,,,,\n"
    preview = _parse(text, people["olivia"], project)

    result = asana_import.import_confirm(actor=people["olivia"], project=project, preview=preview)

    tasks = Task.objects.filter(project=project)
    assert sorted(tasks.values_list("title", flat=True)) == ["Also fine", "Fine"]
    assert sorted(tasks.values_list("number", flat=True)) == [1, 2]
    assert result.tasks == 2
    assert [(s.line, s.name) for s in result.skipped] == [(3, "Bad")]
    assert AuditEvent.objects.get(action="tasks.imported").data["skipped_rows"] == 1


def test_a_file_with_errors_of_its_own_writes_nothing(people, project):
    for text in ("Title,Due\nBuy tape,2026-01-01\n", HEADER + "1,,,,,,,\n"):
        preview = _parse(text, people["olivia"], project)
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


DEPS = "Task ID,Name,Blocked By (Dependencies),Blocking (Dependencies)\n"


def test_dependencies_by_name_or_id_become_keel_dependencies(people, project):
    text = (
        DEPS
        + "1,Order samples,,\n"
        + '2,"Shoot photos, all angles",Order samples,\n'
        + '3,Write listing,"Order samples, Shoot photos, all angles",\n'  # a name with a comma
        + "4,Launch,3,\n"  # by Task ID
        + '5,Book the studio,,"Shoot photos, all angles"\n'  # Blocking: the other way round
    )
    preview = _parse(text, people["olivia"], project)
    assert preview.warnings == []
    assert sorted(preview.dependencies) == [(3, 2), (3, 6), (4, 2), (4, 3), (5, 4)]

    result = asana_import.import_confirm(actor=people["olivia"], project=project,
                                         preview=preview)  # fmt: skip

    def blockers(title: str) -> set[str]:
        task = Task.objects.get(project=project, title=title)
        return set(task.dependencies.values_list("blocked_by__title", flat=True))

    assert result.dependencies == 5
    assert blockers("Shoot photos, all angles") == {"Order samples", "Book the studio"}
    assert blockers("Write listing") == {"Order samples", "Shoot photos, all angles"}
    assert blockers("Launch") == {"Write listing"}
    assert blockers("Order samples") == set()


def test_unresolvable_dependencies_are_warnings_not_errors(people, project):
    text = (
        DEPS
        + "1,Order samples,Ask the boss,\n"  # row 2: not in the file
        + "2,Pack,,Order samples\n"
        + "3,Ship,Pack,Pack\n"  # row 4: Pack cannot also wait for Ship
        + "4,,Pack,\n"  # row 5: no name, skipped
        + '5,Check,"Pack, Order samples",\n'
        + "6,Loop,Loop,\n"  # row 7
        + "7,Uses skipped,4,\n"  # row 8
    )
    preview = _parse(text, people["olivia"], project)
    assert preview.errors == []
    assert [(w.line, w.message) for w in preview.warnings] == [
        (2, "dependency “Ask the boss” is not in the file"),
        (4, "the dependency on row 3 would be a loop"),
        (7, "a task cannot wait for itself"),
        (8, "dependency “4” (row 5) is skipped"),
    ]
    assert sorted(preview.dependencies) == [(2, 3), (4, 3), (6, 2), (6, 3)]
    result = asana_import.import_confirm(actor=people["olivia"], project=project,
                                         preview=preview)  # fmt: skip
    assert result.tasks == 6 and result.dependencies == 4
    assert TaskDependency.objects.filter(task__project=project).count() == 4


def test_notes_keep_their_line_breaks_when_displayed(people, project):
    from keel.tasks.markdown import render_markdown

    notes = "Three colours:\nnatural\nwalnut\n\nAsk for **samples** first."
    text = 'Name,Notes\nOrder boards,"' + notes + '"\n'
    preview = _parse(text, people["olivia"], project)
    asana_import.import_confirm(actor=people["olivia"], project=project, preview=preview)

    task = Task.objects.get(project=project)
    assert task.description == (
        "Three colours:  \nnatural  \nwalnut\n\nAsk for **samples** first."
    )  # hard breaks, invisible in the editor
    html = task.description_html
    assert html.count("<br") == 2 and html.count("<p>") == 2 and "<strong>samples" in html
    assert render_markdown(task.description) == html  # an edit of the description keeps them


def test_an_unknown_email_can_be_mapped_to_a_member(people, project, workspace):
    text = HEADER + "1,Call the supplier,,mike@old-agency.example,,,,\n2,Other,,x@y.example,,,,\n"
    preview = _parse(text, people["olivia"], project)
    assert preview.unknown_emails == ["mike@old-agency.example", "x@y.example"]

    mike = {"mike@old-agency.example": people["mike"].pk}
    with pytest.raises(ValidationError, match="not members here") as refused:
        asana_import.import_confirm(actor=people["olivia"], project=project, preview=preview,
                                    assignee_map=mike)  # fmt: skip
    assert "x@y.example" in str(refused.value) and "old-agency" not in str(refused.value)

    from keel.core.models import Membership
    from keel.core.tests.factories import MembershipFactory

    elsewhere = cast(Membership, MembershipFactory())  # a member of another workspace
    with pytest.raises(ValidationError, match="Choose a member of this workspace"):
        asana_import.import_confirm(actor=people["olivia"], project=project, preview=preview,
                                    assignee_map={"x@y.example": elsewhere.pk})  # fmt: skip

    asana_import.import_confirm(
        actor=people["olivia"], project=project, preview=preview, unassign_unknown=True,
        assignee_map={"MIKE@old-agency.example": people["mike"].pk},
    )  # fmt: skip
    tasks = Task.objects.filter(project=project)
    assert tasks.get(title="Call the supplier").assignee == people["mike"]
    assert tasks.get(title="Other").assignee is None
    assert AuditEvent.objects.get(action="tasks.imported").data["mapped_emails"] == 1
