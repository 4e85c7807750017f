"""The vault's three key levels (AES-256-GCM, `cryptography`).

    master key (keel.core.crypto: environment or key file, never in the database)
      └─ wraps the workspace key   (WorkspaceKey.wrapped, aad: workspace, version)
           └─ wraps each item's data key   (Item.wrapped_key, aad: workspace, item, version)
                └─ seals each hidden field  (ItemField.ciphertext, aad: workspace, item, field)

So a database dump alone opens nothing; a ciphertext copied onto another field, item or
workspace fails its tag check (DecryptionError, never garbage); and rotating the workspace
key re-wraps the small item keys without touching a single field's ciphertext.

Item-level token: "v1:" + urlsafe base64 (no padding) of nonce (12) | ciphertext + tag (16).
"""

from __future__ import annotations

import base64
import binascii
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.db import transaction
from django.utils import timezone

from keel.core import crypto as core_crypto
from keel.core.crypto import DecryptionError
from keel.core.models import Workspace
from keel.vault.models import Item, WorkspaceKey

__all__ = ["DecryptionError", "ItemCipher", "active_workspace_key", "rotate_workspace_key"]

PREFIX = "v1:"
_NONCE_BYTES = 12


def _workspace_key_aad(workspace_id: int, version: int) -> str:
    return f"vault:workspace-key:{workspace_id}:{version}"


def _item_key_aad(workspace_id: int, item_id: int, version: int) -> bytes:
    return f"keel-vault-item-key\x00{workspace_id}\x00{item_id}\x00{version}".encode()


def _field_aad(workspace_id: int, item_id: int, field_key: str) -> bytes:
    return f"keel-vault-field\x00{workspace_id}\x00{item_id}\x00{field_key}".encode()


def _seal(key: bytes, plaintext: bytes, aad: bytes) -> str:
    nonce = os.urandom(_NONCE_BYTES)
    raw = nonce + AESGCM(key).encrypt(nonce, plaintext, aad)
    return PREFIX + base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _open(key: bytes, token: str, aad: bytes) -> bytes:
    if not isinstance(token, str) or not token.startswith(PREFIX):
        raise DecryptionError("not a vault encrypted value")
    text = token[len(PREFIX) :]
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise DecryptionError("not a vault encrypted value") from None
    if len(raw) < _NONCE_BYTES + 16:
        raise DecryptionError("not a vault encrypted value")
    try:
        return AESGCM(key).decrypt(raw[:_NONCE_BYTES], raw[_NONCE_BYTES:], aad)
    except InvalidTag:
        raise DecryptionError("the value does not belong here or was altered") from None


def unwrap_workspace_key(key_row: WorkspaceKey) -> bytes:
    return core_crypto.decrypt(
        key_row.wrapped, aad=_workspace_key_aad(key_row.workspace_id, key_row.version)
    )


def _new_workspace_key(workspace: Workspace, version: int) -> tuple[WorkspaceKey, bytes]:
    key = AESGCM.generate_key(bit_length=256)
    row = WorkspaceKey.objects.create(
        workspace=workspace, version=version,
        wrapped=core_crypto.encrypt(key, aad=_workspace_key_aad(workspace.pk, version)),
    )  # fmt: skip
    return row, key


def active_workspace_key(workspace: Workspace) -> WorkspaceKey:
    """The workspace's current key row, made on first use (the first item a shop saves)."""
    row = (
        WorkspaceKey.objects.in_workspace(workspace)
        .filter(retired_at__isnull=True)
        .order_by("-version")
        .first()
    )
    if row is None:
        # Lock the workspace row so two first items don't each make a key.
        Workspace.objects.select_for_update().filter(pk=workspace.pk).first()
        row = WorkspaceKey.objects.in_workspace(workspace).order_by("-version").first()
        if row is None or row.retired_at is not None:
            row, _key = _new_workspace_key(workspace, (row.version + 1) if row else 1)
    return row


class ItemCipher:
    """Seals and opens one item's fields. Made once per item per request: it unwraps the
    item's data key (two AES-GCM opens) and keeps it only as long as the object lives."""

    def __init__(self, item: Item, data_key: bytes) -> None:
        self.item = item
        self._data_key = data_key

    @classmethod
    def for_new_item(cls, item: Item) -> ItemCipher:
        """Give a saved item (it needs its id for the binding) a fresh data key."""
        key_row = item.workspace_key
        data_key = AESGCM.generate_key(bit_length=256)
        item.wrapped_key = _seal(
            unwrap_workspace_key(key_row), data_key,
            _item_key_aad(item.workspace_id, item.pk, key_row.version),
        )  # fmt: skip
        item.save(update_fields=["wrapped_key"])
        return cls(item, data_key)

    @classmethod
    def for_item(cls, item: Item) -> ItemCipher:
        key_row = item.workspace_key
        if key_row.workspace_id != item.workspace_id:
            raise DecryptionError("the item's key belongs to another workspace")
        data_key = _open(
            unwrap_workspace_key(key_row), item.wrapped_key,
            _item_key_aad(item.workspace_id, item.pk, key_row.version),
        )  # fmt: skip
        return cls(item, data_key)

    def seal(self, field_key: str, value: str) -> str:
        aad = _field_aad(self.item.workspace_id, self.item.pk, field_key)
        return _seal(self._data_key, value.encode("utf-8"), aad)

    def open(self, field_key: str, token: str) -> str:
        aad = _field_aad(self.item.workspace_id, self.item.pk, field_key)
        return _open(self._data_key, token, aad).decode("utf-8")


@transaction.atomic
def rotate_workspace_key(workspace: Workspace) -> int:
    """Make a new workspace key and re-wrap every item's data key under it; returns the
    number of items re-wrapped. Field ciphertexts are untouched (their data keys are the
    same), and the old key is retired, not deleted, so nothing is ever unreadable midway.
    """
    Workspace.objects.select_for_update().filter(pk=workspace.pk).first()
    old_rows = {r.pk: r for r in WorkspaceKey.objects.in_workspace(workspace)}
    latest = max((r.version for r in old_rows.values()), default=0)
    new_row, new_key = _new_workspace_key(workspace, latest + 1)
    old_keys = {pk: unwrap_workspace_key(row) for pk, row in old_rows.items()}
    items = list(
        Item.objects.in_workspace(workspace).only(
            "pk", "workspace_id", "workspace_key_id", "wrapped_key"
        )
    )
    for item in items:
        old = old_rows[item.workspace_key_id]
        data_key = _open(old_keys[old.pk], item.wrapped_key,
                         _item_key_aad(workspace.pk, item.pk, old.version))  # fmt: skip
        item.wrapped_key = _seal(new_key, data_key,
                                 _item_key_aad(workspace.pk, item.pk, new_row.version))  # fmt: skip
        item.workspace_key = new_row
    Item.objects.bulk_update(items, ["wrapped_key", "workspace_key"], batch_size=500)
    WorkspaceKey.objects.filter(pk__in=list(old_rows)).update(retired_at=timezone.now())
    return len(items)
