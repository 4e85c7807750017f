"""Tenancy isolation of every vault page and API route: members of another workspace, in every
role, find workspace A's items, categories and grants absent
(keel/core/tests/isolation_check.py)."""

import pytest

from keel.core.tests import isolation
from keel.core.tests.isolation_check import check_route

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("route", isolation.routes_for("vault"), ids=lambda r: r.test_id)
def test_other_workspace_gets_404_for_workspace_a(route: isolation.Route) -> None:
    check_route(route)
