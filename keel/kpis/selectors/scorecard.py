"""Reads for the KPI pages: the monthly scorecard (company and teams), one KPI's history and
its year grid. Each is a fixed number of queries whatever the number of KPIs or months."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.http import Http404
from django.utils.translation import gettext as _

from keel.core.models import Membership, Workspace
from keel.kpis import figures
from keel.kpis.models import Kpi, KpiMonth, KpiQuerySet
from keel.org.models import Seat
from keel.org.resolution import seat_assignees

HISTORY_MONTHS = 24


@dataclass
class Cell:
    """One KPI in one month, ready to show."""

    month: date
    target: object  # Decimal | None
    value: object
    comment: str
    status: str | None
    value_text: str
    target_text: str
    share: int | None  # value as % of target
    source: str
    by_pace: bool = False  # a summed KPI's current month: judged by where it is heading


@dataclass(slots=True)
class ScoreKpi:
    """What the scorecard reads of a KPI: plain values, not a model instance with its team
    and owner joined — for 200 KPIs the instances cost more than the rest of the page. It
    answers to the attributes `cell()` and the charts read (pk, unit, direction, …)."""

    pk: int
    name: str
    unit: str
    currency: str
    direction: str
    aggregation: str
    amber_margin: int
    department_id: int | None

    @property
    def id(self) -> int:
        return self.pk


@dataclass
class ScoreRow:
    kpi: ScoreKpi
    owner: str
    cell: Cell
    previous: Cell
    pace_text: str  # the current month's projection, "" otherwise


@dataclass
class ScoreSection:
    key: str  # "company" or "team-<id>"
    title: str
    rows: list[ScoreRow]

    @property
    def missed(self) -> int:
        return sum(1 for r in self.rows if r.cell.status == figures.RED)


@dataclass
class Scorecard:
    month: date
    months: list[date]  # the months one may pick, newest first
    sections: list[ScoreSection]
    is_current: bool

    @property
    def counts(self) -> dict[str, int]:
        out = {figures.GREEN: 0, figures.AMBER: 0, figures.RED: 0, "none": 0}
        for section in self.sections:
            for row in section.rows:
                out[row.cell.status or "none"] += 1
        return out


# What the scorecard and a KPI's page read of a KPI and its owner: 200 KPIs with every
# column of five joined models (dates converted, instances built) cost more than the rest.
KPI_FIELDS = (
    "workspace_id", "updated_at", "name", "description", "unit", "currency", "direction",
    "aggregation", "metric", "department_id", "owner_seat_id", "owner_group_id", "owner_member_id",
    "amber_margin", "position", "archived_at", "department__name", "owner_seat__title",
    "owner_seat__workspace_id", "owner_group__name", "owner_member__user__full_name",
    "owner_member__user__email",
)  # fmt: skip


@dataclass(frozen=True)
class MonthRow:
    """A KpiMonth's figures, read as values (no model instance per month)."""

    target: Any
    value: Any
    comment: str
    source: str


def kpis_of(workspace: Workspace) -> KpiQuerySet:
    return (
        Kpi.objects.in_workspace(workspace)
        .select_related("department", "owner_seat", "owner_group", "owner_member__user")
        .only(*KPI_FIELDS)
    )


def get_kpi_for(actor: Membership, kpi_id: int) -> Kpi:
    """A KPI of the actor's workspace (archived too), else 404: another workspace's id and a
    made-up one look alike."""
    kpi = kpis_of(actor.workspace).filter(pk=kpi_id).first()
    if kpi is None:
        raise Http404
    return kpi


def cell(
    kpi: Kpi | ScoreKpi, month: date, row: KpiMonth | MonthRow | None, today: date | None = None
) -> Cell:
    """The month's figures; with `today`, a summed KPI's current month is judged by its pace
    (half a month of sales is not "missed" against a whole month's target)."""
    target = row.target if row else None
    value = row.value if row else None
    judged = value
    pace = None
    if today is not None and kpi.aggregation == "sum":
        pace = figures.pace(value, how=kpi.aggregation, month=month, today=today)
        judged = pace if pace is not None else value
    return Cell(
        month=month, target=target, value=value, comment=row.comment if row else "",
        status=figures.status(judged, target, direction=kpi.direction, margin=kpi.amber_margin),
        value_text=figures.display(value, unit=kpi.unit, currency=kpi.currency),
        target_text=figures.display(target, unit=kpi.unit, currency=kpi.currency),
        share=figures.progress_share(judged, target), source=row.source if row else "",
        by_pace=pace is not None,
    )  # fmt: skip


def owner_labels(kpis: list[Kpi]) -> dict[int, str]:
    """Who answers for each KPI, as the scorecard says it: "Seat (holder)", a group, a name."""
    doers = seat_assignees([k.owner_seat for k in kpis if k.owner_seat is not None])
    labels = {}
    for kpi in kpis:
        if kpi.owner_seat is not None:
            doer = doers.get(kpi.owner_seat.pk)
            name = doer.user.display_name if doer is not None else ""
            labels[kpi.pk] = f"{kpi.owner_seat.title} ({name})" if name else kpi.owner_seat.title
        elif kpi.owner_group is not None:
            labels[kpi.pk] = kpi.owner_group.name
        elif kpi.owner_member is not None:
            labels[kpi.pk] = kpi.owner_member.user.display_name
        else:
            labels[kpi.pk] = ""
    return labels


SCORE_FIELDS = (
    "id", "name", "unit", "currency", "direction", "aggregation", "amber_margin",
    "department_id", "department__name", "owner_seat_id", "owner_group__name",
    "owner_member__user__full_name", "owner_member__user__email",
)  # fmt: skip


def _score_owners(workspace: Workspace, found: list[tuple[Any, ...]]) -> dict[int, str]:
    """owner_labels() for value rows: the seats' titles and their doers (seat_assignees),
    a group's name, a person's name."""
    seat_ids = {row[9] for row in found if row[9] is not None}
    seats = list(Seat.objects.filter(workspace=workspace, pk__in=seat_ids)
                 .only("id", "workspace_id", "title"))  # fmt: skip
    titles = {seat.pk: seat.title for seat in seats}
    doers = seat_assignees(seats)
    labels = {}
    for pk, *_fields, seat_id, group_name, full_name, email in found:
        if seat_id is not None:
            doer = doers.get(seat_id)
            name = doer.user.display_name if doer is not None else ""
            title = titles.get(seat_id, "")
            labels[pk] = f"{title} ({name})" if name else title
        elif group_name is not None:
            labels[pk] = group_name
        elif email is not None:
            labels[pk] = full_name or email.split("@")[0]  # User.display_name
        else:
            labels[pk] = ""
    return labels


def scorecard(
    *, workspace: Workspace, month: date, today: date, department_id: int | None = None
) -> Scorecard:
    """The month's scorecard: the company's KPIs, then each team's (or one team's)."""
    kpis = Kpi.objects.in_workspace(workspace).active().order_by("position", "id")
    if department_id is not None:
        kpis = kpis.filter(department_id=department_id)
    found = list(kpis.values_list(*SCORE_FIELDS))
    kpi_list = [ScoreKpi(*row[:8]) for row in found]
    team_names = {row[7]: row[8] for row in found if row[7] is not None}
    previous = figures.add_months(month, -1)
    months_found = (
        KpiMonth.objects.in_workspace(workspace)
        .filter(kpi_id__in=[k.pk for k in kpi_list], month__in=[month, previous])
        .values_list("kpi_id", "month", "target", "value", "comment", "source")
    )
    rows = {
        (kpi_id, m): MonthRow(target, value, comment, source)
        for kpi_id, m, target, value, comment, source in months_found
    }
    owners = _score_owners(workspace, found)
    sections: dict[str, ScoreSection] = {}
    for kpi in kpi_list:
        key = f"team-{kpi.department_id}" if kpi.department_id else "company"
        section = sections.get(key)
        if section is None:
            title = team_names[kpi.department_id] if kpi.department_id else _("Company")
            section = sections[key] = ScoreSection(key, title, [])
        now = cell(kpi, month, rows.get((kpi.pk, month)), today)
        pace = figures.pace(now.value, how=kpi.aggregation, month=month, today=today)  # type: ignore[arg-type]
        section.rows.append(ScoreRow(
            kpi=kpi, owner=owners[kpi.pk], cell=now,
            previous=cell(kpi, previous, rows.get((kpi.pk, previous))),
            pace_text=figures.display(pace, unit=kpi.unit, currency=kpi.currency)
            if pace is not None and kpi.aggregation == "sum" else "",
        ))  # fmt: skip
    ordered = sorted(sections.values(), key=lambda s: (s.key != "company", s.title))
    this_month = figures.month_start(today)
    months = [figures.add_months(this_month, -n) for n in range(HISTORY_MONTHS)]
    return Scorecard(month=month, months=months, sections=ordered,
                     is_current=month == this_month)  # fmt: skip


@dataclass
class KpiHistory:
    kpi: Kpi | ScoreKpi
    owner: str
    cells: list[Cell]  # oldest first
    pace: object  # the current month's projection (Decimal) or None
    pace_text: str


def kpi_history(*, kpi: Kpi, today: date, months: int = HISTORY_MONTHS) -> KpiHistory:
    """The last `months` months of one KPI (two queries with the owner)."""
    this_month = figures.month_start(today)
    wanted = [figures.add_months(this_month, -n) for n in range(months - 1, -1, -1)]
    rows = {r.month: r for r in KpiMonth.objects.filter(kpi=kpi, month__gte=wanted[0],
                                                         month__lte=this_month)}  # fmt: skip
    cells = [cell(kpi, m, rows.get(m), today) for m in wanted]
    pace = figures.pace(cells[-1].value, how=kpi.aggregation, month=this_month, today=today)  # type: ignore[arg-type]
    return KpiHistory(
        kpi=kpi, owner=owner_labels([kpi])[kpi.pk], cells=cells, pace=pace,
        pace_text=figures.display(pace, unit=kpi.unit, currency=kpi.currency)
        if pace is not None else "",
    )  # fmt: skip


def year_months(*, kpi: Kpi, year: int) -> list[tuple[date, KpiMonth | None]]:
    """The twelve months of `year` with their rows (one query)."""
    rows = {r.month: r for r in KpiMonth.objects.filter(kpi=kpi, month__year=year)}
    return [(date(year, m, 1), rows.get(date(year, m, 1))) for m in range(1, 13)]


def kpis_owned_by_seat(*, seat: Seat) -> list[Kpi]:
    return list(Kpi.objects.filter(owner_seat=seat).active().order_by("position", "id"))
