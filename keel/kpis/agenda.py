"""The KPIs that missed, on the monthly review's agenda (feedback's agenda feed, registered in
wiring.py).

"The monthly meeting" is a series of kind Monthly review (`MeetingKind.REVIEW`): the company's
review, so it gets every team's KPIs and the company's. What it gets: the KPIs whose status
was Missed (red: `figures.status`, beyond the amber margin) in the last complete month before
the meeting — for a review on 5 December, November. Until that month is over (a review
prepared on 28 November) nothing is pulled; the hourly preparation job pulls again, so the
items arrive on the 1st. An item stores the KPI's id and the month's figures as plain
numbers; `render` words them in the reader's language, and only for readers who may see KPIs.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from keel.core.permissions import has_perm
from keel.feedback.agenda_feeds import FeedItem, Shown
from keel.feedback.models import MeetingKind
from keel.kpis import figures
from keel.kpis.models import Direction, Kpi, KpiMonth

if TYPE_CHECKING:
    from keel.core.models import Membership
    from keel.feedback.models import AgendaItem, Meeting


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def review_month(meeting: Meeting, now: datetime) -> date | None:
    """The month a monthly review looks back on (the one before the meeting's month, on the
    series' calendar), or None while that month is not over yet or the series is not a
    monthly review."""
    series = meeting.series
    if series.kind != MeetingKind.REVIEW:
        return None
    zone = _zone(series.timezone)
    meeting_month = figures.month_start(meeting.starts_at.astimezone(zone).date())
    if now.astimezone(zone).date() < meeting_month:
        return None
    return figures.add_months(meeting_month, -1)


def missed_kpis(meeting: Meeting, now: datetime) -> list[FeedItem]:
    """The pull half: the workspace's active KPIs that missed in the review month (two
    queries), company KPIs first, then in the scorecard's order."""
    month = review_month(meeting, now)
    if month is None:
        return []
    kpis = list(
        Kpi.objects.filter(workspace_id=meeting.workspace_id)
        .active()
        .only("name", "direction", "amber_margin", "department_id", "position", "period",
              "aggregation")
        .order_by("position", "id")
    )  # fmt: skip
    # the month's row of a monthly KPI, the weeks starting in it of a weekly one
    found = KpiMonth.objects.filter(
        workspace_id=meeting.workspace_id, kpi_id__in=[k.pk for k in kpis], month__gte=month,
        month__lt=figures.add_months(month, 1),
    ).values_list("kpi_id", "month", "target", "value")  # fmt: skip
    periods: dict[int, dict[date, figures.Pair]] = {}
    for kpi_id, day, target, value in found:
        periods.setdefault(kpi_id, {})[day] = (target, value)
    how = {k.pk: k.aggregation for k in kpis}
    weekly = {k.pk for k in kpis if k.is_weekly}
    first_weekday = meeting.workspace.first_weekday
    rows = {
        kpi_id: figures.roll_up(
            figures.on_week_starts(weeks, first_weekday) if kpi_id in weekly else weeks, how[kpi_id]
        ).get(month, (None, None))
        for kpi_id, weeks in periods.items()
    }  # a monthly KPI's one row rolls up to itself (its first day is the month's)
    out = []
    for kpi in sorted(kpis, key=lambda k: k.department_id is not None):  # stable: company first
        target, value = rows.get(kpi.pk, (None, None))
        state = figures.status(value, target, direction=kpi.direction, margin=kpi.amber_margin)
        if state == figures.RED:
            out.append(FeedItem(ref_id=kpi.pk, text=kpi.name, data={
                "month": month.strftime("%Y-%m"),
                "value": figures.plain(value), "target": figures.plain(target),
            }))  # fmt: skip
    return out


def _decimal(raw: object) -> Decimal | None:
    try:
        return Decimal(str(raw))
    except (InvalidOperation, ValueError):
        return None


def _month(raw: object) -> date | None:
    try:
        return datetime.strptime(str(raw), "%Y-%m").date()  # noqa: DTZ007 - a month, no time
    except ValueError:
        return None


def missed_text(kpi: Kpi, month: date, value: Decimal | None, target: Decimal | None) -> str:
    """ "Revenue missed in October 2026: ¥312,000 of ¥350,000 (89%)", in the active language;
    for a lower-is-better KPI the target is a limit ("…: 31.2% against a limit of 20.4%")."""
    params = {
        "kpi": kpi.name,
        "month": date_format(month, "YEAR_MONTH_FORMAT"),
        "value": figures.display(value, unit=kpi.unit, currency=kpi.currency),
        "target": figures.display(target, unit=kpi.unit, currency=kpi.currency),
        "share": figures.progress_share(value, target),
    }
    if kpi.direction == Direction.LOWER:
        return _("%(kpi)s missed in %(month)s: %(value)s against a limit of %(target)s") % params
    if params["share"] is None:
        return _("%(kpi)s missed in %(month)s: %(value)s of %(target)s") % params
    return _("%(kpi)s missed in %(month)s: %(value)s of %(target)s (%(share)s%%)") % params


def render_missed(reader: Membership, items: Sequence[AgendaItem]) -> dict[int, Shown | None]:
    """The render half: one query for the KPIs (their current name and unit); hidden from
    readers without `kpis.view` (assistants attend meetings but see no KPI)."""
    if not has_perm(reader, "kpis.view"):
        return {item.pk: None for item in items}
    ids = {item.ref_id for item in items if item.ref_id is not None}
    kpis = {k.pk: k for k in Kpi.objects.in_workspace(reader.workspace).filter(pk__in=ids)}
    slug = reader.workspace.slug
    out: dict[int, Shown | None] = {}
    for item in items:
        kpi = kpis.get(item.ref_id or 0)
        data = item.ref_data if isinstance(item.ref_data, dict) else {}
        month = _month(data.get("month"))
        if kpi is None or month is None:
            out[item.pk] = Shown(item.text)  # the KPI is gone: its name as it was
            continue
        text = missed_text(kpi, month, _decimal(data.get("value")), _decimal(data.get("target")))
        url = reverse("kpis_month", kwargs={"ws": slug, "kpi_id": kpi.pk,
                                            "month": month.strftime("%Y-%m")})  # fmt: skip
        out[item.pk] = Shown(text, url)
    return out
