"""The demo seeder creates Demo Shop's projects once, with seats, mentions and a dependency."""

from __future__ import annotations

import pytest

from keel.core.seeding import seed_demo
from keel.tasks.models import Comment, Project, Task, TaskDependency

pytestmark = pytest.mark.django_db


def test_demo_seed_is_idempotent_and_realistic():
    result = seed_demo()
    ws = result.workspace
    assert set(Project.objects.in_workspace(ws).values_list("key", flat=True)) >= {
        "AMZ", "MKT", "DEV", "PUR",
    }  # fmt: skip
    count = Task.objects.in_workspace(ws).count()
    assert count >= 40
    assert Task.objects.in_workspace(ws).filter(assignee_seat__isnull=False).exists()
    assert Task.objects.in_workspace(ws).filter(parent__isnull=False).exists()
    assert TaskDependency.objects.in_workspace(ws).count() == 1
    assert Comment.objects.in_workspace(ws).filter(body__contains="@").exists()
    seed_demo()
    assert Task.objects.in_workspace(ws).count() == count
