"""The vault's three key levels: a field opens only in its own place (workspace, item, field),
a tampered or moved ciphertext raises instead of returning garbage, and rotating the
workspace key re-wraps data keys without touching a field's ciphertext."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection

from keel.core.tests.factories import MembershipFactory
from keel.vault import services
from keel.vault.crypto import DecryptionError, ItemCipher, rotate_workspace_key
from keel.vault.models import ItemField, WorkspaceKey
from keel.vault.tests.factories import make_item

pytestmark = pytest.mark.django_db

SECRET = "Very-Secret-Seller-Pass-9731"


def _password(item) -> ItemField:
    return ItemField.objects.get(item=item, key="password")


def test_a_field_round_trips_and_the_database_holds_no_plaintext(owner):
    item = make_item(owner.workspace, actor=owner, password=SECRET)
    row = _password(item)
    assert SECRET not in row.ciphertext and row.plain == ""
    assert services.item_reveal(actor=owner, item=item, field_key="password") == SECRET


def test_the_database_file_holds_no_secret(owner):
    make_item(owner.workspace, actor=owner, password=SECRET)
    with connection.cursor() as cursor:
        for table in ("vault_itemfield", "vault_item", "vault_workspacekey", "core_auditevent"):
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 - fixed table names
            assert SECRET not in repr(cursor.fetchall())


def test_a_tampered_ciphertext_raises(owner):
    item = make_item(owner.workspace, actor=owner, password=SECRET)
    row = _password(item)
    token = row.ciphertext
    flipped = token[:-3] + ("A" if token[-3] != "A" else "B") + token[-2:]
    with pytest.raises(DecryptionError):
        ItemCipher.for_item(item).open("password", flipped)
    with pytest.raises(DecryptionError):
        ItemCipher.for_item(item).open("password", "v1:not-base64!!")


def test_the_wrong_field_name_does_not_open(owner):
    item = make_item(owner.workspace, actor=owner, password=SECRET)
    with pytest.raises(DecryptionError):
        ItemCipher.for_item(item).open("notes", _password(item).ciphertext)


def test_a_ciphertext_moved_to_another_item_fails(owner):
    first = make_item(owner.workspace, actor=owner, password=SECRET)
    second = make_item(owner.workspace, actor=owner, password="other")
    ItemField.objects.filter(item=second, key="password").update(
        ciphertext=_password(first).ciphertext
    )
    with pytest.raises(DecryptionError):
        services.item_reveal(actor=owner, item=second, field_key="password")
    # ... even with the first item's wrapped data key copied along
    second.wrapped_key = first.wrapped_key
    second.save(update_fields=["wrapped_key"])
    with pytest.raises(DecryptionError):
        services.item_reveal(actor=owner, item=second, field_key="password")


def test_a_ciphertext_moved_to_another_workspace_fails(owner, outsider):
    mine = make_item(owner.workspace, actor=owner, password=SECRET)
    theirs = make_item(outsider.workspace, actor=outsider, password="other")
    theirs.wrapped_key = mine.wrapped_key
    theirs.save(update_fields=["wrapped_key"])
    ItemField.objects.filter(item=theirs, key="password").update(
        ciphertext=_password(mine).ciphertext
    )
    with pytest.raises(DecryptionError):
        services.item_reveal(actor=outsider, item=theirs, field_key="password")


def test_rotating_the_workspace_key_rewraps_without_touching_ciphertexts(owner):
    items = [make_item(owner.workspace, actor=owner, password=f"{SECRET}-{n}") for n in range(3)]
    before = {i.pk: _password(i).ciphertext for i in items}
    old_wraps = {i.pk: i.wrapped_key for i in items}
    assert rotate_workspace_key(owner.workspace) == 3
    keys = WorkspaceKey.objects.in_workspace(owner.workspace).order_by("version")
    assert [k.version for k in keys] == [1, 2] and keys[0].retired_at is not None
    for n, item in enumerate(items):
        item.refresh_from_db()
        assert item.workspace_key.version == 2 and item.wrapped_key != old_wraps[item.pk]
        assert _password(item).ciphertext == before[item.pk]
        assert services.item_reveal(actor=owner, item=item, field_key="password") == (
            f"{SECRET}-{n}"
        )
    # New items get the new key; the command rotates again.
    fresh = make_item(owner.workspace, actor=owner)
    assert fresh.workspace_key.version == 2
    call_command("vault", "rotate-workspace-key", "--workspace", owner.workspace.slug)
    fresh.refresh_from_db()
    assert fresh.workspace_key.version == 3
    assert services.item_reveal(actor=owner, item=fresh, field_key="password") == "s3cret-Pa55"


def test_another_master_key_cannot_open_the_workspace_key(owner, settings):
    from keel.core import crypto as core_crypto

    item = make_item(owner.workspace, actor=owner, password=SECRET)
    settings.KEEL_MASTER_KEY = core_crypto.generate_key()
    with pytest.raises(DecryptionError):
        ItemCipher.for_item(item)


def test_workspaces_get_their_own_keys(owner, outsider):
    make_item(owner.workspace, actor=owner)
    make_item(outsider.workspace, actor=MembershipFactory(workspace=outsider.workspace,
                                                          role="owner"))  # fmt: skip
    keys = WorkspaceKey.objects.all()
    assert len({k.workspace_id for k in keys}) == 2
