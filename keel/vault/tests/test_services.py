"""Vault services: the three levels, grants through groups, seats and categories, a seat's
access moving with its holder, assistants holding only what is granted, reveals audited,
and every refused write leaving nothing behind."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from keel.accounts.models import Group, GroupMembership
from keel.core.models import AuditEvent
from keel.org.services.seats import seat_fill, seat_vacate
from keel.org.tests.factories import SeatFactory
from keel.vault import services
from keel.vault.access import item_audience, level_for
from keel.vault.models import AccessEvent, Category, Grant, ItemField, Level, Rotation
from keel.vault.selectors import item_rows, person_access
from keel.vault.tests.factories import make_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(owner):
    return make_item(owner.workspace, actor=owner, name="Amazon Seller Central",
                     password="Seller-Pass-1")  # fmt: skip


def test_owners_and_admins_manage_everything_others_nothing_ungranted(
    item, owner, admin, manager, member, assistant
):
    assert level_for(owner, item) == level_for(admin, item) == Level.MANAGE
    assert level_for(manager, item) == level_for(member, item) == level_for(assistant, item) == 0
    assert item_rows(actor=assistant) == []


def test_levels_from_a_direct_grant(item, owner, member):
    for level in (Level.USE, Level.VIEW, Level.MANAGE):
        services.grant_create(actor=owner, item=item, member=member, level=level)
        assert level_for(member, item) == level
    assert Grant.objects.filter(item=item, member=member).count() == 1  # changed, not added


def test_use_level_cannot_reveal_and_nothing_is_recorded(item, owner, assistant):
    services.grant_create(actor=owner, item=item, member=assistant, level=Level.USE)
    events = AuditEvent.objects.count()
    with pytest.raises(PermissionDenied):
        services.item_reveal(actor=assistant, item=item, field_key="password")
    assert AuditEvent.objects.count() == events and not AccessEvent.objects.exists()
    assert [r.item for r in item_rows(actor=assistant)] == [item]


def test_reveal_is_audited_without_the_value(item, owner, member):
    services.grant_create(actor=owner, item=item, member=member, level=Level.VIEW)
    assert services.item_reveal(actor=member, item=item, field_key="password") == "Seller-Pass-1"
    event = AuditEvent.objects.get(action="vault.revealed")
    assert event.actor == member.user and event.data == {"name": item.name, "field": "password"}
    assert "Seller-Pass-1" not in repr(AuditEvent.objects.values_list("data", flat=True))
    assert AccessEvent.objects.get().membership == member


def test_view_level_cannot_edit_or_share(item, owner, member, manager):
    services.grant_create(actor=owner, item=item, member=member, level=Level.VIEW)
    fields = services.ItemFields(name="Renamed")
    with pytest.raises(PermissionDenied):
        services.item_update(actor=member, item=item, fields=fields)
    with pytest.raises(PermissionDenied):
        services.grant_create(actor=member, item=item, member=manager, level=Level.VIEW)
    item.refresh_from_db()
    assert item.name == "Amazon Seller Central" and level_for(manager, item) == 0


def test_group_and_category_grants(owner, member, workspace):
    suppliers = services.category_create(actor=owner, name="Suppliers")
    portal = make_item(workspace, actor=owner, name="1688", category=suppliers)
    group = Group.objects.create(workspace=workspace, name="Purchasing", alias="purchasing")
    services.grant_create(actor=owner, category=suppliers, group=group, level=Level.VIEW)
    assert level_for(member, portal) == 0
    GroupMembership.objects.create(workspace=workspace, group=group, membership=member)
    assert level_for(member, portal) == Level.VIEW
    later = make_item(workspace, actor=owner, name="Packaging portal", category=suppliers)
    assert level_for(member, later) == Level.VIEW  # tomorrow's items too
    why = person_access(person=member)
    assert {r.item.name for r in why} == {"1688", "Packaging portal"}
    assert why[0].reasons[0].via == "group" and why[0].reasons[0].on_category


def test_a_seat_grant_moves_with_the_holder_at_once(item, owner, member, manager, workspace):
    lead = SeatFactory(workspace=workspace, title="Purchasing lead")
    seat_fill(actor=owner, seat=lead, membership=member)
    services.grant_create(actor=owner, item=item, seat=lead, level=Level.VIEW)
    assert level_for(member, item) == Level.VIEW and level_for(manager, item) == 0
    seat_vacate(actor=owner, seat=lead)
    seat_fill(actor=owner, seat=lead, membership=manager)
    assert level_for(member, item) == 0 and level_for(manager, item) == Level.VIEW
    names = [m.user.display_name for m, _a in item_audience(item)]
    assert "Maya" in names and "Mike" not in names


def test_an_assistant_gets_only_what_is_granted(owner, assistant, workspace):
    shared = make_item(workspace, actor=owner, name="Seller Central")
    make_item(workspace, actor=owner, name="Bank")
    services.grant_create(actor=owner, item=shared, member=assistant, level=Level.USE)
    assert [r.item.name for r in item_rows(actor=assistant)] == ["Seller Central"]
    with pytest.raises(PermissionDenied):
        services.item_create(actor=assistant, fields=services.ItemFields(name="Mine"))


def test_the_adder_manages_their_item(member):
    item = make_item(member.workspace, actor=member, name="Supplier portal")
    assert level_for(member, item) == Level.MANAGE


def test_bad_input_is_refused_whole(owner, workspace):
    make_item(workspace, actor=owner, name="Shopify")
    with pytest.raises(ValidationError) as error:
        services.item_create(actor=owner, fields=services.ItemFields(
            name="Shopify", urls=["shop.example"], values={"card_cvc": "1"}))  # fmt: skip
    assert {"urls", "card_cvc"} <= set(error.value.message_dict)
    with pytest.raises(ValidationError) as error:
        services.item_create(actor=owner, fields=services.ItemFields(name="Shopify"))
    assert "name" in error.value.message_dict
    assert ItemField.objects.filter(item__name="Shopify").count() == 1


def test_editing_keeps_blank_secrets_and_custom_fields_by_source(owner, workspace):
    item = make_item(workspace, actor=owner, custom=[
        services.CustomField("PIN", "1234", hidden=True),
        services.CustomField("Store ID", "S-1", hidden=False)])  # fmt: skip
    stamp = item.secrets_changed_at
    services.item_update(actor=owner, item=item, fields=services.ItemFields(
        name=item.name, values={"password": None}, custom=[
            services.CustomField("Store ID", "S-2", hidden=False, source="custom-2"),
            services.CustomField("PIN", None, hidden=True, source="custom-1")]))  # fmt: skip
    assert services.item_reveal(actor=owner, item=item, field_key="password") == "s3cret-Pa55"
    assert services.item_reveal(actor=owner, item=item, field_key="custom-2") == "1234"
    assert ItemField.objects.get(item=item, key="custom-1").plain == "S-2"
    item.refresh_from_db()
    assert item.secrets_changed_at == stamp  # no hidden value changed


def test_changing_the_password_closes_open_rotations(item, owner, member):
    Rotation.objects.create(workspace=item.workspace, item=item, leaver=member)
    services.item_update(actor=owner, item=item, fields=services.ItemFields(
        name=item.name, urls=item.urls, values={"password": "New-Pass-2"}))  # fmt: skip
    assert Rotation.objects.get().done_at is not None


def test_a_category_grant_needs_an_admin(owner, manager, member, workspace):
    category = Category.objects.create(workspace=workspace, name="Finance")
    with pytest.raises(PermissionDenied):
        services.grant_create(actor=manager, category=category, member=member, level=Level.USE)
    assert not Grant.objects.exists()


def test_cannot_share_with_another_workspace(item, owner, outsider):
    with pytest.raises(PermissionDenied):
        services.grant_create(actor=owner, item=item, member=outsider, level=Level.VIEW)
    assert not Grant.objects.filter(member=outsider).exists()
