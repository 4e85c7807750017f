"""The isolation harness itself: every route is enumerated, every kwarg has a factory, and
every app with routes runs the check on them.

The check (isolation_check.check_route: every role of another workspace gets "absent" for
A's objects) runs per app in `keel/<app>/tests/test_isolation.py`, so pytest-xdist spreads
it. Routes are enumerated from keel.urls and the API catalogue at collection time, so each is
its own test id and a new URL is covered without writing a test. See isolation.py to
register the factory a new URL kwarg needs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.apps import apps

from keel.core.tests import isolation
from keel.core.tests.factories import MembershipFactory, WorkspaceFactory

isolation.autodiscover()
ROUTES = isolation.all_routes()

pytestmark = pytest.mark.django_db


def test_every_app_with_routes_runs_the_harness_on_them() -> None:
    """A new app's URLs are covered only if its tests/test_isolation.py runs routes_for()."""
    assert not isolation.routes_for("core"), "core and ui serve no object URLs: run them here"
    missing = sorted(
        app
        for app in {route.app for route in ROUTES}
        if not (Path(apps.get_app_config(app).path) / "tests" / "test_isolation.py").exists()
    )
    assert not missing, (
        "Add keel/<app>/tests/test_isolation.py (copy keel/tasks/tests/test_isolation.py) "
        f"for: {', '.join(missing)}"
    )


def test_every_route_kwarg_has_a_factory() -> None:
    """One list of every unregistered kwarg, so a new module sees all it must register."""
    problems = [
        isolation.missing_factory_message(route, missing)
        for route in ROUTES
        if (missing := isolation.missing_factories(route))
    ]
    assert not problems, "\n\n".join(problems)


def test_harness_sees_the_workspace_pages_and_the_api() -> None:
    kinds = {route.kind for route in ROUTES}
    assert "page" in kinds, "no /<ws>/ URL found: is the enumeration broken?"
    templates = {route.template for route in ROUTES}
    assert "/{ws}/" in templates


def test_snapshot_notices_a_change() -> None:
    """The side-effect check must be able to fail."""
    ws: Any = WorkspaceFactory(slug="snap")
    member: Any = MembershipFactory(workspace=ws)
    before = isolation.workspace_snapshot(ws)
    member.role = "admin"
    member.save(update_fields=["role"])
    assert isolation.workspace_snapshot(ws) != before
