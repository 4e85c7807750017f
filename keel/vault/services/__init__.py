"""The vault's writes (services): items, their reveal, grants and categories."""

from keel.vault.services.grants import (
    category_create,
    category_delete,
    grant_create,
    grant_delete,
)
from keel.vault.services.items import (
    CustomField,
    ItemFields,
    item_create,
    item_delete,
    item_reveal,
    item_update,
)

__all__ = [
    "CustomField",
    "ItemFields",
    "category_create",
    "category_delete",
    "grant_create",
    "grant_delete",
    "item_create",
    "item_delete",
    "item_reveal",
    "item_update",
]
