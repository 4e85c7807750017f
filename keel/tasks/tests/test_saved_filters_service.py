"""Saved filters through services.saved_filter_save / saved_filter_delete: who may save, share
and delete (each refusal leaves nothing changed), name validation, the audit trail, and the
list page showing the service's errors beside the field."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from keel.core.audit import action_label
from keel.core.models import AuditEvent, Role
from keel.core.tests import factories as core_factories
from keel.tasks import services
from keel.tasks.forms import TaskFilterForm
from keel.tasks.models import Project, SavedFilter, Visibility
from keel.tasks.services.filters import SAVED_PARAMS
from keel.tasks.tests import factories

pytestmark = pytest.mark.django_db

MembershipFactory: Any = core_factories.MembershipFactory
ProjectFactory: Any = factories.ProjectFactory
ProjectMemberFactory: Any = factories.ProjectMemberFactory


def _save(actor: Any, project: Project, name: str = "Open work", **kw: Any) -> SavedFilter:
    kw.setdefault("query", {"status": "open"})
    return services.saved_filter_save(actor=actor, project=project, name=name, **kw)


def _events(action: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action))


@pytest.fixture
def other_member(workspace) -> Any:
    return MembershipFactory(workspace=workspace, role=Role.MEMBER)


# --- Saving ---------------------------------------------------------------------------------


def test_member_saves_a_private_filter_of_the_list_params_only(member, project):
    saved = _save(
        member, project, name="  My open  ",
        query={"status": "open", "q": "listing", "sort": "-title", "cursor": "abc",
               "trail": "-", "csrfmiddlewaretoken": "x", "assignee": ""},
    )  # fmt: skip
    saved.refresh_from_db()
    assert (saved.name, saved.owner, saved.project, saved.shared) == (
        "My open", member, project, False,
    )  # fmt: skip
    assert saved.params == {"status": "open", "q": "listing", "sort": "-title"}


def test_saving_writes_an_audit_event_with_a_label(member, project):
    saved = _save(member, project, shared=True)
    [event] = _events("saved_filter.created")
    assert event.actor == member.user
    assert event.workspace == project.workspace
    assert (event.target_type, event.target_id) == ("tasks.savedfilter", str(saved.pk))
    assert event.data == {"project_id": project.pk, "shared": True, "params": {"status": "open"}}
    assert str(action_label("saved_filter.created")) == "Saved filter created"
    assert str(action_label("saved_filter.deleted")) == "Saved filter deleted"


def test_duplicate_name_for_the_same_person_and_project_is_refused(member, other_member, project):
    _save(member, project, name="Open work")
    with pytest.raises(ValidationError) as error:
        _save(member, project, name="open WORK")
    assert "already have a filter named" in error.value.message_dict["name"][0]
    assert SavedFilter.objects.count() == 1
    assert len(_events("saved_filter.created")) == 1
    # The name is free for someone else, and in another project.
    _save(other_member, project, name="Open work")
    _save(member, ProjectFactory(workspace=project.workspace), name="Open work")
    assert SavedFilter.objects.count() == 3


@pytest.mark.parametrize(
    ("name", "message"),
    [("", "Give the filter a name."), ("   ", "Give the filter a name."),
     ("x" * 81, "Use at most 80 characters.")],
)  # fmt: skip
def test_name_is_required_and_short(member, project, name, message):
    with pytest.raises(ValidationError) as error:
        _save(member, project, name=name)
    assert error.value.message_dict == {"name": [message]}
    assert not SavedFilter.objects.exists()


def test_a_filter_without_params_is_refused(member, project):
    with pytest.raises(ValidationError):
        _save(member, project, query={"cursor": "abc"})
    assert not SavedFilter.objects.exists()


def test_member_who_cannot_see_the_project_cannot_save(member, workspace):
    hidden = ProjectFactory(workspace=workspace, visibility=Visibility.MEMBERS)
    with pytest.raises(PermissionDenied):
        _save(member, hidden)
    assert not SavedFilter.objects.exists()
    assert not _events("saved_filter.created")


def test_outsider_cannot_save_in_another_workspace(outsider, project):
    with pytest.raises(PermissionDenied):
        _save(outsider, project)
    assert not SavedFilter.objects.exists()


@pytest.mark.parametrize(
    ("role", "may_share"),
    [(Role.GUEST, False), (Role.ASSISTANT, True), (Role.MEMBER, True), (Role.OWNER, True)],
)
def test_sharing_needs_the_right_to_edit_tasks(workspace, project, role, may_share):
    person = MembershipFactory(workspace=workspace, role=role)
    ProjectMemberFactory(project=project, membership=person)
    _save(person, project, name="Private")  # everyone who sees the project saves their own
    if may_share:
        assert _save(person, project, name="Team", shared=True).shared
    else:
        with pytest.raises(PermissionDenied):
            _save(person, project, name="Team", shared=True)
        assert list(SavedFilter.objects.values_list("name", flat=True)) == ["Private"]
        assert len(_events("saved_filter.created")) == 1


def test_nobody_shares_in_an_archived_project(owner, project):
    services.project_archive(actor=owner, project=project, archived=True)
    project.refresh_from_db()
    with pytest.raises(PermissionDenied):
        _save(owner, project, shared=True)
    assert _save(owner, project).shared is False  # private ones still fine


# --- Deleting -------------------------------------------------------------------------------


def test_creator_deletes_their_filter_and_it_is_audited(member, project):
    saved = _save(member, project)
    pk = saved.pk
    services.saved_filter_delete(actor=member, saved_filter=saved)
    assert not SavedFilter.objects.exists()
    [event] = _events("saved_filter.deleted")
    assert (event.actor, event.target_id, event.target_repr) == (member.user, str(pk), "Open work")


def test_other_member_cannot_delete_a_shared_filter(member, other_member, project):
    saved = _save(member, project, shared=True)
    with pytest.raises(PermissionDenied):
        services.saved_filter_delete(actor=other_member, saved_filter=saved)
    assert SavedFilter.objects.filter(pk=saved.pk).exists()
    assert not _events("saved_filter.deleted")


def test_not_even_a_manager_deletes_someone_elses_private_filter(member, manager, project):
    saved = _save(member, project)
    with pytest.raises(PermissionDenied):
        services.saved_filter_delete(actor=manager, saved_filter=saved)
    assert SavedFilter.objects.filter(pk=saved.pk).exists()


@pytest.mark.parametrize("who", ["manager", "admin", "project_creator"])
def test_managers_and_the_project_creator_delete_shared_filters(
    request, workspace, member, project, who
):
    if who == "project_creator":
        actor = MembershipFactory(workspace=workspace, role=Role.MEMBER)
        project.created_by = actor
        project.save(update_fields=["created_by"])
    else:
        actor = request.getfixturevalue(who)
    saved = _save(member, project, shared=True)
    services.saved_filter_delete(actor=actor, saved_filter=saved)
    assert not SavedFilter.objects.exists()
    assert _events("saved_filter.deleted")[0].actor == actor.user


def test_saved_params_are_the_list_filter_params_and_sort():
    assert set(SAVED_PARAMS) == {*TaskFilterForm.PARAMS, "sort"}


# --- Pages ----------------------------------------------------------------------------------


def _list_url(project: Project) -> str:
    return reverse("project_tasks", kwargs={"ws": project.workspace.slug, "project_id": project.pk})


def _save_url(project: Project, query: str = "") -> str:
    url = reverse("filter_save", kwargs={"ws": project.workspace.slug, "project_id": project.pk})
    return f"{url}?{query}" if query else url


def test_view_saves_and_returns_to_the_filtered_list(login, member, project):
    response = login(member).post(
        _save_url(project, "status=open"), {"name": "Mine", "status": "open"}
    )
    assert response.status_code == 302
    assert response["Location"] == _list_url(project) + "?status=open"
    assert SavedFilter.objects.get().params == {"status": "open"}
    assert _events("saved_filter.created")


def test_view_shows_a_duplicate_name_beside_the_field(login, member, project):
    client = login(member)
    _save(member, project, name="Mine")
    response = client.post(_save_url(project, "status=open"), {"name": "mine", "status": "open"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="save-name-error"' in html and "already have a filter named" in html
    assert 'aria-invalid="true"' in html
    assert '<details class="save-filter" open>' in html
    assert 'value="mine"' in html  # what was typed stays in the box
    # The list behind the form is the filtered one it was saved from.
    assert response.context["filter_form"].data.get("status") == "open"
    assert SavedFilter.objects.count() == 1


def test_view_shows_a_missing_name_beside_the_field(login, member, project):
    response = login(member).post(_save_url(project, "status=open"), {"status": "open"})
    assert response.status_code == 400
    assert "Give the filter a name." in response.content.decode()
    assert not SavedFilter.objects.exists()


def test_share_box_only_for_those_who_may_share(login, project, member, guest):
    ProjectMemberFactory(project=project, membership=guest)
    url = _list_url(project) + "?status=open"
    assert 'name="shared"' in login(member).get(url).content.decode()
    assert 'name="shared"' not in login(guest).get(url).content.decode()


def test_guest_posting_shared_is_refused(login, project, guest):
    ProjectMemberFactory(project=project, membership=guest)
    response = login(guest).post(
        _save_url(project, "status=open"), {"name": "Mine", "status": "open", "shared": "on"}
    )
    assert response.status_code == 403
    assert not SavedFilter.objects.exists()


def test_view_refuses_deleting_another_members_shared_filter(login, member, other_member, project):
    saved = _save(member, project, shared=True)
    kwargs = {"ws": project.workspace.slug, "savedfilter_id": saved.pk}
    url = reverse("filter_delete", kwargs=kwargs)
    response = login(other_member).post(url, follow=True)
    assert "Only the person who saved this filter" in response.content.decode()
    assert SavedFilter.objects.filter(pk=saved.pk).exists()
    rows = login(other_member).get(_list_url(project)).context["saved_filters"]
    assert [r["can_delete"] for r in rows] == [False]
