"""Reads for the KPI pages: the monthly scorecard (company and teams), one KPI's history and
its year grid. Each is a fixed number of queries whatever the number of KPIs or months."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.http import Http404
from django.utils.translation import gettext as _

from keel.core.models import Membership, Workspace
from keel.kpis import figures
from keel.kpis.models import Kpi, KpiMonth, KpiQuerySet
from keel.org.models import Seat
from keel.org.resolution import seat_assignees

HISTORY_MONTHS = 24
HISTORY_WEEKS = 26  # a weekly KPI's page: half a year of weeks


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
    period: str = "monthly"

    @property
    def id(self) -> int:
        return self.pk

    @property
    def is_weekly(self) -> bool:
        return self.period == "weekly"


@dataclass
class ScoreRow:
    kpi: ScoreKpi
    owner: str
    cell: Cell
    previous: Cell
    pace_text: str  # the current month's projection, "" otherwise
    week_text: str = ""  # a weekly KPI's latest week: "This week: 312 of 350"


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
    "aggregation", "metric", "period", "department_id", "owner_seat_id", "owner_group_id",
    "owner_member_id",
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
    kpi.workspace = actor.workspace  # its week start and time zone, without a query
    return kpi


def _pace(
    kpi: Kpi | ScoreKpi, value: Any, month: date, today: date, weeks: list[date] | None
) -> Any:
    if weeks is not None:  # a weekly KPI: its month's weeks, or one week
        return figures.weeks_pace(value, how=kpi.aggregation, weeks=weeks, today=today)
    return figures.pace(value, how=kpi.aggregation, month=month, today=today)


def cell(
    kpi: Kpi | ScoreKpi,
    month: date,
    row: KpiMonth | MonthRow | None,
    today: date | None = None,
    weeks: list[date] | None = None,
) -> Cell:
    """The period's figures; with `today`, a summed KPI's current month is judged by its pace
    (half a month of sales is not "missed" against a whole month's target). `weeks`: a
    weekly KPI's cell — the weeks its pace runs over (the month's weeks, or the one week)."""
    target = row.target if row else None
    value = row.value if row else None
    judged = value
    pace = None
    if today is not None and kpi.aggregation == "sum":
        pace = _pace(kpi, value, month, today, weeks)
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
    "department_id", "period", "department__name", "owner_seat_id", "owner_group__name",
    "owner_member__user__full_name", "owner_member__user__email",
)  # fmt: skip


def _score_owners(workspace: Workspace, found: list[tuple[Any, ...]]) -> dict[int, str]:
    """owner_labels() for value rows: the seats' titles and their doers (seat_assignees),
    a group's name, a person's name."""
    seat_ids = {row[10] for row in found if row[10] is not None}
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
    kpi_list = [ScoreKpi(*row[:9]) for row in found]
    team_names = {row[7]: row[9] for row in found if row[7] is not None}
    previous = figures.add_months(month, -1)
    # One range: a monthly KPI has just its two first days in it, a weekly one its weeks
    # (and, for the current month, the week under way that started last month).
    months_found = (
        KpiMonth.objects.in_workspace(workspace)
        .filter(kpi_id__in=[k.pk for k in kpi_list], month__gte=previous,
                month__lt=figures.add_months(month, 1))
        .values_list("kpi_id", "month", "target", "value", "comment", "source")
    )  # fmt: skip
    rows: dict[tuple[int, date], MonthRow] = {}
    weekly: dict[int, dict[date, MonthRow]] = {k.pk: {} for k in kpi_list if k.is_weekly}
    first_weekday = workspace.first_weekday
    for kpi_id, m, target, value, comment, source in months_found:
        if kpi_id in weekly:
            if m.weekday() == first_weekday:  # figures.on_week_starts
                weekly[kpi_id][m] = MonthRow(target, value, comment, source)
        else:
            rows[(kpi_id, m)] = MonthRow(target, value, comment, source)
    weeks_now = figures.weeks_of_month(month, first_weekday)
    weeks_before = figures.weeks_of_month(previous, first_weekday)
    how = {k.pk: k.aggregation for k in kpi_list}
    for kpi_id, week_map in weekly.items():
        for m in (month, previous):
            rolled = rolled_month(month=m, weeks=week_map, how=how[kpi_id])
            if rolled is not None:
                rows[(kpi_id, m)] = rolled
    owners = _score_owners(workspace, found)
    sections: dict[str, ScoreSection] = {}
    for kpi in kpi_list:
        key = f"team-{kpi.department_id}" if kpi.department_id else "company"
        section = sections.get(key)
        if section is None:
            title = team_names[kpi.department_id] if kpi.department_id else _("Company")
            section = sections[key] = ScoreSection(key, title, [])
        weeks = weeks_now if kpi.is_weekly else None
        now = cell(kpi, month, rows.get((kpi.pk, month)), today, weeks=weeks)
        pace = _pace(kpi, now.value, month, today, weeks)
        section.rows.append(ScoreRow(
            kpi=kpi, owner=owners[kpi.pk], cell=now,
            previous=cell(kpi, previous, rows.get((kpi.pk, previous)),
                          weeks=weeks_before if kpi.is_weekly else None),
            pace_text=figures.display(pace, unit=kpi.unit, currency=kpi.currency)
            if pace is not None and kpi.aggregation == "sum" else "",
            week_text=latest_week_text(kpi, weekly[kpi.pk], month=month, today=today,
                                       first_weekday=first_weekday)
            if kpi.is_weekly else "",
        ))  # fmt: skip
    ordered = sorted(sections.values(), key=lambda s: (s.key != "company", s.title))
    this_month = figures.month_start(today)
    months = [figures.add_months(this_month, -n) for n in range(HISTORY_MONTHS)]
    return Scorecard(month=month, months=months, sections=ordered,
                     is_current=month == this_month)  # fmt: skip


def rolled_month(*, month: date, weeks: Mapping[date, MonthRow], how: str) -> MonthRow | None:
    """A weekly KPI's month from the weeks that start in it (docs/kpis.md, "Weekly KPIs"):
    target and value each made by the KPI's month's figure (`how`); the commentary is the
    latest week's that has one."""
    mine = {w: r for w, r in weeks.items() if figures.month_start(w) == month}
    if not mine:
        return None
    target, value = figures.roll_up({w: (r.target, r.value) for w, r in mine.items()},
                                    how)[month]  # fmt: skip
    comment = next((r.comment for _w, r in sorted(mine.items(), reverse=True) if r.comment), "")
    return MonthRow(target, value, comment, "")


def latest_week_text(
    kpi: Kpi | ScoreKpi, weeks: Mapping[date, MonthRow], *, month: date, today: date,
    first_weekday: int,
) -> str:  # fmt: skip
    """ "This week: 312 of 350" (the current month) or "Week from 7 Dec: …" (the month's last
    week that has started), "" when that week has nothing yet."""
    from django.utils.formats import date_format

    this_week = figures.week_start(today, first_weekday)
    if figures.month_start(today) == month:
        week = this_week
    else:
        started = [w for w in figures.weeks_of_month(month, first_weekday) if w <= this_week]
        if not started:
            return ""
        week = started[-1]
    row = weeks.get(week)
    if row is None or (row.value is None and row.target is None):
        return ""
    params = {"value": figures.display(row.value, unit=kpi.unit, currency=kpi.currency),
              "target": figures.display(row.target, unit=kpi.unit, currency=kpi.currency),
              "day": date_format(week, "MONTH_DAY_FORMAT")}  # fmt: skip
    if week == this_week:
        return _("This week: %(value)s of %(target)s") % params
    return _("Week from %(day)s: %(value)s of %(target)s") % params


@dataclass
class KpiHistory:
    kpi: Kpi | ScoreKpi
    owner: str
    cells: list[Cell]  # oldest first
    pace: object  # the current month's (or week's) projection (Decimal) or None
    pace_text: str
    first_weekday: int | None = None  # a weekly KPI's history: cells are weeks


def kpi_history(*, kpi: Kpi, today: date, months: int = HISTORY_MONTHS) -> KpiHistory:
    """The last `months` months of one KPI (two queries with the owner); for a weekly KPI
    its last HISTORY_WEEKS weeks."""
    if kpi.is_weekly:
        return week_history(kpi=kpi, today=today)
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


def week_history(*, kpi: Kpi, today: date, weeks: int = HISTORY_WEEKS) -> KpiHistory:
    """A weekly KPI's last `weeks` weeks, this week last (judged by its pace while it runs)."""
    first_weekday = kpi.workspace.first_weekday
    this_week = figures.week_start(today, first_weekday)
    wanted = [this_week - timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]
    rows = {r.month: r for r in KpiMonth.objects.filter(kpi=kpi, month__gte=wanted[0],
                                                         month__lte=this_week)}  # fmt: skip
    cells = [cell(kpi, w, rows.get(w), today, weeks=[w]) for w in wanted]
    pace = figures.weeks_pace(cells[-1].value, how=kpi.aggregation, weeks=[this_week],  # type: ignore[arg-type]
                              today=today)  # fmt: skip
    return KpiHistory(
        kpi=kpi, owner=owner_labels([kpi])[kpi.pk], cells=cells, pace=pace,
        pace_text=figures.display(pace, unit=kpi.unit, currency=kpi.currency)
        if pace is not None else "", first_weekday=first_weekday,
    )  # fmt: skip


def week_rows(*, kpi: Kpi, first: date, count: int) -> list[tuple[date, KpiMonth | None]]:
    """`count` weeks from `first` (a week's first day) with their rows (one query)."""
    wanted = [first + timedelta(weeks=n) for n in range(count)]
    rows = {r.month: r for r in KpiMonth.objects.filter(kpi=kpi, month__gte=wanted[0],
                                                         month__lte=wanted[-1])}  # fmt: skip
    return [(w, rows.get(w)) for w in wanted]
