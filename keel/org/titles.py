"""Which seat titles members hold: the source of the titles accounts shows for people.

A member's title on the members list, their page and their profile is their seat's (see
keel/accounts/titles.py); org fills that registry with `seat_titles_held` from its wiring.
"""

from __future__ import annotations

from collections.abc import Sequence

from keel.org.models import Seat


def seat_titles_held(membership_ids: Sequence[int]) -> dict[int, list[str]]:
    """{membership id: titles of the seats it holds, in chart order} (one query).

    Membership ids belong to one workspace each, so filtering by holder is the workspace's
    own rows only.
    """
    held: dict[int, list[str]] = {}
    rows = (
        Seat.objects.filter(holder_id__in=list(membership_ids))
        .order_by("position", "id")
        .values_list("holder_id", "title")
    )
    for holder_id, title in rows:
        held.setdefault(holder_id, []).append(title)
    return held


def connect() -> None:
    """Register the source (called from org's wiring.connect())."""
    from keel.accounts.titles import register_title_source

    register_title_source(seat_titles_held)
