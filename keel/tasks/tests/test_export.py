"""CSV export of a project's list: same filters as the page, BOM for Excel, formulas defused,
streamed, audited, and only for projects the member can see."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from keel.core.models import AuditEvent
from keel.tasks.models import Status, Visibility
from keel.tasks.selectors.export import safe_cell
from keel.tasks.tests.factories import ProjectFactory, SectionFactory, TaskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(workspace, owner):
    return ProjectFactory(workspace=workspace, name="Amazon listings", key="AMZ")


def _get(client, project, **params):
    url = reverse("tasks_export", kwargs={"ws": project.workspace.slug, "project_id": project.pk})
    return client.get(url, params)


def _rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:])))


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("+1", "'+1"), ("-2", "'-2"),
     ("@SUM(A1)", "'@SUM(A1)"), ("Plain", "Plain"), ("a=b", "a=b"), (None, "")],
)  # fmt: skip
def test_formula_cells_are_defused(value, expected):
    assert safe_cell(value) == expected


def test_export_streams_every_row_with_bom_header_and_chinese(login, owner, member, project):
    section = SectionFactory(project=project, name="Photos")
    TaskFactory(project=project, title="准备产品视频脚本", section=section, assignee=member,
                labels=["video", "photo"], due_date="2026-02-27", priority=3)  # fmt: skip
    TaskFactory(project=project, title="=cmd|' /C calc'!A0", status=Status.DONE)
    response = _get(login(owner), project)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="AMZ-tasks-' in response["Content-Disposition"]
    rows = _rows(response)
    assert rows[0] == ["Key", "Title", "Section", "Status", "Assignee", "Seat", "Start", "Due",
                       "Priority", "Labels", "Completed", "Created"]  # fmt: skip
    assert rows[1][:5] == ["AMZ-1", "准备产品视频脚本", "Photos", "To do", "Mike"]
    assert rows[1][7:10] == ["2026-02-27", "High", "photo, video"]
    assert rows[2][1] == "'=cmd|' /C calc'!A0"
    assert len(rows) == 3
    assert AuditEvent.objects.filter(action="tasks.exported", target_id=str(project.pk)).exists()


def test_export_uses_the_list_filters(login, owner, project):
    TaskFactory(project=project, title="Open one")
    TaskFactory(project=project, title="Done one", status=Status.DONE)
    rows = _rows(_get(login(owner), project, status="done"))
    assert [r[1] for r in rows[1:]] == ["Done one"]
    rows = _rows(_get(login(owner), project, q="open"))
    assert [r[1] for r in rows[1:]] == ["Open one"]


def test_export_pages_through_more_than_one_selector_page(login, owner, project):
    for _ in range(205):
        TaskFactory(project=project)
    rows = _rows(_get(login(owner), project))
    assert len(rows) == 206
    assert rows[-1][0] == "AMZ-205"


def test_export_of_a_hidden_or_foreign_project_is_404(login, owner, assistant, outsider, project):
    hidden = ProjectFactory(workspace=project.workspace, visibility=Visibility.MEMBERS)
    assert _get(login(assistant), hidden).status_code == 404
    assert _get(login(outsider), project).status_code == 404
    assert not AuditEvent.objects.filter(action="tasks.exported").exists()
