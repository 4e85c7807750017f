"""Phones (issue 9): the month calendar's agenda (the month's days with tasks, in order) and
the project key, upper-cased on the server whatever script ran in the browser."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.urls import reverse

from keel.tasks.forms import ProjectForm
from keel.tasks.models import Project
from keel.tasks.tests import factories

pytestmark = pytest.mark.django_db

ProjectFactory: Any = factories.ProjectFactory
TaskFactory: Any = factories.TaskFactory


def test_calendar_agenda_lists_the_month_days_with_tasks_in_order(login, workspace, owner):
    project = ProjectFactory(workspace=workspace, name="Amazon listings", key="AMZ")
    month = datetime.date(2026, 3, 1)
    TaskFactory(project=project, title="Photos", due_date=datetime.date(2026, 3, 20))
    TaskFactory(project=project, title="Listing copy", due_date=datetime.date(2026, 3, 4))
    TaskFactory(project=project, title="Keywords", due_date=datetime.date(2026, 3, 4))
    TaskFactory(project=project, title="Next month", due_date=datetime.date(2026, 4, 2))
    url = reverse("project_calendar", kwargs={"ws": workspace.slug, "project_id": project.pk})

    response = login(owner).get(f"{url}?month={month:%Y-%m}")

    agenda = response.context["agenda"]
    assert [day.date for day in agenda] == [datetime.date(2026, 3, 4), datetime.date(2026, 3, 20)]
    assert [t.title for t in agenda[0].tasks] == ["Listing copy", "Keywords"]
    html = response.content.decode()
    section = html[html.index('class="calendar-agenda"') :]
    assert re.findall(r'<time datetime="(2026-0\d-\d\d)">', section) == ["2026-03-04", "2026-03-20"]
    assert "Next month</a>" not in section  # April's task shows in the grid's padding only


def test_calendar_without_tasks_has_no_agenda(login, workspace, owner):
    response = login(owner).get(reverse("tasks_calendar", kwargs={"ws": workspace.slug}))
    assert response.context["agenda"] == []
    assert 'class="calendar-agenda"' not in response.content.decode()


def _form(workspace: Any, key: str) -> ProjectForm:
    return ProjectForm(
        {"name": "Amazon listings", "key": key, "visibility": "workspace"}, workspace=workspace
    )


@pytest.mark.parametrize(("typed", "saved"), [("amz", "AMZ"), (" Mkt ", "MKT"), ("AL", "AL")])
def test_project_form_upper_cases_the_key(workspace, typed, saved):
    form = _form(workspace, typed)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["key"] == saved


@pytest.mark.parametrize("typed", ["a", "amazon1", "ämz", "toolong"])
def test_project_form_still_refuses_keys_that_are_not_2_to_6_letters(workspace, typed):
    assert "key" in _form(workspace, typed).errors


def test_no_js_user_typing_lower_case_creates_the_upper_case_key(login, workspace, owner):
    response = login(owner).post(
        reverse("project_new", kwargs={"ws": workspace.slug}),
        {"name": "Amazon listings", "key": "amz", "visibility": "workspace"},
    )
    assert response.status_code == 302
    assert Project.objects.filter(workspace=workspace, key="AMZ").exists()


def test_new_project_key_suggests_from_the_name_and_settings_key_does_not(workspace):
    project = ProjectFactory(workspace=workspace, key="AMZ")
    new = str(ProjectForm(workspace=workspace)["key"])
    edit = str(ProjectForm(workspace=workspace, project=project)["key"])
    assert 'data-suggest-from="name"' in new and "data-project-key" in new
    assert 'maxlength="6"' in new
    assert "data-suggest-from" not in edit and "data-project-key" in edit
