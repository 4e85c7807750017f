"""“What this seat owns”: a registry that higher modules fill, so `org` never imports them.

Tasks, goals, SOPs, the vault and KPIs own work *by seat*. Each registers one provider from
its AppConfig.ready(); the seat page lists what every provider returns for the seat:

    from django.utils.translation import gettext_lazy as _
    from keel.org.ownership import register_seat_ownership

    def _milestones(seat):
        return [
            (f"{m.year}: {m.title}", reverse("goals_vision", kwargs={"ws": seat.workspace.slug}))
            for m in seat.owned_milestones.order_by("year")
        ]

    register_seat_ownership("goals.milestones", _("Milestones"), _milestones)

A provider takes a `Seat` and returns a list of `(text, url)` pairs (url may be "" for plain
text). It must scope its own query to `seat.workspace` and keep it to a bounded number of
queries (the seat page calls every provider once). Registering the same key again replaces
the provider (safe for autoreload). The *person* doing the work is never stored on these
objects: they ask `keel.org.resolution.seat_assignee(seat)`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from keel.org.models import Seat

OwnedItems = list[tuple[str, str]]
Provider = Callable[["Seat"], OwnedItems]


@dataclass(frozen=True)
class OwnershipSource:
    key: str
    label: Any  # a lazy translation
    provider: Provider


@dataclass
class OwnedGroup:
    """One source's items for one seat, ready for the seat page."""

    key: str
    label: Any
    items: OwnedItems


_SOURCES: dict[str, OwnershipSource] = {}


def register_seat_ownership(key: str, label: Any, provider: Provider) -> None:
    """Add (or replace) the source `key`, shown under `label` on every seat page."""
    _SOURCES[key] = OwnershipSource(key=key, label=label, provider=provider)


def unregister_seat_ownership(key: str) -> None:
    """For tests: forget a source."""
    _SOURCES.pop(key, None)


def ownership_sources() -> list[OwnershipSource]:
    return list(_SOURCES.values())


def seat_ownership(seat: Seat) -> list[OwnedGroup]:
    """Everything the registered sources say `seat` owns; sources with nothing are left out."""
    groups = []
    for source in _SOURCES.values():
        items = [(str(text), str(url or "")) for text, url in source.provider(seat)]
        if items:
            groups.append(OwnedGroup(key=source.key, label=source.label, items=items))
    return groups
