"""Who runs and who attends a meeting series *now* (seats resolve to their holder today).

- organiser: `series.organizer`, or whoever does `organizer_seat`'s work now
  (keel.org.resolution.seat_assignee: the holder, else up the chart, else the owner);
- a 1:1's other person: `report_member`, or the holder of `report_seat`; an empty seat means
  nobody, and the 1:1 is *paused* (no meetings prepared) until the seat is filled;
- attendee rows: a member, a group's members, a seat's holder (an empty seat adds nobody).
Offboarded members never attend.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from keel.accounts.models import GroupMembership
from keel.core.models import Membership, Role
from keel.core.permissions import has_perm
from keel.feedback.models import Attendee, MeetingKind, MeetingSeries
from keel.org.resolution import seat_assignee

if TYPE_CHECKING:
    from collections.abc import Iterable


def organizer_of(series: MeetingSeries) -> Membership | None:
    if series.organizer_seat_id is not None and series.organizer_seat is not None:
        return seat_assignee(series.organizer_seat)
    organizer = series.organizer
    if organizer is not None and organizer.is_active:
        return organizer
    return None


def organizers_of(series_list: Iterable[MeetingSeries]) -> dict[int, Membership | None]:
    """`{series.id: organiser now}` for many series, resolving their seats in one go."""
    from keel.org.resolution import seat_assignees

    series_list = list(series_list)
    seats = [s.organizer_seat for s in series_list if s.organizer_seat is not None]
    doers = seat_assignees(seats) if seats else {}
    found: dict[int, Membership | None] = {}
    for series in series_list:
        if series.organizer_seat_id is not None:
            found[series.pk] = doers.get(series.organizer_seat_id)
        else:
            organizer = series.organizer
            found[series.pk] = organizer if organizer is not None and organizer.is_active else None
    return found


def report_of(series: MeetingSeries) -> Membership | None:
    """A 1:1's other person now (None: nobody, or not a 1:1)."""
    if series.kind != MeetingKind.ONE_ON_ONE:
        return None
    if series.report_seat_id is not None:
        seat = series.report_seat
        holder = seat.holder if seat is not None else None
        return holder if holder is not None and holder.is_active else None
    member = series.report_member
    return member if member is not None and member.is_active else None


def is_paused(series: MeetingSeries) -> bool:
    """A 1:1 whose other person is an empty seat (or who left) does not meet."""
    return series.kind == MeetingKind.ONE_ON_ONE and report_of(series) is None


def _ordered(members: Iterable[Membership]) -> list[Membership]:
    unique = {m.pk: m for m in members if m.is_active}
    return sorted(unique.values(), key=lambda m: (m.user.display_name.lower(), m.pk))


def attendees_of(series: MeetingSeries) -> list[Membership]:
    """Everyone invited now: organiser first, then the others by name."""
    rows = list(
        Attendee.objects.filter(series=series).select_related(
            "membership__user", "membership__workspace", "seat__holder__user"
        )
    )
    people: list[Membership] = []
    group_ids = [row.group_id for row in rows if row.group_id is not None]
    for row in rows:
        if row.membership is not None:
            people.append(row.membership)
        elif row.seat is not None and row.seat.holder is not None:
            people.append(row.seat.holder)
    if group_ids:
        people.extend(
            gm.membership
            for gm in GroupMembership.objects.filter(group_id__in=group_ids).select_related(
                "membership__user", "membership__workspace"
            )
        )
    report = report_of(series)
    if report is not None:
        people.append(report)
    organizer = organizer_of(series)
    others = [m for m in _ordered(people) if organizer is None or m.pk != organizer.pk]
    return ([organizer] if organizer is not None else []) + others


def attendee_ids(series: MeetingSeries) -> set[int]:
    return {m.pk for m in attendees_of(series)}


def is_organizer(member: Membership, series: MeetingSeries) -> bool:
    organizer = organizer_of(series)
    return organizer is not None and organizer.pk == member.pk


def _staff_override(member: Membership, series: MeetingSeries) -> bool:
    """Managers and up run every meeting, except a 1:1: that is the two people's own
    conversation, which only the owners may open besides them."""
    if series.kind == MeetingKind.ONE_ON_ONE:
        return member.role == Role.OWNER
    return has_perm(member, "feedback.meetings_manage")


def may_manage(member: Membership, series: MeetingSeries) -> bool:
    """Edit or stop the series, delete anyone's agenda item: the organiser, managers and up."""
    if member.workspace_id != series.workspace_id or not member.is_active:
        return False
    return is_organizer(member, series) or _staff_override(member, series)


def may_take_part(member: Membership, series: MeetingSeries) -> bool:
    """See the meetings, add agenda items, write notes: attendees, the organiser, managers+."""
    if member.workspace_id != series.workspace_id or not member.is_active:
        return False
    if _staff_override(member, series) or is_organizer(member, series):
        return True
    return member.pk in attendee_ids(series)


def series_of(
    member: Membership, *, include_stopped: bool = False, related: bool = True
) -> list[MeetingSeries]:
    """The series `member` runs or attends now, in a fixed number of queries (for lists, the
    home block and the calendar feed). A paused 1:1 stays listed. `related=False` loads no
    users, only what `is_paused` reads, for readers of the series' own fields (the home
    block: the joins to the users were a third of its time)."""
    from django.db.models import Q

    ws_id = member.workspace_id
    qs = MeetingSeries.objects.filter(workspace_id=ws_id)
    if not include_stopped:
        qs = qs.filter(stopped_at__isnull=True)
    if related:
        qs = qs.select_related(
            "organizer__user",
            "organizer_seat",
            "report_member__user",
            "report_seat__holder__user",
            "workspace",
        )
    else:  # what `is_paused` and the seated organisers below read
        qs = qs.select_related("organizer_seat", "report_member", "report_seat__holder")
    if not member.is_active:
        return []
    groups = GroupMembership.objects.filter(membership=member).values("group_id")
    attending = Attendee.objects.filter(
        Q(membership=member) | Q(group_id__in=groups) | Q(seat__holder=member)
    ).values("series_id")
    direct = qs.filter(
        Q(organizer=member)
        | Q(report_member=member, kind=MeetingKind.ONE_ON_ONE)
        | Q(report_seat__holder=member, kind=MeetingKind.ONE_ON_ONE)
        | Q(pk__in=attending)
    )
    found = {s.pk: s for s in direct}
    seated = [s for s in qs.filter(organizer_seat__isnull=False) if s.pk not in found]
    if seated:
        from keel.org.resolution import seat_assignees

        doers = seat_assignees([s.organizer_seat for s in seated if s.organizer_seat])
        for series in seated:
            doer = doers.get(series.organizer_seat_id or 0)
            if doer is not None and doer.pk == member.pk:
                found[series.pk] = series
    return sorted(found.values(), key=lambda s: (s.title.lower(), s.pk))
