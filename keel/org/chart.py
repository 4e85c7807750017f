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
from typing import Any

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from keel.core.models import Workspace
from keel.org.layout import Layout, NodeSpec, layout_forest
from keel.org.models import Seat, SeatStatus

try:  # the org-core services own the threshold when they define it
    from keel.org.services import OVERLOAD_SEATS  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - depends on the other module's progress
    OVERLOAD_SEATS = 3  # a member holding more seats than this is flagged "overloaded"

BOX_WIDTH = 208.0
BOX_HEIGHT = 80.0
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
    layout: Layout
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
                node=self.nodes[pk], depth=p.depth, has_children=bool(p.children),
                collapsed=p.collapsed, hidden=p.hidden, closes=range(closes[pk]),
            )  # fmt: skip
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


def _initials(name: str) -> str:
    parts = name.split()
    if not parts:
        return "?"
    if len(parts) >= 2 and parts[0][0].isascii() and parts[-1][0].isascii():
        return (parts[0][0] + parts[-1][0]).upper()
    return parts[0][:2].upper() if parts[0].isascii() else parts[0][:1]


def _badges(seat: Seat, held: Counter[int]) -> list[Badge]:
    badges = []
    if seat.status == SeatStatus.OPEN:
        badges.append(Badge("open", _("Open"), "amber"))
    elif seat.status == SeatStatus.PLANNED:
        quarter = quarter_label(seat.planned_for) if seat.planned_for else ""
        label = _("Planned %(quarter)s") % {"quarter": quarter} if quarter else _("Planned")
        badges.append(Badge("planned", label.strip(), "grey"))
    if seat.holder_id is not None and held[seat.holder_id] > OVERLOAD_SEATS:
        badges.append(
            Badge("overloaded", _("Overloaded: %(n)s seats") % {"n": held[seat.holder_id]}, "red")
        )
    return badges


def _node(seat: Seat, held: Counter[int], url_pattern: str) -> ChartNode:
    if seat.holder is not None:
        name = seat.holder.user.display_name
        initials = seat.holder.user.initials
        placeholder = False
    else:
        name = seat.placeholder_name or _("Open seat")
        initials = _initials(seat.placeholder_name) if seat.placeholder_name else "?"
        placeholder = True
    department = seat.department
    return ChartNode(
        id=seat.pk, title=seat.title, holder=name, is_placeholder=placeholder,
        initials=initials, colour=department.colour if department else 0,
        department=department.name if department else "", status=seat.status,
        badges=_badges(seat, held),
        url=url_pattern.replace(str(_SENTINEL_PK), str(seat.pk)) if url_pattern else "",
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
    seats = list(
        seats_qs.select_related("holder__user", "department").order_by("position", "pk")
    )
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
    for seat in seats:
        node = _node(seat, held, url_pattern)
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


def _visible_parents(hidden_qs: Any, seats: list[Seat], visible: set[int]) -> dict[int, int | None]:
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
