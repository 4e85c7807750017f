"""Fixtures for the tasks tests: a project with sections, and a guest."""

from __future__ import annotations

import pytest

from keel.core.models import Role
from keel.core.tests.factories import MembershipFactory
from keel.tasks.tests.factories import ProjectFactory, SectionFactory


@pytest.fixture
def guest(workspace):
    return MembershipFactory(
        workspace=workspace,
        role=Role.GUEST,
        user__email="gus@guest.example",
        user__full_name="Gus Guest",
    )


@pytest.fixture
def project(workspace, owner):
    project = ProjectFactory(
        workspace=workspace, name="Amazon listings", key="AMZ", created_by=owner
    )
    for i, name in enumerate(["To do", "In progress", "Done"]):
        SectionFactory(project=project, name=name, position=i)
    return project
