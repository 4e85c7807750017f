"""Projects, list, board, My tasks, calendar and workload pages: who sees what, forms show
their errors, board moves, bulk edit and saved filters."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from keel.core.tests import factories as core_factories
from keel.tasks.models import Project, SavedFilter, Section, Status, Task, Visibility
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
LabelFactory: Any = factories.LabelFactory


@pytest.fixture
def project(workspace, owner) -> Project:
    project = ProjectFactory(workspace=workspace, name="Amazon listings", key="AMZ")
    for i, name in enumerate(["To do", "Doing", "Done"]):
        SectionFactory(project=project, name=name, position=i)
    return project


@pytest.fixture
def private_project(workspace) -> Project:
    return ProjectFactory(
        workspace=workspace, name="Secret launch", key="SEC", visibility=Visibility.MEMBERS
    )


def _url(name: str, ws: Any, **kwargs: Any) -> str:
    return reverse(name, kwargs={"ws": ws.slug, **kwargs})


def _sections(project: Project) -> list[Section]:
    return list(Section.objects.filter(project=project).order_by("position"))


# --- Every page renders ---------------------------------------------------------------------


def _pages(workspace, project, task) -> list[str]:
    return [
        _url("projects", workspace),
        _url("projects", workspace) + "?archived=1",
        _url("project_tasks", workspace, project_id=project.pk),
        _url("project_tasks", workspace, project_id=project.pk) + "?group=section&sort=-due_date",
        _url("project_board", workspace, project_id=project.pk),
        _url("project_calendar", workspace, project_id=project.pk),
        _url("task_detail", workspace, task_id=task.pk),
        _url("task_new", workspace, project_id=project.pk),
        _url("tasks_mine", workspace),
        _url("tasks_calendar", workspace),
        _url("tasks_calendar", workspace) + "?month=2027-02",
        _url("tasks_all", workspace),
    ]


@pytest.mark.parametrize("who", ["owner", "member"])
def test_every_page_renders(request, login, workspace, project, who):
    person = request.getfixturevalue(who)
    label = LabelFactory(workspace=workspace, name="urgent")
    task = TaskFactory(
        project=project, section=_sections(project)[0], assignee=person, labels=[label],
        due_date=timezone.localdate() - datetime.timedelta(days=1),
    )  # fmt: skip
    client = login(person)
    for url in _pages(workspace, project, task):
        response = client.get(url)
        assert response.status_code == 200, url
    assert client.get(_url("tasks_workload", workspace)).status_code == 200
    # The label chip shows wherever the task's row or card does.
    for name in ("project_tasks", "project_board"):
        body = client.get(_url(name, workspace, project_id=project.pk)).content.decode()
        assert "label-chip" in body and "urgent" in body, name
    mine = client.get(_url("tasks_mine", workspace)).content.decode()
    assert "label-chip" in mine and "urgent" in mine


def test_owner_sees_settings_and_member_does_not(login, workspace, project, owner, member):
    url = _url("project_settings", workspace, project_id=project.pk)
    assert login(owner).get(url).status_code == 200
    assert login(member).get(url).status_code == 403


def test_sidebar_links_my_tasks_and_projects(login, workspace, member):
    response = login(member).get(_url("workspace_home", workspace))
    assert _url("tasks_mine", workspace) in response.content.decode()
    assert _url("projects", workspace) in response.content.decode()


# --- Visibility -----------------------------------------------------------------------------


def test_assistant_sees_only_projects_they_are_member_of(
    login, workspace, project, private_project, assistant
):
    ProjectMemberFactory(project=private_project, membership=assistant)
    client = login(assistant)
    body = client.get(_url("projects", workspace)).content.decode()
    assert "Secret launch" in body
    assert "Amazon listings" not in body
    assert client.get(_url("project_tasks", workspace, project_id=project.pk)).status_code == 404
    task = TaskFactory(project=project)
    assert client.get(_url("task_detail", workspace, task_id=task.pk)).status_code == 404
    ok = client.get(_url("project_board", workspace, project_id=private_project.pk))
    assert ok.status_code == 200


def test_member_does_not_see_members_only_project(login, workspace, private_project, member):
    client = login(member)
    assert "Secret launch" not in client.get(_url("projects", workspace)).content.decode()
    url = _url("project_tasks", workspace, project_id=private_project.pk)
    assert client.get(url).status_code == 404


def test_outsider_gets_404(login, workspace, project, outsider):
    task = TaskFactory(project=project)
    client = login(outsider)
    for url in _pages(workspace, project, task):
        assert client.get(url).status_code == 404, url


def test_projects_list_counts_open_and_overdue(login, workspace, project, owner):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    TaskFactory(project=project, due_date=yesterday)
    TaskFactory(project=project)
    TaskFactory(project=project, status=Status.DONE, due_date=yesterday)
    response = login(owner).get(_url("projects", workspace))
    row = next(p for p in response.context["projects"] if p.pk == project.pk)
    assert (row.open_count, row.overdue_count) == (2, 1)


def test_empty_projects_page_says_what_to_do(login, workspace, owner, member):
    assert (
        "Create the first project" in login(owner).get(_url("projects", workspace)).content.decode()
    )
    body = login(member).get(_url("projects", workspace)).content.decode()
    assert "Ask a manager" in body


# --- Projects: create and settings ----------------------------------------------------------


def test_manager_creates_project(login, workspace, manager, member):
    response = login(manager).post(
        _url("project_new", workspace),
        {"name": "Content marketing", "key": "MKT", "visibility": "members",
         "members": [member.pk]},
    )  # fmt: skip
    project = Project.objects.get(key="MKT")
    assert response.status_code == 302
    assert response["Location"] == _url("project_tasks", workspace, project_id=project.pk)
    assert set(project.memberships.values_list("membership_id", flat=True)) == {
        manager.pk,
        member.pk,
    }


def test_project_form_shows_errors(login, workspace, manager, project):
    response = login(manager).post(
        _url("project_new", workspace), {"name": "", "key": "AMZ", "visibility": "workspace"}
    )
    assert response.status_code == 400
    assert response.context["form"].errors["name"]
    response = login(manager).post(
        _url("project_new", workspace), {"name": "Dup", "key": "AMZ", "visibility": "workspace"}
    )
    assert "key" in response.context["form"].errors
    assert Project.objects.filter(name="Dup").count() == 0


def test_member_cannot_create_project(login, workspace, member):
    client = login(member)
    assert client.get(_url("project_new", workspace)).status_code == 403
    response = client.post(
        _url("project_new", workspace), {"name": "X", "key": "XX", "visibility": "workspace"}
    )
    assert response.status_code == 403
    assert not Project.objects.filter(key="XX").exists()


def test_sections_add_rename_reorder_delete(login, workspace, project, owner):
    client = login(owner)
    client.post(_url("section_add", workspace, project_id=project.pk), {"name": "Review"})
    review = Section.objects.get(project=project, name="Review")
    assert _sections(project)[-1] == review
    client.post(
        _url("section_move", workspace, project_id=project.pk, section_id=review.pk),
        {"direction": "up"},
    )
    assert [s.name for s in _sections(project)] == ["To do", "Doing", "Review", "Done"]
    client.post(
        _url("section_edit", workspace, project_id=project.pk, section_id=review.pk),
        {f"s{review.pk}-name": "QA"},
    )
    review.refresh_from_db()
    assert review.name == "QA"
    client.post(_url("section_delete", workspace, project_id=project.pk, section_id=review.pk))
    assert not Section.objects.filter(pk=review.pk).exists()


def test_archive_and_restore(login, workspace, project, owner):
    client = login(owner)
    client.post(_url("project_archive", workspace, project_id=project.pk), {"archive": "1"})
    project.refresh_from_db()
    assert project.archived_at is not None
    assert (
        "Amazon listings"
        in client.get(_url("projects", workspace) + "?archived=1").content.decode()
    )
    client.post(_url("project_archive", workspace, project_id=project.pk), {"archive": "0"})
    project.refresh_from_db()
    assert project.archived_at is None


# --- List: quick add, create form, filters, sort, pagination --------------------------------


def test_quick_add_creates_task(login, workspace, project, member):
    response = login(member).post(
        _url("task_quick_add", workspace, project_id=project.pk), {"title": "Write bullets"}
    )
    assert response.status_code == 302
    assert Task.objects.get(project=project).title == "Write bullets"


def test_quick_add_without_title_shows_error(login, workspace, project, member):
    response = login(member).post(_url("task_quick_add", workspace, project_id=project.pk), {})
    assert response.status_code == 400
    assert response.context["quick_form"].errors["title"]
    assert not Task.objects.exists()


def test_task_form_refuses_due_before_start(login, workspace, project, member):
    response = login(member).post(
        _url("task_new", workspace, project_id=project.pk),
        {"title": "Photos", "priority": "0", "start_date": "2027-03-10", "due_date": "2027-03-01"},
    )
    assert response.status_code == 400
    assert "before the start" in str(response.context["form"].errors["due_date"])
    assert not Task.objects.exists()


def test_task_form_creates_with_seat_and_time(login, workspace, project, member):
    from keel.org.models import Seat

    seat = Seat.objects.create(workspace=workspace, title="Purchasing lead")
    response = login(member).post(
        _url("task_new", workspace, project_id=project.pk),
        {"title": "Order samples", "priority": "3", "assignee": f"s:{seat.pk}",
         "due_date": "2027-03-01", "due_time": "14:30", "section": _sections(project)[1].pk},
    )  # fmt: skip
    task = Task.objects.get(title="Order samples")
    assert response.status_code == 302
    assert task.assignee_seat == seat and task.assignee is None
    assert task.due_date == datetime.date(2027, 3, 1) and task.due_at is not None
    assert task.section == _sections(project)[1]


def test_list_filters_by_text_status_and_label(login, workspace, project, owner):
    label = LabelFactory(workspace=workspace, name="photo")
    TaskFactory(project=project, title="Shoot photos", labels=[label])
    TaskFactory(project=project, title="Write copy")
    TaskFactory(project=project, title="Old photo", status=Status.DONE)
    client = login(owner)
    url = _url("project_tasks", workspace, project_id=project.pk)

    def titles(query: str) -> set[str]:
        return {t.title for t in client.get(url + query).context["rows"]}

    assert titles("?q=photo") == {"Shoot photos", "Old photo"}
    assert titles("?q=photo&status=open") == {"Shoot photos"}
    assert titles(f"?label={label.pk}") == {"Shoot photos"}


def test_list_filter_errors_are_shown(login, workspace, project, owner):
    url = _url("project_tasks", workspace, project_id=project.pk)
    response = login(owner).get(url + "?due_from=2027-05-01&due_to=2027-04-01")
    assert "before its start" in response.content.decode()


def test_list_keyset_pagination_next_and_previous(login, workspace, project, owner):
    for i in range(60):
        TaskFactory(project=project, title=f"T{i}")
    client = login(owner)
    url = _url("project_tasks", workspace, project_id=project.pk)
    first = client.get(url)
    assert len(first.context["rows"]) == 50
    second = client.get(url + first.context["pages"]["next"])
    assert len(second.context["rows"]) == 10
    assert not second.context["pages"]["next"]
    back = client.get(url + second.context["pages"]["prev"])
    assert [t.pk for t in back.context["rows"]] == [t.pk for t in first.context["rows"]]


def test_list_sorts_by_due_date_descending(login, workspace, project, owner):
    TaskFactory(project=project, title="early", due_date=datetime.date(2027, 1, 1))
    TaskFactory(project=project, title="late", due_date=datetime.date(2027, 6, 1))
    url = _url("project_tasks", workspace, project_id=project.pk) + "?sort=-due_date"
    response = login(owner).get(url)
    assert [t.title for t in response.context["rows"]] == ["late", "early"]
    assert 'aria-sort="descending"' in response.content.decode()


def test_list_groups_by_section(login, workspace, project, owner):
    todo, doing, _done = _sections(project)
    TaskFactory(project=project, section=doing)
    TaskFactory(project=project, section=todo)
    url = _url("project_tasks", workspace, project_id=project.pk) + "?group=section"
    groups = login(owner).get(url).context["groups"]
    assert [name for name, _tasks in groups] == ["To do", "Doing"]


def test_list_groups_by_assignee(login, workspace, project, owner, member):
    # Membership has no `display`: the group name is the user's display name.
    TaskFactory(project=project, title="unassigned")
    TaskFactory(project=project, title="mine", assignee=member)
    url = _url("project_tasks", workspace, project_id=project.pk) + "?group=assignee"
    response = login(owner).get(url)
    assert response.status_code == 200
    groups = response.context["groups"]
    assert [(name, [t.title for t in tasks]) for name, tasks in groups] == [
        (member.user.display_name, ["mine"]),
        ("Nobody", ["unassigned"]),
    ]


def test_htmx_filter_returns_the_results_partial(login, workspace, project, owner):
    TaskFactory(project=project, title="Shoot photos")
    url = _url("project_tasks", workspace, project_id=project.pk) + "?q=photo"
    response = login(owner).get(url, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "Shoot photos" in body and "<html" not in body


# --- Bulk edit ------------------------------------------------------------------------------


def test_bulk_edit_changes_selected_tasks_only(login, workspace, project, owner, member):
    a, b, c = (TaskFactory(project=project) for _ in range(3))
    label = LabelFactory(workspace=workspace, name="q3")
    doing = _sections(project)[1]
    response = login(owner).post(
        _url("tasks_bulk", workspace, project_id=project.pk),
        {"tasks": [a.pk, b.pk], "status": "in_progress", "assignee": f"m:{member.pk}",
         "section": str(doing.pk), "due": "2027-04-01", "add_label": label.pk},
    )  # fmt: skip
    assert response.status_code == 302
    for task in (a, b):
        task.refresh_from_db()
        assert task.status == Status.IN_PROGRESS
        assert task.assignee == member and task.section == doing
        assert task.due_date == datetime.date(2027, 4, 1)
        assert list(task.labels.all()) == [label]
    c.refresh_from_db()
    assert c.status == Status.TODO and c.assignee is None


def test_bulk_edit_keeps_unchosen_fields(login, workspace, project, owner, member):
    task = TaskFactory(project=project, assignee=member, due_date=datetime.date(2027, 1, 1))
    login(owner).post(
        _url("tasks_bulk", workspace, project_id=project.pk),
        {"tasks": [task.pk], "status": "done", "assignee": "__keep__", "section": "__keep__"},
    )
    task.refresh_from_db()
    assert task.status == Status.DONE
    assert task.assignee == member and task.due_date == datetime.date(2027, 1, 1)


def test_bulk_edit_without_selection_shows_error(login, workspace, project, owner):
    response = login(owner).post(
        _url("tasks_bulk", workspace, project_id=project.pk), {"status": "done"}
    )
    assert response.status_code == 400
    assert "Select at least one task" in response.content.decode()


def test_bulk_edit_ignores_tasks_of_other_projects(login, workspace, project, owner):
    other = TaskFactory(project=ProjectFactory(workspace=workspace))
    response = login(owner).post(
        _url("tasks_bulk", workspace, project_id=project.pk),
        {"tasks": [other.pk], "status": "done"},
    )
    assert response.status_code == 400
    other.refresh_from_db()
    assert other.status == Status.TODO


# --- Saved filters --------------------------------------------------------------------------


def test_saved_filter_private_vs_shared(login, workspace, project, owner, member):
    client = login(owner)
    save = _url("filter_save", workspace, project_id=project.pk)
    client.post(save, {"name": "My open", "status": "open"})
    client.post(save, {"name": "Team open", "status": "open", "shared": "on"})
    assert SavedFilter.objects.get(name="My open").params == {"status": "open"}

    url = _url("project_tasks", workspace, project_id=project.pk)
    mine = {r["filter"].name for r in client.get(url).context["saved_filters"]}
    assert mine == {"My open", "Team open"}
    theirs = login(member).get(url).context["saved_filters"]
    assert {r["filter"].name for r in theirs} == {"Team open"}
    assert not theirs[0]["can_delete"]

    shared = SavedFilter.objects.get(name="Team open")
    login(member).post(_url("filter_delete", workspace, savedfilter_id=shared.pk))
    assert SavedFilter.objects.filter(pk=shared.pk).exists()
    private = SavedFilter.objects.get(name="My open")
    response = login(member).post(_url("filter_delete", workspace, savedfilter_id=private.pk))
    assert response.status_code == 404
    login(owner).post(_url("filter_delete", workspace, savedfilter_id=private.pk))
    assert not SavedFilter.objects.filter(pk=private.pk).exists()


# --- Board ----------------------------------------------------------------------------------


def test_board_shows_columns_and_overdue_badge(login, workspace, project, owner):
    todo = _sections(project)[0]
    TaskFactory(project=project, section=todo, title="Late one",
                due_date=timezone.localdate() - datetime.timedelta(days=2))  # fmt: skip
    response = login(owner).get(_url("project_board", workspace, project_id=project.pk))
    body = response.content.decode()
    assert [c.section.name for c in response.context["columns"]] == ["To do", "Doing", "Done"]
    assert "badge-red" in body and "Late one" in body


def test_board_move_by_post_changes_section_and_position(login, workspace, project, owner):
    todo, doing, _done = _sections(project)
    card = TaskFactory(project=project, section=todo)
    first = TaskFactory(project=project, section=doing, position=1)
    second = TaskFactory(project=project, section=doing, position=2)
    response = login(owner).post(
        _url("task_move", workspace, task_id=card.pk),
        {"section": doing.pk, "after": first.pk, "before": second.pk},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 200 and response.json()["ok"]
    card.refresh_from_db()
    assert card.section == doing
    assert first.position < card.position < second.position


def test_board_move_buttons_work_without_js(login, workspace, project, owner):
    todo, doing, _done = _sections(project)
    a = TaskFactory(project=project, section=todo, position=1)
    b = TaskFactory(project=project, section=todo, position=2)
    client = login(owner)
    response = client.post(_url("task_move", workspace, task_id=b.pk), {"direction": "up"})
    assert response.status_code == 302 and response["Location"].endswith(f"#card-{b.pk}")
    a.refresh_from_db()
    b.refresh_from_db()
    assert b.position < a.position
    client.post(_url("task_move", workspace, task_id=b.pk), {"direction": "right"})
    b.refresh_from_db()
    assert b.section == doing


def test_board_move_to_foreign_section_is_refused(login, workspace, project, owner):
    card = TaskFactory(project=project, section=_sections(project)[0])
    foreign = SectionFactory(project=ProjectFactory(workspace=workspace))
    response = login(owner).post(
        _url("task_move", workspace, task_id=card.pk), {"section": foreign.pk},
        HTTP_ACCEPT="application/json",
    )  # fmt: skip
    assert response.status_code == 400
    card.refresh_from_db()
    assert card.section == _sections(project)[0]


def test_board_columns_show_first_20_and_more_link(login, workspace, project, owner):
    todo = _sections(project)[0]
    for _ in range(25):
        TaskFactory(project=project, section=todo)
    response = login(owner).get(_url("project_board", workspace, project_id=project.pk))
    column = response.context["columns"][0]
    assert len(column.tasks) == 20 and column.count == 25
    assert "?per_column=40" in response.content.decode()


def test_guest_cannot_move_cards(login, workspace, project):

    guest = MembershipFactory(workspace=workspace, role="guest")
    ProjectMemberFactory(project=project, membership=guest)
    card = TaskFactory(project=project, section=_sections(project)[0])
    response = login(guest).post(
        _url("task_move", workspace, task_id=card.pk), {"section": _sections(project)[1].pk}
    )
    assert response.status_code == 403
    card.refresh_from_db()
    assert card.section == _sections(project)[0]
