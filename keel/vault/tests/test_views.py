"""Vault pages: the list and search, an item with hidden fields masked, reveal by POST (and
never for use-level), the forms, who can access what, and bounded queries on the list."""

from __future__ import annotations

import pytest
from django.urls import reverse

from keel.core.models import AuditEvent
from keel.vault import services
from keel.vault.models import Category, Item, ItemField, Level
from keel.vault.tests.factories import make_item

pytestmark = pytest.mark.django_db

SECRET = "Page-Secret-4471"


def url(name: str, **kwargs: object) -> str:
    return reverse(name, kwargs={"ws": "acme", **kwargs})


@pytest.fixture
def item(owner):
    return make_item(owner.workspace, actor=owner, name="Amazon Seller Central",
                     urls=["https://sellercentral.amazon.com"], username="seller@acme.example",
                     password=SECRET)  # fmt: skip


def test_empty_vault_says_what_to_do(login, owner, assistant):
    body = login(owner).get(url("vault_list")).content.decode()
    assert "The vault is empty" in body and url("vault_item_new") in body
    body = login(assistant).get(url("vault_list")).content.decode()
    assert "Nothing has been shared with you yet" in body and url("vault_item_new") not in body


def test_list_search_by_name_url_and_username(login, owner, item, workspace):
    make_item(workspace, actor=owner, name="DHL", urls=["https://mydhl.express.dhl"],
              username="shipping")  # fmt: skip
    client = login(owner)
    for query in ("amazon seller", "sellercentral", "seller@acme"):
        body = client.get(url("vault_list"), {"q": query}).content.decode()
        assert "Amazon Seller Central" in body and "DHL" not in body
    # hidden fields are never searched
    assert "Nothing matches" in client.get(url("vault_list"), {"q": SECRET[:8]}).content.decode()


def test_item_page_masks_and_reveal_shows_one_field(login, owner, member, item):
    services.grant_create(actor=owner, item=item, member=member, level=Level.VIEW)
    client = login(member)
    page = client.get(url("vault_item", item_id=item.pk)).content.decode()
    assert SECRET not in page and "Reveal" in page
    assert client.get(url("vault_item_reveal", item_id=item.pk)).status_code == 405
    shown = client.post(url("vault_item_reveal", item_id=item.pk), {"field": "password"})
    assert SECRET in shown.content.decode() and "no-store" in shown["Cache-Control"]
    fragment = client.post(url("vault_item_reveal", item_id=item.pk), {"field": "password"},
                           HTTP_HX_REQUEST="true").content.decode()  # fmt: skip
    assert SECRET in fragment and "<html" not in fragment
    assert AuditEvent.objects.filter(action="vault.revealed").count() == 2
    bad = client.post(url("vault_item_reveal", item_id=item.pk), {"field": "nope"})
    assert bad.status_code == 400 and "no such hidden field" in bad.content.decode()


def test_use_level_sees_no_secret_and_cannot_reveal(login, owner, assistant, item):
    services.grant_create(actor=owner, item=item, member=assistant, level=Level.USE)
    client = login(assistant)
    page = client.get(url("vault_item", item_id=item.pk)).content.decode()
    assert "seller@acme.example" in page and SECRET not in page and "Reveal" not in page
    response = client.post(url("vault_item_reveal", item_id=item.pk), {"field": "password"})
    assert response.status_code == 403 and SECRET not in response.content.decode()
    assert client.get(url("vault_item_edit", item_id=item.pk)).status_code == 403
    assert client.get(url("vault_item_access", item_id=item.pk)).status_code == 403
    assert not AuditEvent.objects.filter(action="vault.revealed").exists()


def test_ungranted_items_are_not_found(login, member, item):
    client = login(member)
    for name in ("vault_item", "vault_item_edit", "vault_item_access"):
        assert client.get(url(name, item_id=item.pk)).status_code == 404
    assert client.post(url("vault_item_reveal", item_id=item.pk),
                       {"field": "password"}).status_code == 404  # fmt: skip


def test_add_an_item_and_edit_keeps_the_password(login, member, workspace):
    client = login(member)
    assert client.get(url("vault_item_new"), {"kind": "card"}).status_code == 200
    response = client.post(url("vault_item_new") + "?kind=login", {
        "name": "Supplier portal", "urls": "https://portal.example\n", "username": "buyer",
        "password": "Portal-Pass-1", "tags": "sourcing, china", "custom_label_0": "PIN",
        "custom_value_0": "0000", "custom_hidden_0": "on"})  # fmt: skip
    assert response.status_code == 302
    item = Item.objects.get(name="Supplier portal")
    assert item.tags == ["china", "sourcing"]
    form = client.get(url("vault_item_edit", item_id=item.pk)).content.decode()
    assert "Portal-Pass-1" not in form and "0000" not in form
    response = client.post(url("vault_item_edit", item_id=item.pk), {
        "name": "Supplier portal", "urls": "https://portal.example", "username": "buyer2",
        "password": "", "custom_label_0": "PIN", "custom_value_0": "",
        "custom_hidden_0": "on"})  # fmt: skip
    assert response.status_code == 302
    member_ = item.created_by
    assert services.item_reveal(actor=member_, item=item, field_key="password") == "Portal-Pass-1"
    assert services.item_reveal(actor=member_, item=item, field_key="custom-1") == "0000"


def test_a_url_without_scheme_is_explained(login, owner):
    response = login(owner).post(url("vault_item_new"), {"name": "X", "urls": "shop.example"})
    assert response.status_code == 400 and "starting with https://" in response.content.decode()
    assert not Item.objects.exists()


def test_who_can_access_and_sharing(login, owner, member, assistant, item):
    client = login(owner)
    response = client.post(url("vault_item_access", item_id=item.pk),
                           {"grantee": f"member:{assistant.pk}", "level": Level.USE})  # fmt: skip
    assert response.status_code == 302
    page = client.get(url("vault_item_access", item_id=item.pk)).content.decode()
    assert "Ana Assistant" in page and "Owners and admins manage every item" in page
    audience = page.split('id="audience-heading"')[1].split("</table>")[0]
    assert "Mike" not in audience
    mine = login(assistant).get(url("vault_person", membership_id=assistant.pk)).content.decode()
    assert "Amazon Seller Central" in mine and "Shared with them" in mine
    assert login(member).get(url("vault_person", membership_id=assistant.pk)).status_code == 403


def test_categories_are_for_admins(login, owner, manager):
    assert login(manager).get(url("vault_categories")).status_code == 403
    client = login(owner)
    assert client.post(url("vault_categories"), {"name": "Suppliers"}).status_code == 302
    category = Category.objects.get()
    assert client.get(url("vault_category", category_id=category.pk)).status_code == 200


def test_list_queries_are_bounded(login, owner, member, workspace, django_assert_max_num_queries):
    category = Category.objects.create(workspace=workspace, name="Marketplaces")
    for n in range(15):
        item = make_item(workspace, actor=owner, name=f"Shop {n}", category=category)
        services.grant_create(actor=owner, item=item, member=member, level=Level.VIEW)
    services.grant_create(actor=owner, category=category, member=member, level=Level.USE)
    for who in (owner, member):
        client = login(who)
        client.get(url("vault_list"))
        with django_assert_max_num_queries(14):
            body = client.get(url("vault_list")).content.decode()
        assert "Shop 14" in body
    assert ItemField.objects.count() == 15
