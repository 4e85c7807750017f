"""The title shown for a member: their seat's, when they hold one; else their own free text.

A member's typed-in job title drifts from the seat they are given on the org chart; the chart
is the truth, so every page that shows a title asks here. accounts sits below org and cannot
read seats itself: org registers a source (`register_title_source`, from its wiring) that
answers "which seat titles do these members hold", in one query for a whole list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from keel.core.models import Membership

# (membership ids) -> {membership id: [seat titles it holds, in chart order]}
TitleSource = Callable[[Sequence[int]], dict[int, list[str]]]

_SOURCES: list[TitleSource] = []
# The resolved title is kept on the membership instance, so a template that shows the same
# person twice, or a list prepared with `prepare_titles`, costs no further query.
_CACHE_ATTR = "_keel_display_title"
SEPARATOR = " · "


def register_title_source(source: TitleSource) -> None:
    """Let a higher app say which seat titles members hold (idempotent)."""
    if source not in _SOURCES:
        _SOURCES.append(source)


def _seat_titles(ids: Sequence[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for source in _SOURCES:
        for pk, titles in source(ids).items():
            found.setdefault(pk, []).extend(titles)
    return found


def prepare_titles(memberships: Iterable[Membership | None]) -> None:
    """Resolve the shown title of every membership at once (one query per source)."""
    todo = [m for m in memberships if m is not None and not hasattr(m, _CACHE_ATTR)]
    if not todo:
        return
    seats = _seat_titles([m.pk for m in todo]) if _SOURCES else {}
    for m in todo:
        held = seats.get(m.pk)
        setattr(m, _CACHE_ATTR, SEPARATOR.join(held) if held else m.title)


def display_title(membership: Membership | None) -> str:
    """The seat title(s) the member holds, else the free-text title they set (may be "")."""
    if membership is None:
        return ""
    prepare_titles([membership])
    return str(getattr(membership, _CACHE_ATTR))
