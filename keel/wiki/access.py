"""Who may read, edit or manage a wiki space or page: the one place these rules live.

- Owners and admins manage every space (they run the company's Keel; they could grant
  themselves access anyway, so hiding a space from them would only hide it from the audit).
- Every other *staff* member (manager, member) gets the space's `staff_level`.
- Grants add to that: a member, a group they belong to, a seat they hold, or a department in
  which they hold a seat — the highest level wins. Assistants and guests get grants only.
- A restricted page narrows its space for itself and its subtree: there, only the page's
  own grants count, capped by the space level; whoever manages the space keeps managing.
  Restrictions nest (each restricted ancestor narrows again).

Pages, views, the API, search and the review job all ask these functions; templates only hide.
A `Reader` is built once per request (three small queries) and reused for every check.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import F
from django.utils.translation import gettext as _

from keel.core.models import Membership, Role
from keel.wiki.models import LEVEL_RANK, Grant, Page, Space, SpaceKind, StaffLevel

ADMIN_ROLES = frozenset({Role.OWNER, Role.ADMIN})
STAFF_ROLES = frozenset({Role.OWNER, Role.ADMIN, Role.MANAGER, Role.MEMBER})
NONE, READ, EDIT, MANAGE = "none", "read", "edit", "manage"


@dataclass
class Reader:
    membership: Membership
    group_ids: frozenset[int] = frozenset()
    seat_ids: frozenset[int] = frozenset()
    department_ids: frozenset[int] = frozenset()
    # page id → (parent id, restricted), per space, loaded when a page check needs it
    _trees: dict[int, dict[int, tuple[int | None, bool]]] = field(default_factory=dict)

    @property
    def is_admin(self) -> bool:
        return self.membership.role in ADMIN_ROLES and self.membership.is_active

    @property
    def is_staff(self) -> bool:
        return self.membership.role in STAFF_ROLES and self.membership.is_active

    def matches(self, grant: Grant) -> bool:
        return (
            grant.membership_id == self.membership.pk
            or (grant.group_id is not None and grant.group_id in self.group_ids)
            or (grant.seat_id is not None and grant.seat_id in self.seat_ids)
            or (grant.department_id is not None and grant.department_id in self.department_ids)
        )


def reader_for(membership: Membership) -> Reader:
    """The member's groups, seats and seat departments, cached on the membership object."""
    cached = getattr(membership, "_wiki_reader", None)
    if cached is not None:
        return cached
    from keel.accounts.models import GroupMembership
    from keel.org.models import Seat

    groups = GroupMembership.objects.filter(membership=membership).values_list(
        "group_id", flat=True
    )
    seats = list(
        Seat.objects.filter(workspace_id=membership.workspace_id, holder=membership).values_list(
            "pk", "department_id"
        )
    )
    reader = Reader(
        membership=membership,
        group_ids=frozenset(groups),
        seat_ids=frozenset(pk for pk, _dept in seats),
        department_ids=frozenset(dept for _pk, dept in seats if dept is not None),
    )
    membership._wiki_reader = reader  # type: ignore[attr-defined]
    return reader


def _max(levels: Iterable[str]) -> str:
    return max(levels, key=lambda level: LEVEL_RANK[level], default=NONE)


def _min(a: str, b: str) -> str:
    return a if LEVEL_RANK[a] <= LEVEL_RANK[b] else b


def space_levels(reader: Reader, spaces: Iterable[Space]) -> dict[int, str]:
    """{space id: level} for the reader, in one query for the grants of all of them."""
    spaces = list(spaces)
    if not reader.membership.is_active:
        return {s.pk: NONE for s in spaces}
    if reader.is_admin:
        return {s.pk: MANAGE for s in spaces}
    grants: dict[int, list[str]] = {}
    rows = Grant.objects.filter(space_id__in=[s.pk for s in spaces], page__isnull=True).only(
        "space_id", "level", "membership_id", "group_id", "seat_id", "department_id"
    )
    for grant in rows:
        if reader.matches(grant):
            grants.setdefault(grant.space_id, []).append(grant.level)
    result = {}
    for space in spaces:
        levels = list(grants.get(space.pk, []))
        if reader.is_staff:
            levels.append(space.staff_level)
        result[space.pk] = _max(levels)
    return result


def space_level(reader: Reader, space: Space) -> str:
    return space_levels(reader, [space])[space.pk]


def page_tree(reader: Reader, space_id: int) -> dict[int, tuple[int | None, bool]]:
    """page id → (parent id, restricted) for one space, loaded once per reader (one query)."""
    tree = reader._trees.get(space_id)
    if tree is None:
        rows = Page.objects.filter(space_id=space_id).values_list("pk", "parent_id", "restricted")
        tree = {pk: (parent, restricted) for pk, parent, restricted in rows}
        reader._trees[space_id] = tree
    return tree


def restricted_chain(reader: Reader, page: Page) -> list[int]:
    """The restricted pages from `page` up to the root (nearest first)."""
    tree = page_tree(reader, page.space_id)
    chain: list[int] = []
    current: int | None = page.pk
    seen: set[int] = set()
    while current is not None and current not in seen:
        seen.add(current)
        parent, restricted = tree.get(current, (None, False))
        if current == page.pk:
            restricted = page.restricted  # the object in hand may be newer than the tree
        if restricted:
            chain.append(current)
        current = parent
    return chain


def page_levels(reader: Reader, pages: Iterable[Page], space_level_: str) -> dict[int, str]:
    """{page id: level} for pages of ONE space whose space level is known."""
    pages = list(pages)
    if space_level_ in (NONE, MANAGE):
        return {p.pk: space_level_ for p in pages}
    chains = {p.pk: restricted_chain(reader, p) for p in pages}
    restricted_ids = {pk for chain in chains.values() for pk in chain}
    granted: dict[int, list[str]] = {}
    if restricted_ids:
        rows = Grant.objects.filter(page_id__in=restricted_ids).only(
            "page_id", "level", "membership_id", "group_id", "seat_id", "department_id"
        )
        for grant in rows:
            if reader.matches(grant):
                assert grant.page_id is not None
                granted.setdefault(grant.page_id, []).append(grant.level)
    result = {}
    for page in pages:
        level = space_level_
        for restricted in chains[page.pk]:
            level = _min(level, _max(granted.get(restricted, [])))
        result[page.pk] = level
    return result


def page_level(reader: Reader, page: Page) -> str:
    return page_levels(reader, [page], space_level(reader, page.space))[page.pk]


def can(level: str, needed: str) -> bool:
    return LEVEL_RANK[level] >= LEVEL_RANK[needed]


def require_space(membership: Membership, space: Space, needed: str) -> None:
    if not can(space_level(reader_for(membership), space), needed):
        raise PermissionDenied(_("You do not have access to this space."))


def require_page(membership: Membership, page: Page, needed: str) -> None:
    if not can(page_level(reader_for(membership), page), needed):
        raise PermissionDenied(_("You do not have access to this page."))


def page_scope(page: Page, tree: dict[int, tuple[int | None, bool]]) -> str:
    """The search scope of a page: its nearest restricted ancestor-or-self, else its space."""
    current: int | None = page.pk
    seen: set[int] = set()
    while current is not None and current not in seen:
        seen.add(current)
        parent, restricted = tree.get(current, (None, False))
        if restricted:
            return f"page:{current}"
        current = parent
    return f"space:{page.space_id}"


def _restricted_grants(
    reader: Reader, space_ids: list[int]
) -> dict[int, tuple[int, dict[int, list[str]]]]:
    """{restricted page: (space, {each restricted page from it up to the root: the reader's
    levels granted on it})} for the restricted pages of `space_ids`, in one query however
    many pages and spaces there are: a recursive walk up from each restricted page, joined
    with only the reader's own grants (a member, their groups, seats, departments)."""
    if not space_ids:
        return {}
    page, grant = Page._meta.db_table, Grant._meta.db_table
    params: list[int] = [*space_ids, reader.membership.pk]
    mine = ["g.membership_id = %s"]
    for column, ids in (("group_id", reader.group_ids), ("seat_id", reader.seat_ids),
                        ("department_id", reader.department_ids)):  # fmt: skip
        if ids:
            mine.append(f"g.{column} IN ({', '.join(['%s'] * len(ids))})")
            params += sorted(ids)
    # UNION (not UNION ALL) ends the walk even on a damaged tree with a loop.
    sql = (
        "WITH RECURSIVE up(start, space, node, parent, restricted) AS ("  # noqa: S608 - our names
        f" SELECT id, space_id, id, parent_id, restricted FROM {page}"
        f" WHERE restricted AND space_id IN ({', '.join(['%s'] * len(space_ids))})"
        " UNION SELECT up.start, up.space, p.id, p.parent_id, p.restricted FROM up"
        f" JOIN {page} p ON p.id = up.parent)"
        f" SELECT up.start, up.space, up.node, g.level FROM up LEFT JOIN {grant} g"
        f" ON g.page_id = up.node AND ({' OR '.join(mine)}) WHERE up.restricted"
    )
    out: dict[int, tuple[int, dict[int, list[str]]]] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for start, space_id, node, level in cursor.fetchall():
            levels = out.setdefault(start, (space_id, {}))[1].setdefault(node, [])
            if level is not None:
                levels.append(level)
    return out


CAPS_CACHE_SECONDS = 60 * 60


def restricted_caps(reader: Reader, spaces: list[Space]) -> dict[int, tuple[int, str]]:
    """{restricted page of `spaces`: (its space, cap)}: the cap is the least, over the page
    and its restricted ancestors, of the reader's best grant on each (NONE when one of them
    grants the reader nothing).

    Search asks on every keystroke and the walk costs 5–12 ms on 20,000 pages, so the result
    is cached under everything it depends on: the reader (member, groups, seats,
    departments) and each space's `acl_version`, which signals.py raises whenever a page of
    the space is restricted, moved, deleted or given a grant. A change anywhere else
    (joining a group, taking a seat) changes the key itself."""
    if not spaces:
        return {}
    facts = (
        sorted(reader.group_ids), sorted(reader.seat_ids), sorted(reader.department_ids),
        sorted((s.pk, s.acl_version) for s in spaces),
    )  # fmt: skip
    digest = hashlib.blake2b(repr(facts).encode(), digest_size=16).hexdigest()
    key = f"wiki:caps:{reader.membership.workspace_id}:{reader.membership.pk}:{digest}"
    caps: dict[int, tuple[int, str]] | None = cache.get(key)
    if caps is None:
        caps = {}
        for pk, (space_id, chain) in _restricted_grants(reader, [s.pk for s in spaces]).items():
            cap = MANAGE
            for granted in chain.values():
                cap = _min(cap, _max(granted))
            caps[pk] = (space_id, cap)
        cache.set(key, caps, CAPS_CACHE_SECONDS)
    return caps


def restrictions_changed(*space_ids: int) -> None:
    """Retire the cached `restricted_caps` of these spaces (for every reader): services call
    it when they restrict, move or restore a page or change a page's grants."""
    Space.objects.filter(pk__in=space_ids).update(acl_version=F("acl_version") + 1)


def visible_scopes(membership: Membership) -> set[str]:
    """Every search scope the member may read: readable spaces and readable restricted pages.

    Three queries whatever the number of spaces and pages (search runs this on every
    keystroke): the spaces, their grants, and the restrictions (`restricted_caps`, from the
    cache while nothing changed). The rule is `page_levels`': the space level, capped by
    each restriction's grants; whoever manages the space opens every page in it.
    """
    reader = reader_for(membership)
    spaces = list(Space.objects.in_workspace(membership.workspace).filter(archived_at__isnull=True))
    levels = space_levels(reader, spaces)
    readable = [s for s in spaces if can(levels[s.pk], READ)]
    scopes = {f"space:{s.pk}" for s in readable}
    for pk, (space_id, cap) in restricted_caps(reader, readable).items():
        level = levels[space_id]
        if can(level if level == MANAGE else _min(level, cap), READ):
            scopes.add(f"page:{pk}")
    return scopes


def open_to_staff(page: Page) -> bool:
    """Whether every staff member may read `page`: its space is not a group's private one,
    staff have access to it, and neither the page nor a page above it is restricted. Only
    such pages are named in a team chat (notifications.chat_topics)."""
    space = page.space
    if space.kind == SpaceKind.PRIVATE or space.staff_level == StaffLevel.NONE:
        return False
    rows = Page.objects.filter(space_id=page.space_id).values_list("pk", "parent_id", "restricted")
    tree = {pk: (parent, restricted) for pk, parent, restricted in rows}
    current: int | None = page.pk
    seen: set[int] = set()
    while current is not None and current not in seen:
        seen.add(current)
        parent, restricted = tree.get(current, (None, False))
        if restricted or (current == page.pk and page.restricted):
            return False
        current = parent
    return True
