"""The workspace settings API: every member reads, only the owner changes (others 403,
outsiders 404); bad values are 422 problems on the field."""

from __future__ import annotations

import pytest

from keel.core.models import AuditEvent
from keel.core.tests.api_client import assert_problem

pytestmark = pytest.mark.django_db

URL = "/workspaces/acme/settings"


def test_member_reads_the_settings(api_for, member):
    response = api_for(member).get(URL)
    assert response.status_code == 200
    body = response.json()
    assert body["name"] == "Acme Shop"
    assert body["week_start"] == "monday"
    assert body["currency"] == "CNY"
    assert body["has_logo"] is False


def test_owner_patches_only_the_fields_sent(api_for, owner, workspace):
    response = api_for(owner).patch(URL, {"timezone": "Asia/Tokyo", "currency": "JPY"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["timezone"], body["currency"], body["name"]) == ("Asia/Tokyo", "JPY", "Acme Shop")
    workspace.refresh_from_db()
    assert workspace.timezone == "Asia/Tokyo"
    event = AuditEvent.objects.get(action="workspace.updated")
    assert sorted(event.data["fields"]) == ["currency", "timezone"]


@pytest.mark.parametrize("role", ["admin", "manager", "member", "assistant"])
def test_other_roles_get_403(request, api_for, workspace, role):
    response = api_for(request.getfixturevalue(role)).patch(URL, {"name": "Mine now"})
    assert_problem(response, 403)
    workspace.refresh_from_db()
    assert workspace.name == "Acme Shop"


def test_outsider_gets_404(api_for, outsider, workspace):
    assert_problem(api_for(outsider).get(URL), 404)
    assert_problem(api_for(outsider).patch(URL, {"name": "Mine now"}), 404)


def test_bad_values_are_422_on_the_field(api_for, owner, workspace):
    response = api_for(owner).patch(URL, {"language": "fr", "week_start": "friday"})
    body = assert_problem(response, 422)
    fields = {tuple(e["loc"]): e["msg"] for e in body["errors"]}
    assert fields[("body", "language")] == "Choose one of: en, zh-hans, zh-hant."
    assert fields[("body", "week_start")] == "Choose Monday or Sunday."
    workspace.refresh_from_db()
    assert workspace.language == "en"
