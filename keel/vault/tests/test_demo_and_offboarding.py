"""Demo Shop's vault (every language; idempotent; no secret in the database in clear), the
seat ownership provider, and offboarding: a leaver's items queued for rotation, most
recently revealed first, each given to whom the owner picks."""

from __future__ import annotations

import pytest
from django.db import connection

from keel.accounts.models import Group, GroupMembership
from keel.core.models import AuditEvent
from keel.org.demo import seed_demo_org
from keel.org.services.seats import seat_fill
from keel.org.tests.factories import SeatFactory
from keel.vault import services
from keel.vault.crypto import ItemCipher
from keel.vault.demo import seed_demo_vault
from keel.vault.models import Category, Grant, Item, ItemField, Level, Rotation
from keel.vault.offboarding import preview_rotations
from keel.vault.tests.factories import make_item
from keel.vault.wiring import seat_vault_access

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "zh-hans", "zh-hant"])
def test_demo_vault_in_every_language(owner, assistant, workspace, language):
    for alias in ("sales", "purchasing", "marketing"):
        Group.objects.create(workspace=workspace, name=alias.title(), alias=alias)
    seed_demo_org(owner, language=language)
    seed_demo_vault(owner, language=language)
    seed_demo_vault(owner, language=language)
    assert Category.objects.count() == 5 and Item.objects.count() == 12
    assert Grant.objects.filter(seat__isnull=False).exists()
    assert Grant.objects.get(member=assistant).level == Level.USE
    secrets = []
    for row in ItemField.objects.filter(hidden=True).select_related("item__workspace_key"):
        secrets.append(ItemCipher.for_item(row.item).open(row.key, row.ciphertext))
    assert "4111 1111 1111 1111" in secrets
    with connection.cursor() as cursor:
        dump = ""
        for table in ("vault_itemfield", "vault_item", "vault_workspacekey", "core_auditevent"):
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 - fixed table names
            dump += repr(cursor.fetchall())
    assert not [s for s in secrets if len(s) > 6 and s in dump]


def test_seat_page_lists_the_seats_vault_access(owner, workspace):
    seat = SeatFactory(workspace=workspace, title="Purchasing lead")
    item = make_item(workspace, actor=owner, name="1688")
    services.grant_create(actor=owner, item=item, seat=seat, level=Level.VIEW)
    assert seat_vault_access(seat) == [("1688 · View", f"/acme/vault/{item.pk}/")]


def test_a_leavers_items_are_queued_for_rotation(owner, manager, member, workspace):
    from keel.accounts.services import membership_offboard

    direct = make_item(workspace, actor=owner, name="Bank")
    by_group = make_item(workspace, actor=owner, name="Google Ads")
    by_seat = make_item(workspace, actor=owner, name="1688")
    make_item(workspace, actor=owner, name="Not theirs")
    group = Group.objects.create(workspace=workspace, name="Marketing", alias="marketing")
    GroupMembership.objects.create(workspace=workspace, group=group, membership=member)
    seat = SeatFactory(workspace=workspace, title="Buyer")
    seat_fill(actor=owner, seat=seat, membership=member)
    services.grant_create(actor=owner, item=direct, member=member, level=Level.USE)
    services.grant_create(actor=owner, item=by_group, group=group, level=Level.VIEW)
    services.grant_create(actor=owner, item=by_seat, seat=seat, level=Level.VIEW)
    services.item_reveal(actor=member, item=by_seat, field_key="password")
    preview = preview_rotations(member)
    assert [p.label for p in preview] == ["1688", "Bank", "Google Ads"]  # revealed first
    summary = membership_offboard(actor=owner, membership=member, handover={
        "vault.rotations": {str(by_seat.pk): manager.pk, str(direct.pk): None}})  # fmt: skip
    assert dict(summary.steps)["vault.rotations"].count == 3
    rotations = {r.item.name: r for r in Rotation.objects.select_related("item")}
    assert set(rotations) == {"1688", "Bank", "Google Ads"}
    assert rotations["1688"].assignee == manager and rotations["1688"].last_revealed_at
    assert rotations["Bank"].assignee is None
    assert "vault.rotations" in repr(AuditEvent.objects.get(action="member.offboarded").data)
