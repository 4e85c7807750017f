"""The vault API: lists and reads carry no hidden value; reveal needs view access and is
audited; a use-level caller gets 403 or 404 on every path that would return a password."""

from __future__ import annotations

import json

import pytest

from keel.core.models import AuditEvent
from keel.core.tests.api_client import assert_problem
from keel.vault import services
from keel.vault.models import Grant, Level
from keel.vault.tests.factories import make_item

pytestmark = pytest.mark.django_db

WS = "/workspaces/acme/vault"
SECRET = "Api-Secret-8812"


@pytest.fixture
def item(owner):
    return make_item(owner.workspace, actor=owner, name="Shopify admin", password=SECRET)


def test_create_read_update_without_secrets_in_answers(api_for, member):
    api = api_for(member)
    response = api.post(f"{WS}/items", {
        "name": "DHL", "urls": ["https://mydhl.express.dhl"], "username": "shipping",
        "values": {"password": SECRET}, "custom": [{"label": "Account", "value": "960",
                                                    "hidden": False}]})  # fmt: skip
    assert response.status_code == 201, response.content
    body = response.json()
    assert SECRET not in response.content.decode() and body["level"] == "manage"
    fields = {f["key"]: f for f in body["fields"]}
    assert fields["password"]["value"] is None and fields["custom-1"]["value"] == "960"
    item_id = body["id"]
    response = api.patch(f"{WS}/items/{item_id}", {"username": "shipping2"})
    assert response.json()["username"] == "shipping2" and response.json()["urls"]
    listed = api.get(f"{WS}/items")
    assert SECRET not in listed.content.decode()
    assert [i["name"] for i in listed.json()["items"]] == ["DHL"]
    response = api.post(f"{WS}/items/{item_id}/reveal", {"field": "password"})
    assert response.json() == {"field": "password", "value": SECRET}
    assert "no-store" in response["Cache-Control"]


def test_use_level_gets_no_password_anywhere(api_for, owner, assistant, item):
    services.grant_create(actor=owner, item=item, member=assistant, level=Level.USE)
    api = api_for(assistant)
    for response in (api.get(f"{WS}/items"), api.get(f"{WS}/items/{item.pk}")):
        assert response.status_code == 200 and SECRET not in response.content.decode()
        assert "password" not in json.dumps(response.json())
    assert_problem(api.post(f"{WS}/items/{item.pk}/reveal", {"field": "password"}), 403)
    assert_problem(api.get(f"{WS}/items/{item.pk}/grants"), 403)
    assert_problem(api.patch(f"{WS}/items/{item.pk}", {"name": "x"}), 403)
    assert not AuditEvent.objects.filter(action="vault.revealed").exists()


def test_ungranted_and_foreign_items_are_404(api_for, member, outsider, item):
    assert_problem(api_for(member).get(f"{WS}/items/{item.pk}"), 404)
    assert_problem(api_for(member).post(f"{WS}/items/{item.pk}/reveal", {"field": "password"}),
                   404)  # fmt: skip
    assert_problem(api_for(outsider).get(f"{WS}/items/{item.pk}"), 404)


def test_grants_through_the_api(api_for, owner, member, item):
    api = api_for(owner)
    response = api.post(f"{WS}/items/{item.pk}/grants", {"member_id": member.pk, "level": "view"})
    assert response.status_code == 201, response.content
    grant_id = response.json()["id"]
    assert [g["id"] for g in api.get(f"{WS}/items/{item.pk}/grants").json()] == [grant_id]
    assert api_for(member).post(f"{WS}/items/{item.pk}/reveal",
                                {"field": "password"}).json()["value"] == SECRET  # fmt: skip
    assert api.delete(f"{WS}/grants/{grant_id}").status_code == 204
    assert not Grant.objects.filter(pk=grant_id).exists()


def test_bad_input_is_422(api_for, owner, item):
    api = api_for(owner)
    assert_problem(api.post(f"{WS}/items", {"name": "Shopify admin"}), 422)
    assert_problem(api.post(f"{WS}/items", {"name": "x", "urls": ["no-scheme"]}), 422)
    assert_problem(api.post(f"{WS}/items", {"name": "y", "values": {"cvc": "1"}}), 422)
    assert_problem(api.post(f"{WS}/items/{item.pk}/reveal", {"field": "nope"}), 422)
    assert_problem(api.post(f"{WS}/items/{item.pk}/grants", {"level": "view"}), 422)
    assert_problem(api.post(f"{WS}/items", {"name": "z", "category_id": 999999}), 422)
