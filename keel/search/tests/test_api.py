"""GET /api/v1/workspaces/{slug}/search."""

from __future__ import annotations

import pytest

from keel.core.tests.api_client import assert_problem

pytestmark = pytest.mark.django_db


def path(workspace):
    return f"/workspaces/{workspace.slug}/search"


def test_search_api_pages_with_a_cursor(api_for, notes, workspace, owner):
    for i in range(5):
        notes.create(workspace, f"供应商 {i}", "供应商报价")
    api = api_for(owner)
    first = api.get(path(workspace), {"q": "供应商", "limit": 3})
    assert first.status_code == 200, first.content
    body = first.json()
    assert body["total"] == 5 and len(body["items"]) == 3 and body["next_cursor"]
    assert body["items"][0]["title_html"].startswith("<mark>供应商</mark>")
    assert body["kinds"] == [{"kind": "note", "label": "Notes", "count": 5, "more": False}]
    assert body["more"] is False
    rest = api.get(path(workspace), {"q": "供应商", "limit": 3, "cursor": body["next_cursor"]})
    items = rest.json()["items"]
    assert len(items) == 2 and rest.json()["next_cursor"] is None
    ids = {i["object_id"] for i in body["items"]} | {i["object_id"] for i in items}
    assert ids == {1, 2, 3, 4, 5}


def test_search_api_filters_by_permission_and_kind(api_for, notes, workspace, member):
    notes.create(workspace, "Salary 退款", "x", scope="space:hr")
    notes.create(workspace, "Refund 退款", "x")
    body = api_for(member).get(path(workspace), {"q": "退款"}).json()
    assert [i["title"] for i in body["items"]] == ["Refund 退款"] and body["total"] == 1
    assert api_for(member).get(path(workspace), {"q": "退款", "kind": "task"}).json()["total"] == 0


def test_search_api_rejects_a_forged_cursor(api_for, notes, workspace, owner):
    assert_problem(api_for(owner).get(path(workspace), {"q": "x", "cursor": "bm9wZQ"}), 422)


def test_search_api_is_404_for_another_workspace(api_for, notes, workspace, outsider):
    assert_problem(api_for(outsider).get(path(workspace), {"q": "x"}), 404)


def test_search_api_filters_by_owner_date_and_space(api_for, notes, workspace, owner, member):
    notes.create(workspace, "Carrier A", "dhl", owner_id=member.pk, space="3")
    notes.create(workspace, "Carrier B", "dhl", space="4")
    api = api_for(owner)
    by_owner = api.get(path(workspace), {"q": "carrier", "owner_id": member.pk}).json()
    assert [i["title"] for i in by_owner["items"]] == ["Carrier A"]
    by_space = api.get(path(workspace), {"q": "carrier", "space": "4"}).json()
    assert [i["title"] for i in by_space["items"]] == ["Carrier B"]
    later = api.get(path(workspace), {"q": "carrier", "changed_after": "2999-01-01T00:00:00Z"})
    assert later.json()["total"] == 0
