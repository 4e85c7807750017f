"""The vault's reads: the list a member may see, one item with their level, what a person can
access and why, and the rotation queue. Every query starts from the caller's workspace."""

from keel.vault.selectors.items import (
    LIST_LIMIT,
    ItemRow,
    PersonAccessRow,
    get_item_for,
    item_rows,
    person_access,
)
from keel.vault.selectors.rotations import exposure_of, open_rotations

__all__ = [
    "LIST_LIMIT",
    "ItemRow",
    "PersonAccessRow",
    "exposure_of",
    "get_item_for",
    "item_rows",
    "open_rotations",
    "person_access",
]
