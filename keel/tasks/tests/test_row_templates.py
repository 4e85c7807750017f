"""The task page still includes tasks/_status.html, _labels.html and _assignee.html, while the
list, board and My tasks rows get the same pieces from tasks_ui's tags (written in Python for
speed): both must give the same HTML, whitespace aside."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.template import Context, Template

from keel.org.models import SeatStatus
from keel.org.tests.factories import SeatFactory
from keel.tasks.models import Status
from keel.tasks.tests.factories import LabelFactory, TaskFactory

pytestmark = pytest.mark.django_db


def _normalise(html: str) -> str:
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", html)).strip()


def _render(source: str, **context: Any) -> str:
    return _normalise(Template("{% load tasks_ui %}" + source).render(Context(context)))


def _same(include: str, tag: str, **context: Any) -> str:
    through_template = _render(include, **context)
    assert through_template == _render(tag, **context)
    return through_template


@pytest.mark.parametrize("status", Status.values)
def test_status_pill_tag_matches_the_template(project, status):
    task = TaskFactory(project=project, status=status)
    html = _same('{% include "tasks/_status.html" %}', "{% task_status task %}", task=task)
    assert str(Status(status).label) in html


def test_label_chips_tag_matches_the_template(workspace):
    labels = [
        LabelFactory(workspace=workspace, name="urgent", colour=3),
        LabelFactory(workspace=workspace, name="<b>wholesale</b>"),
    ]
    html = _same(
        '{% include "tasks/_labels.html" with labels=labels %}',
        "{% task_labels labels %}",
        labels=labels,
    )
    assert "badge-dept-3" in html and "&lt;b&gt;wholesale&lt;/b&gt;" in html
    assert _same('{% include "tasks/_labels.html" %}', "{% task_labels labels %}", labels=[]) == ""


def _assignee_cases(project: Any, member: Any) -> dict[str, Any]:
    ws = project.workspace
    held = SeatFactory(workspace=ws, title="Buyer", status=SeatStatus.FILLED, holder=member)
    unresolved: Any = TaskFactory(project=project, assignee_seat=SeatFactory(workspace=ws))
    unresolved._current_assignee = None  # a seat nobody up the chart holds
    return {
        "nobody": TaskFactory(project=project),
        "person": TaskFactory(project=project, assignee=member),
        "held seat": TaskFactory(project=project, assignee_seat=held),
        "unresolved seat": unresolved,
    }


@pytest.mark.parametrize("compact", [False, True])
def test_assignee_chip_tag_matches_the_template(project, member, compact):
    for case, task in _assignee_cases(project, member).items():
        include = '{% include "tasks/_assignee.html" %}'
        tag = "{% task_assignee_chip task compact %}"
        html = _same(include, tag, task=task, compact=compact)
        assert html, case
