"""Query budgets: the busiest pages run the same number of SQL queries for 10 or 250 members.

Timing lives in `make bench`; tests assert only query counts, which are deterministic.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from keel.core.seeding import seed_large

pytestmark = pytest.mark.django_db

# Generous ceiling: a page that needs more than this is doing per-row work somewhere.
MAX_QUERIES = 30
PAGES = ["members", "workspace_home"]


def _count(client, url: str) -> int:
    client.get(url)  # warm up: first-request work (content types, session) is not the page's
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


@pytest.mark.parametrize("page", PAGES)
def test_page_queries_do_not_grow_with_members(client, page, django_assert_max_num_queries):
    result = seed_large(members=10, slug="budget")
    owner = result.workspace.memberships.get(role="owner").user
    client.force_login(owner)
    url = reverse(page, kwargs={"ws": "budget"})

    small = _count(client, url)
    assert small <= MAX_QUERIES

    seed_large(members=250, slug="budget")
    owner.refresh_from_db()
    client.force_login(owner)  # seeding resets the owner's password, which ends the session
    client.get(url)
    with django_assert_max_num_queries(small):
        response = client.get(url)
    assert response.status_code == 200
