"""Object-level access: who sees, edits and manages which project."""

from __future__ import annotations

import pytest

from keel.tasks import access
from keel.tasks.models import ProjectMember, Visibility
from keel.tasks.tests.factories import TaskFactory

pytestmark = pytest.mark.django_db


def _add(project, membership):
    ProjectMember.objects.create(
        workspace=project.workspace, project=project, membership=membership
    )


def test_staff_see_workspace_projects_assistants_only_when_added(member, assistant, project):
    assert access.can_see_project(member, project)
    assert not access.can_see_project(assistant, project)
    _add(project, assistant)
    assert access.can_see_project(assistant, project)
    assert access.can_edit_task(assistant, TaskFactory(project=project))


def test_members_only_projects(owner, manager, member, project):
    project.visibility = Visibility.MEMBERS
    project.save()
    assert access.can_see_project(owner, project)  # owners and admins see everything
    assert not access.can_see_project(manager, project)
    assert not access.can_see_project(member, project)
    _add(project, member)
    assert access.can_see_project(member, project)


def test_guests_read_only(guest, project):
    _add(project, guest)
    assert access.can_see_project(guest, project)
    assert not access.can_edit_task(guest, TaskFactory(project=project))


def test_manage_is_creator_or_manager(owner, manager, member, project):
    assert access.can_manage_project(owner, project)
    assert access.can_manage_project(manager, project)
    assert not access.can_manage_project(member, project)
    project.created_by = member
    project.save()
    assert access.can_manage_project(member, project)


def test_outsider_and_offboarded_see_nothing(outsider, member, project):
    from django.utils import timezone

    assert not access.can_see_project(outsider, project)
    member.offboarded_at = timezone.now()
    assert not access.can_see_project(member, project)


def test_archived_projects_are_read_only(member, project):
    from django.utils import timezone

    project.archived_at = timezone.now()
    assert access.can_see_project(member, project)
    assert not access.can_edit_in_project(member, project)
