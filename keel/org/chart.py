"""The org chart's data: the seats of one view (today, or the future as of a date) as a laid-out
tree of boxes with their labels and badges. The SVG, PDF and outline all draw from this.

One query loads the seats (with holder and department); a second runs only when a visible
seat reports to a hidden one (a planned manager in today's view), to find the nearest visible
ancestor. Neither grows with the number of seats.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from keel.accounts.models import User
from keel.core.models import Workspace
from keel.org.layout import Layout, NodeSpec, layout_forest
from keel.org.models import Seat, SeatStatus

try:  # the org-core services own the threshold when they define it
    from keel.org.services import OVERLOAD_SEATS  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - depends on the other module's progress
    OVERLOAD_SEATS = 3  # a member holding more seats than this is flagged "overloaded"

BOX_WIDTH = 208.0
BOX_HEIGHT = 92.0  # room for a title on two lines (chart_svg.split_title)
H_GAP = 20.0
V_GAP = 44.0

# URL names the seat page may have; the first that resolves wins (the page is org-core's).
SEAT_URL_NAMES = ("org_seat", "org_seat_detail", "seat_detail")
_SENTINEL_PK = 987654321


@dataclass(frozen=True, slots=True)
class Badge:
    kind: str  # "open", "planned", "overloaded"
    label: str
    tone: str  # a badge tone from UI.md: green, amber, red, blue, grey


@dataclass(slots=True)
class ChartNode:
    id: int
    title: str
    holder: str  # the holder's name, or the placeholder, or "Open seat"
    is_placeholder: bool
    initials: str
    colour: int  # department colour 1–8; 0 = no department
    department: str
    status: str
    badges: list[Badge]
    url: str
    parent_id: int | None = None  # the nearest visible manager

    @property
    def status_text(self) -> str:
        return ", ".join(b.label for b in self.badges) or str(SeatStatus(self.status).label)

    @property
    def label(self) -> str:
        """The accessible name: "Title — Holder (status)"."""
        return f"{self.title} — {self.holder} ({self.status_text})"

    @property
    def search_text(self) -> str:
        return f"{self.title} {self.holder} {self.department}".casefold()


@dataclass(slots=True)
class OutlineItem:
    node: ChartNode
    depth: int
    has_children: bool
    collapsed: bool
    hidden: int
    closes: range = field(default_factory=lambda: range(0))


@dataclass(slots=True)
class Chart:
    workspace: Workspace
    as_of: datetime.date | None  # None: today's chart
    nodes: dict[int, ChartNode]
    layout: Layout[int]
    collapsed: frozenset[int]
    counts: dict[str, int]

    @property
    def is_future(self) -> bool:
        return self.as_of is not None

    @property
    def is_empty(self) -> bool:
        return not self.nodes

    @property
    def title(self) -> str:
        if self.as_of is None:
            return _("Org chart of %(company)s — today") % {"company": self.workspace.name}
        return _("Org chart of %(company)s — as of %(date)s") % {
            "company": self.workspace.name,
            "date": self.as_of.isoformat(),
        }

    @property
    def description(self) -> str:
        return _(
            "%(total)s seats: %(filled)s filled, %(open)s open, %(planned)s planned. "
            "The outline below the chart lists the same seats as text."
        ) % {"total": len(self.nodes), **self.counts}

    def outline(self) -> list[OutlineItem]:
        """Pre-order items with how many nested lists close after each (for a nested <ul>)."""
        placed = self.layout.nodes
        last: dict[int, int] = {}
        for pk in reversed(list(placed)):
            kids = placed[pk].children
            last[pk] = last[kids[-1]] if kids else pk
        closes: Counter[int] = Counter(last[pk] for pk, p in placed.items() if p.children)
        return [
            OutlineItem(
                node=self.nodes[pk],
                depth=p.depth,
                has_children=bool(p.children),
                collapsed=p.collapsed,
                hidden=p.hidden,
                closes=range(closes[pk]),
            )
            for pk, p in placed.items()
        ]


def default_future_date(today: datetime.date) -> datetime.date:
    """The future view's default: the end of next year."""
    return datetime.date(today.year + 1, 12, 31)


def quarter_label(day: datetime.date) -> str:
    return _("Q%(quarter)s %(year)s") % {"quarter": (day.month - 1) // 3 + 1, "year": day.year}


def _seat_url_pattern(workspace: Workspace) -> str:
    """The seat page URL with a sentinel id to replace: one reverse() instead of one per box."""
    for name in SEAT_URL_NAMES:
        for kwarg in ("pk", "seat_id"):
            try:
                return reverse(name, kwargs={"ws": workspace.slug, kwarg: _SENTINEL_PK})
            except NoReverseMatch:
                continue
    return ""


def _initials(placeholder: str) -> str:
    """A placeholder's first letter ("Alex — to hire" → "A"): it names a role, not a person."""
    text = placeholder.strip()
    return text[:1].upper() if text else "?"


class _Row(NamedTuple):
    """The columns the chart needs: plain tuples, not model instances (3× faster at 300)."""

    pk: int
    title: str
    reports_to_id: int | None
    status: str
    planned_for: datetime.date | None
    placeholder_name: str
    holder_id: int | None
    holder_full_name: str | None
    holder_email: str | None
    department_name: str | None
    department_colour: int | None


_ROW_FIELDS = (
    "pk", "title", "reports_to_id", "status", "planned_for", "placeholder_name", "holder_id",
    "holder__user__full_name", "holder__user__email", "department__name", "department__colour",
)  # fmt: skip


def _badges(row: _Row, held: Counter[int]) -> list[Badge]:
    badges = []
    if row.status == SeatStatus.OPEN:
        badges.append(Badge("open", pgettext("seat", "Open"), "amber"))
    elif row.status == SeatStatus.PLANNED:
        if row.planned_for:
            label = _("Planned %(quarter)s") % {"quarter": quarter_label(row.planned_for)}
        else:
            label = _("Planned")
        badges.append(Badge("planned", label, "grey"))
    if row.holder_id is not None and held[row.holder_id] > OVERLOAD_SEATS:
        count = held[row.holder_id]
        badges.append(Badge("overloaded", _("Overloaded: %(n)s seats") % {"n": count}, "red"))
    return badges


def _node(row: _Row, held: Counter[int], url_pattern: str, people: dict[int, User]) -> ChartNode:
    if row.holder_id is not None:
        if row.holder_id not in people:
            # An unsaved User only to reuse accounts' display_name and initials rules.
            people[row.holder_id] = User(full_name=row.holder_full_name or "",
                                         email=row.holder_email or "")  # fmt: skip
        person = people[row.holder_id]
        name, initials, placeholder = person.display_name, person.initials, False
    else:
        if row.placeholder_name:
            name = row.placeholder_name
        elif row.status == SeatStatus.PLANNED:  # not hiring yet: "Open seat" would mislead
            name = _("Planned seat")
        else:
            name = _("Open seat")
        initials = _initials(row.placeholder_name) if row.placeholder_name else "?"
        placeholder = True
    return ChartNode(
        id=row.pk, title=row.title, holder=name, is_placeholder=placeholder,
        initials=initials, colour=row.department_colour or 0,
        department=row.department_name or "", status=row.status,
        badges=_badges(row, held),
        url=url_pattern.replace(str(_SENTINEL_PK), str(row.pk)) if url_pattern else "",
    )  # fmt: skip


def chart_for(
    *,
    workspace: Workspace,
    as_of: datetime.date | None,
    collapsed: Collection[int] = (),
) -> Chart:
    """The chart of today (filled + open seats) or, with `as_of`, the future chart on that day
    (plus the planned seats due by then). `collapsed` seat ids hide their branches."""
    seats_qs = Seat.objects.in_workspace(workspace)
    seats_qs = seats_qs.today() if as_of is None else seats_qs.as_of(as_of)
    rows = seats_qs.order_by("position", "pk").values_list(*_ROW_FIELDS)
    seats = [_Row(*values) for values in rows]
    visible = {s.pk for s in seats}
    # Everyone who holds a seat holds a filled one, and filled seats are in every view.
    held: Counter[int] = Counter(s.holder_id for s in seats if s.holder_id is not None)
    url_pattern = _seat_url_pattern(workspace)

    hidden_qs = Seat.objects.in_workspace(workspace).filter(status=SeatStatus.PLANNED)
    if as_of is not None:
        hidden_qs = hidden_qs.filter(planned_for__gt=as_of)
    parents = _visible_parents(hidden_qs, seats, visible)
    nodes: dict[int, ChartNode] = {}
    counts = {"filled": 0, "open": 0, "planned": 0}
    people: dict[int, User] = {}
    for seat in seats:
        node = _node(seat, held, url_pattern, people)
        node.parent_id = parents[seat.pk]
        nodes[seat.pk] = node
        counts[seat.status] = counts.get(seat.status, 0) + 1

    collapsed_ids = frozenset(pk for pk in collapsed if pk in visible)
    specs = [
        NodeSpec(pk, node.parent_id, BOX_WIDTH, BOX_HEIGHT, collapsed=pk in collapsed_ids)
        for pk, node in nodes.items()
    ]
    layout = layout_forest(specs, h_gap=H_GAP, v_gap=V_GAP, root_gap=2 * H_GAP)
    return Chart(
        workspace=workspace, as_of=as_of, nodes=nodes, layout=layout,
        collapsed=frozenset(pk for pk, p in layout.nodes.items() if p.collapsed),
        counts=counts,
    )  # fmt: skip


def _visible_parents(hidden_qs: Any, seats: list[_Row], visible: set[int]) -> dict[int, int | None]:
    """Each visible seat's nearest visible manager (None for a root)."""
    parents: dict[int, int | None] = {}
    hidden_manager = False
    for seat in seats:
        parents[seat.pk] = seat.reports_to_id
        if seat.reports_to_id is not None and seat.reports_to_id not in visible:
            hidden_manager = True
    if not hidden_manager:
        return parents
    # A manager outside the view (planned, or not due yet): climb past it in one query.
    above = dict(hidden_qs.values_list("pk", "reports_to_id"))
    for pk, parent in parents.items():
        seen: set[int] = set()
        while parent is not None and parent not in visible and parent not in seen:
            seen.add(parent)
            parent = above.get(parent)
        parents[pk] = parent if parent in visible else None
    return parents


def chart_has_seats(workspace: Workspace) -> bool:
    """Whether the workspace has any seat at all (for the empty state)."""
    return bool(Seat.objects.in_workspace(workspace).exists())
