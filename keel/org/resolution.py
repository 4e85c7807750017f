"""Who does a seat's work right now: the ONE resolution function every module must use.

Work in Keel (recurring tasks, SOPs, vault grants, KPI targets, milestones…) belongs to a
*seat*. Never copy the seat's holder onto those objects: ask `seat_assignee(seat)` (or
`seat_assignees(seats)` for a list) whenever you need the person. Then hiring, leaving and
re-organising move the work at once, with nothing to migrate:

1. the seat's holder, if the seat is held by an active member;
2. else the holder of the nearest seat above it (reports_to, then its reports_to, …) who is
   an active member — an empty seat's work goes back up the chart until it is filled;
3. else the workspace's first active owner (oldest membership) — somebody always answers.

An offboarded holder counts as nobody (the seat is treated as vacant even if the offboarding
hook has not emptied it yet).
"""

from __future__ import annotations

from collections.abc import Iterable

from keel.core.models import Membership, Role
from keel.org.models import Seat


def _tree(workspace_id: int) -> dict[int, tuple[int | None, int | None]]:
    """seat id → (reports_to id, holder id) for the whole workspace, in one query."""
    rows = Seat.objects.filter(workspace_id=workspace_id).values_list(
        "id", "reports_to_id", "holder_id"
    )
    return {pk: (parent, holder) for pk, parent, holder in rows}


def _active_holder_ids(
    workspace_id: int, tree: dict[int, tuple[int | None, int | None]]
) -> set[int]:
    """Ids of the active members among the seats' holders in `tree`, in one narrow query.

    Ids, not model instances: at 300 seats, building every holder with their user cost
    30 ms on each call, and callers need the few people they resolve to (`_members`).
    """
    held = {holder for _, holder in tree.values() if holder is not None}
    if not held:
        return set()
    return set(
        Membership.objects.filter(
            workspace_id=workspace_id, offboarded_at__isnull=True, pk__in=held
        ).values_list("pk", flat=True)
    )


def _members(ids: Iterable[int]) -> dict[int, Membership]:
    """The members with these ids, users loaded, in one query (none for no ids)."""
    wanted = set(ids)
    if not wanted:
        return {}
    return Membership.objects.filter(pk__in=wanted).select_related("user", "workspace").in_bulk()


def workspace_fallback(workspace_id: int) -> Membership:
    """The workspace's first active owner: who answers when no seat up the chart is held.

    A workspace always has an active owner (accounts refuses to remove the last one).
    """
    owner = (
        Membership.objects.filter(
            workspace_id=workspace_id, role=Role.OWNER, offboarded_at__isnull=True
        )
        .select_related("user", "workspace")
        .order_by("created_at", "pk")
        .first()
    )
    if owner is None:  # pragma: no cover - accounts keeps at least one owner
        raise Membership.DoesNotExist(f"Workspace {workspace_id} has no active owner.")
    return owner


def seat_assignees(seats: Iterable[Seat]) -> dict[int, Membership]:
    """`{seat.id: Membership}` for seats of one workspace, in at most four queries.

    The seat tree and the active holders' ids are loaded once, whatever the number of seats,
    then only the members the seats resolve to; the owner only when some seat resolves to
    nobody.
    """
    seats = list(seats)
    if not seats:
        return {}
    workspace_id = seats[0].workspace_id
    if any(s.workspace_id != workspace_id for s in seats):
        raise ValueError("seat_assignees() takes seats of one workspace.")
    tree = _tree(workspace_id)
    active = _active_holder_ids(workspace_id, tree)
    doer_ids: dict[int, int | None] = {}
    for seat in seats:
        found: int | None = None
        current: int | None = seat.pk
        seen: set[int] = set()
        while current is not None and current not in seen:  # `seen`: never loop on bad data
            seen.add(current)
            parent, holder_id = tree.get(current, (None, None))
            if holder_id is not None and holder_id in active:
                found = holder_id
                break
            current = parent
        doer_ids[seat.pk] = found
    members = _members(pk for pk in doer_ids.values() if pk is not None)
    fallback: Membership | None = None
    result: dict[int, Membership] = {}
    for seat_id, doer_id in doer_ids.items():
        member = members.get(doer_id) if doer_id is not None else None
        if member is None:
            if fallback is None:
                fallback = workspace_fallback(workspace_id)
            member = fallback
        result[seat_id] = member
    return result


def seat_assignee(seat: Seat) -> Membership:
    """The member who does `seat`'s work now (see the module docstring for the rule)."""
    return seat_assignees([seat])[seat.pk]


def successor_of(membership: Membership) -> Membership | None:
    """Who takes over `membership`'s own work when they leave: the seat above's doer.

    From the first seat they hold (chart order), walk up the chart to the nearest seat held
    by another active member. None when they hold no seat or nobody above them is found
    (offboarding then proposes the person doing it).
    """
    seats = list(
        Seat.objects.filter(workspace_id=membership.workspace_id, holder=membership).order_by(
            "position", "id"
        )
    )
    if not seats:
        return None
    tree = _tree(membership.workspace_id)
    active = _active_holder_ids(membership.workspace_id, tree) - {membership.pk}
    for seat in seats:
        current, seen = seat.reports_to_id, {seat.pk}
        while current is not None and current not in seen:
            seen.add(current)
            parent, holder_id = tree.get(current, (None, None))
            if holder_id is not None and holder_id in active:
                return _members([holder_id]).get(holder_id)
            current = parent
    return None


def manager_chain_ids(membership: Membership) -> list[int]:
    """Membership ids of the people above `membership` on the chart, nearest first: the
    holders of the seats each of their seats reports to, walking up to the top, active ones
    only. Ids alone (two narrow queries, one when they hold no seat): the privacy checks
    ask this on every feedback page, and loading the workspace's holders as model
    instances cost 30 ms at 300 seats.

    Someone who holds no seat, or whose seats report to nobody held, has an empty chain:
    only the owners stand above them (callers add the owners where the rule says so).
    """
    workspace_id = membership.workspace_id
    tree = _tree(workspace_id)
    own = [pk for pk, (_, holder) in tree.items() if holder == membership.pk]
    if not own:
        return []
    active = _active_holder_ids(workspace_id, tree)
    chain: list[int] = []
    seen_people = {membership.pk}
    for seat_id in own:
        current, seen = tree[seat_id][0], {seat_id}
        while current is not None and current not in seen:
            seen.add(current)
            parent, holder_id = tree.get(current, (None, None))
            if holder_id is not None and holder_id in active and holder_id not in seen_people:
                seen_people.add(holder_id)
                chain.append(holder_id)
            current = parent
    return chain


def manager_chain(membership: Membership) -> list[Membership]:
    """The people above `membership` on the chart, nearest first (see `manager_chain_ids`),
    with their users: one more query, for the chain's few members only."""
    ids = manager_chain_ids(membership)
    if not ids:
        return []
    found = _members(ids)
    return [found[pk] for pk in ids if pk in found]


def people_below(membership: Membership) -> set[int]:
    """Membership ids of everyone who holds a seat below one of `membership`'s seats, at any
    depth (one query): the people whose manager chain includes `membership`."""
    tree = _tree(membership.workspace_id)
    children: dict[int, list[int]] = {}
    for pk, (parent, _) in tree.items():
        if parent is not None:
            children.setdefault(parent, []).append(pk)
    stack = [pk for pk, (_, holder) in tree.items() if holder == membership.pk]
    seen: set[int] = set(stack)
    below: set[int] = set()
    while stack:
        for child in children.get(stack.pop(), []):
            if child in seen:
                continue
            seen.add(child)
            stack.append(child)
            holder = tree[child][1]
            if holder is not None and holder != membership.pk:
                below.add(holder)
    return below
