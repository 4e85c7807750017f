"""Shell slots: places in the shell where an app shows a small widget of its own (the search
box in the sidebar). ui imports no app, so an app registers a template for a place from its
wiring.connect() and the sidebar includes whatever is registered there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from django.core.exceptions import ImproperlyConfigured

from keel.core.permissions import PERMISSIONS, has_perm

if TYPE_CHECKING:
    from keel.core.models import Membership

Place = Literal["sidebar_top"]
PLACES: tuple[Place, ...] = ("sidebar_top",)


@dataclass(frozen=True)
class ShellSlot:
    """One widget: `template` is included at `place` (with the page's context) for signed-in
    members of a workspace who hold `permission` ("" = everyone); lowest `order` first."""

    key: str
    template: str
    place: Place = "sidebar_top"
    permission: str = ""
    order: int = 100


_SLOTS: dict[str, ShellSlot] = {}


def register_shell_slot(slot: ShellSlot) -> None:
    if slot.place not in PLACES:
        raise ImproperlyConfigured(f"Shell slot {slot.key!r}: unknown place")
    if slot.permission and slot.permission not in PERMISSIONS:
        raise ImproperlyConfigured(f"Shell slot {slot.key!r}: unknown permission")
    _SLOTS[slot.key] = slot


def slots_for(place: Place, membership: Membership | None) -> list[ShellSlot]:
    """The widgets of `place` this membership may see (none outside a workspace)."""
    if membership is None:
        return []
    return sorted(
        (
            s
            for s in _SLOTS.values()
            if s.place == place and (not s.permission or has_perm(membership, s.permission))
        ),
        key=lambda s: (s.order, s.key),
    )
