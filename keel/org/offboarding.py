"""What the org app does when someone leaves (registered in wiring).

Seats are the one kind of work that is not "given to a person": a seat stays where it is on
the chart, and the owner picks who holds it next. Left empty (the default), everything the
seat owns — open tasks, recurring series, projects, milestones, whatever other apps register
as seat ownership — is done by the seat above's holder until it is filled
(`keel.org.resolution`). The preview says, per seat, what it carries and who that is.

The leaving person's successor (the default receiver of their *own* work in every other
step) is the seat above's doer: `resolution.successor_of`.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from keel.accounts.offboarding import (
    Handover,
    HandoverItem,
    Move,
    MoveKind,
    OffboardingStepResult,
)
from keel.core.models import Membership
from keel.org.models import Seat
from keel.org.ownership import seat_ownership
from keel.org.resolution import seat_assignees


def _held(membership: Membership) -> list[Seat]:
    return list(
        Seat.objects.filter(workspace_id=membership.workspace_id, holder=membership)
        .select_related("workspace", "reports_to")
        .order_by("position", "id")
    )


def _carries(seat: Seat) -> str:
    """What the seat carries ("Open tasks: 2 · Recurring tasks: 1"), or "" when nothing."""
    return " · ".join(
        _("%(what)s: %(count)s") % {"what": group.label, "count": len(group.items)}
        for group in seat_ownership(seat)
    )


def _doer_above(seat: Seat, membership: Membership) -> Membership | None:
    """Who would do `seat`'s work once `membership` is gone: resolve from the seat above."""
    if seat.reports_to is None:
        return None
    doer = seat_assignees([seat.reports_to])[seat.reports_to.pk]
    return None if doer.pk == membership.pk else doer


def preview_seats(membership: Membership) -> list[HandoverItem]:
    items = []
    for seat in _held(membership):
        parts = [text for text in [_carries(seat)] if text]
        doer = _doer_above(seat, membership)
        if doer is not None:
            parts.append(_("if left empty, %(name)s does its work") % {
                "name": doer.user.display_name})  # fmt: skip
        url = reverse("org_seat", kwargs={"ws": seat.workspace.slug, "pk": seat.pk})
        items.append(HandoverItem(key=str(seat.pk), label=seat.title, detail=" · ".join(parts),
                                  url=url))  # fmt: skip
    return items


def hand_over_seats(
    membership: Membership, actor: Membership, handover: Handover
) -> OffboardingStepResult:
    """Empty every seat the person holds, then give each to its new holder, if one was picked.

    Runs inside `membership_offboard` (which checked `members.offboard`, the same roles as
    `org.manage`); filling goes through `seat_fill`, so the history and audit are the usual.
    """
    from keel.org.services import seat_fill, seats_vacate_for_offboarding

    seats = seats_vacate_for_offboarding(actor=actor, membership=membership)
    result = OffboardingStepResult(count=len(seats))
    empty = []
    for seat in seats:
        label = seat.title
        carries = _carries(seat)
        if carries:
            label = f"{seat.title} ({carries})"
        result.items.append(label)
        receiver = handover.get(str(seat.pk))
        if receiver is not None:
            seat_fill(actor=actor, seat=seat, membership=receiver)
            result.moves.append(Move(label, MoveKind.SEAT_FILLED, receiver.user.display_name))
        else:
            empty.append((seat, label))
    doers = seat_assignees([seat for seat, _label in empty])
    for seat, label in empty:
        result.moves.append(Move(label, MoveKind.SEAT_EMPTY, doers[seat.pk].user.display_name))
    if seats:
        result.url = reverse("org_seats", kwargs={"ws": membership.workspace.slug})
    return result
