"""Weekly KPIs (docs/kpis.md, "Weekly KPIs"): weeks in the workspace's week, a month made of
the weeks that start in it, the period fixed once there are figures, weeks computed, imported,
rolled up for the monthly review and the vision.

The calendar used throughout: March 2026 (Monday weeks) has the weeks of 2, 9, 16, 23 and
30 March; February's start on 2, 9, 16 and 23 February. "Today" is Wednesday 18 March.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from freezegun import freeze_time

from keel.core.models import WeekStart
from keel.kpis import figures, metrics, selectors, services
from keel.kpis.csv_import import read_csv
from keel.kpis.models import Kpi, KpiMonth, Metric, Unit
from keel.kpis.tests.factories import KpiFactory, KpiMonthFactory

pytestmark = pytest.mark.django_db

MARCH, FEBRUARY, TODAY = date(2026, 3, 1), date(2026, 2, 1), date(2026, 3, 18)


def weekly(workspace, **kwargs):
    return KpiFactory(workspace=workspace, period="weekly", **kwargs)


def week(kpi, day, target=None, value=None, comment=""):
    return KpiMonthFactory(kpi=kpi, workspace=kpi.workspace, month=day, target=target,
                           value=value, comment=comment)  # fmt: skip


# --- weeks: pure ------------------------------------------------------------------------------


def test_weeks_start_on_the_workspaces_first_weekday_and_carry_iso_names():
    assert figures.week_start(TODAY, 0) == date(2026, 3, 16)  # Monday
    assert figures.week_start(TODAY, 6) == date(2026, 3, 15)  # Sunday
    assert figures.week_label(date(2026, 1, 26), 0) == "2026-W05"
    assert figures.week_label(date(2026, 1, 25), 6) == "2026-W05"  # the Sunday before
    assert figures.parse_week("2026-W05", 0) == date(2026, 1, 26)
    assert figures.parse_week("2026-W05", 6) == date(2026, 1, 25)
    assert figures.week_label(date(2020, 12, 28), 0) == "2020-W53"
    for bad in ("2026-W54", "2025-W53", "2026-5", "1999-W10", "", None):
        assert figures.parse_week(bad, 0) is None
    # a week belongs to the month in which it starts: 30 March's is March's
    assert figures.weeks_of_month(MARCH, 0) == [date(2026, 3, d) for d in (2, 9, 16, 23, 30)]
    assert figures.weeks_of_month(MARCH, 6) == [date(2026, 3, d) for d in (1, 8, 15, 22, 29)]


def test_weeks_roll_up_into_their_months_by_the_kpis_rule():
    weeks = {date(2026, 3, 2): (D(350), D(300)), date(2026, 3, 9): (D(350), D(320)),
             date(2026, 3, 30): (D(350), None), date(2026, 2, 23): (D(300), D(280))}  # fmt: skip
    assert figures.roll_up(weeks, "sum") == {MARCH: (D(1050), D(620)),
                                             FEBRUARY: (D(300), D(280))}  # fmt: skip
    assert figures.roll_up(weeks, "average")[MARCH] == (D(350), D(310))
    assert figures.roll_up(weeks, "last")[MARCH] == (D(350), D(320))


def test_a_weekly_sum_is_judged_by_the_days_of_its_weeks():
    weeks = figures.weeks_of_month(MARCH, 0)  # 2 March to 5 April: 35 days, 17 gone
    assert figures.weeks_pace(D(720), how="sum", weeks=weeks, today=TODAY) == D(1482)
    assert figures.weeks_pace(D(92), how="average", weeks=weeks, today=TODAY) == D(92)
    assert figures.weeks_pace(D(720), how="sum", weeks=weeks, today=date(2026, 4, 6)) is None


# --- the period and the services --------------------------------------------------------------


def fields_of(kpi: Kpi, **changes) -> services.KpiFields:
    base = {"name": kpi.name, "unit": kpi.unit, "direction": kpi.direction,
            "aggregation": kpi.aggregation, "period": kpi.period}  # fmt: skip
    return services.KpiFields(**{**base, **changes})


def test_the_period_is_chosen_when_made_and_fixed_once_there_are_figures(manager, workspace):
    kpi = services.kpi_create(actor=manager, fields=services.KpiFields(
        name="Orders per week", period="weekly"))  # fmt: skip
    assert kpi.is_weekly
    services.kpi_update(actor=manager, kpi=kpi, fields=fields_of(kpi, period="monthly"))
    kpi.refresh_from_db()
    assert kpi.period == "monthly"  # no figures yet: free to change
    KpiMonthFactory(kpi=kpi, workspace=workspace, month=MARCH)
    with pytest.raises(ValidationError) as error:
        services.kpi_update(actor=manager, kpi=kpi, fields=fields_of(kpi, period="weekly"))
    assert "can't become weekly" in error.value.message_dict["period"][0]
    kpi.refresh_from_db()
    assert kpi.period == "monthly"
    with pytest.raises(ValidationError) as error:
        services.kpi_create(actor=manager, fields=services.KpiFields(name="x", period="daily"))
    assert "period" in error.value.message_dict


def save(actor, kpi, day, value) -> int:
    entry = services.MonthEntry(month=day, value=value)
    return services.months_save(actor=actor, kpi=kpi, entries=[entry])


@freeze_time("2026-03-18 12:00")
def test_a_weekly_kpis_rows_fall_on_week_starts(manager, workspace):
    kpi = weekly(workspace)
    kpi.workspace = workspace
    for bad in (date(2026, 3, 17), MARCH):  # a Tuesday; the 1st is a Sunday
        with pytest.raises(ValidationError) as error:
            services.months_save(actor=manager, kpi=kpi,
                                 entries=[services.MonthEntry(month=bad, target=D(1))])  # fmt: skip
        assert "weeks start on Monday" in error.value.message_dict["week"][0]
    with pytest.raises(ValidationError) as error:  # next week has not started
        save(manager, kpi, date(2026, 3, 23), D(1))
    assert "2026-W13 has not started" in error.value.message_dict["value"][0]
    saved = services.months_save(actor=manager, kpi=kpi, entries=[
        services.MonthEntry(month=date(2026, 3, 16), value=D(5), target=D(9)),
        services.MonthEntry(month=date(2026, 3, 23), target=D(9)),
    ])  # fmt: skip
    assert saved == 2 and not KpiMonth.objects.filter(month__in=[MARCH]).exists()


@freeze_time("2026-03-18 12:00")
def test_sunday_weeks_in_a_sunday_workspace(manager, workspace):
    workspace.week_start = "sunday"
    workspace.save(update_fields=["week_start"])
    manager.workspace.week_start = "sunday"
    kpi = weekly(workspace)
    kpi.workspace = workspace
    save(manager, kpi, date(2026, 3, 15), D(5))
    with pytest.raises(ValidationError):
        save(manager, kpi, date(2026, 3, 16), D(5))


def test_copying_targets_takes_the_week_52_weeks_before(manager, workspace):
    kpi = weekly(workspace)
    kpi.workspace = workspace
    week(kpi, date(2025, 3, 17), target=D(100))  # → 16 March 2026, the same weekday
    week(kpi, date(2025, 3, 24), value=D(80))  # no target: its value
    week(kpi, date(2024, 12, 30), target=D(999))  # lands in 2025: not copied
    changed = services.targets_copy(actor=manager, kpi=kpi, year=2026, growth_percent=D(10))
    assert changed == 2
    assert dict(KpiMonth.objects.filter(kpi=kpi, month__year=2026)
                .values_list("month", "target")) == {
        date(2026, 3, 16): D("110.00"), date(2026, 3, 23): D("88.00")}  # fmt: skip


# --- the scorecard ----------------------------------------------------------------------------


def march_weeks(kpi):
    week(kpi, date(2026, 2, 23), target=D(300), value=D(280))  # February's last week
    week(kpi, date(2026, 3, 2), target=D(350), value=D(300))
    week(kpi, date(2026, 3, 9), target=D(350), value=D(320), comment="Promotion ended")
    week(kpi, date(2026, 3, 16), target=D(350), value=D(100))  # this week, so far
    week(kpi, date(2026, 3, 23), target=D(350))
    week(kpi, date(2026, 3, 30), target=D(350))


def test_the_scorecard_shows_a_weekly_kpis_month_from_its_weeks(workspace):
    kpi = weekly(workspace, name="Orders per week")
    march_weeks(kpi)
    card = selectors.scorecard(workspace=workspace, month=MARCH, today=TODAY)
    row = card.sections[0].rows[0]
    assert (row.cell.value, row.cell.target) == (D(720), D(1750))
    # judged by pace: 720 in 17 of the 35 days → 1,482, 85% of 1,750, beyond the margin
    assert (row.pace_text, row.cell.share, row.cell.by_pace) == ("1,482", 85, True)
    assert row.cell.status == figures.RED and row.cell.comment == "Promotion ended"
    assert row.week_text == "This week: 100 of 350"
    assert (row.previous.value, row.previous.target) == (D(280), D(300))
    # a finished month: its last week, named by its first day
    card = selectors.scorecard(workspace=workspace, month=FEBRUARY, today=TODAY)
    row = card.sections[0].rows[0]
    assert (row.cell.value, row.cell.status) == (D(280), figures.AMBER)
    assert row.week_text.startswith("Week from ") and row.week_text.endswith(": 280 of 300")


def test_weeks_kept_under_an_old_week_start_do_not_count_twice(workspace):
    kpi = weekly(workspace, name="Orders per week")
    week(kpi, date(2026, 2, 2), target=D(100), value=D(90))  # Mondays: the old week start
    week(kpi, date(2026, 2, 9), target=D(100), value=D(90))
    workspace.week_start = WeekStart.SUNDAY  # the workspace now starts its weeks on Sunday
    workspace.save(update_fields=["week_start"])
    week(kpi, date(2026, 2, 1), target=D(100), value=D(95))  # Sundays: the new weeks
    week(kpi, date(2026, 2, 8), target=D(100), value=D(95))
    card = selectors.scorecard(workspace=workspace, month=FEBRUARY, today=TODAY)
    assert card.sections[0].rows[0].cell.value == D(190)  # the Sundays only, not 370


def test_an_averaged_weekly_kpi_averages_its_weeks(workspace):
    kpi = weekly(workspace, unit=Unit.PERCENT, aggregation="average")
    week(kpi, date(2026, 3, 2), target=D(92), value=D(90))
    week(kpi, date(2026, 3, 9), target=D(92), value=D(94))
    row = selectors.scorecard(workspace=workspace, month=MARCH, today=TODAY).sections[0].rows[0]
    assert (row.cell.value, row.cell.target, row.cell.status) == (D(92), D(92), figures.GREEN)


def test_the_scorecard_reads_weekly_kpis_in_the_same_queries(workspace, django_assert_num_queries):
    monthly = KpiFactory(workspace=workspace)
    KpiMonthFactory(kpi=monthly, month=MARCH)
    march_weeks(weekly(workspace))

    def count() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            selectors.scorecard(workspace=workspace, month=MARCH, today=TODAY)
        return len(queries)

    before = count()
    for _ in range(10):
        march_weeks(weekly(workspace))
        KpiMonthFactory(kpi=KpiFactory(workspace=workspace), month=MARCH)
    assert count() == before


@freeze_time("2026-03-18 12:00")
def test_a_weekly_kpis_history_is_26_weeks_with_this_weeks_pace(workspace):
    kpi = weekly(workspace)
    march_weeks(kpi)
    kpi.workspace = workspace
    history = selectors.kpi_history(kpi=kpi, today=TODAY)
    assert len(history.cells) == 26 and history.cells[-1].month == date(2026, 3, 16)
    assert history.cells[0].month == date(2025, 9, 22) and history.first_weekday == 0
    assert history.pace == D(233)  # 100 in 3 of 7 days → 233
    from keel.kpis.trend import trend_chart, trend_data

    data = trend_data(history)
    assert data.targets[-1] == 350.0 and data.values[-3] == 300.0
    svg = str(trend_chart(history))
    assert "W12" in svg and "per week over 26 weeks" in svg


# --- imports, computed metrics, the review and the vision ---------------------------------------


def test_a_csv_for_a_weekly_kpi_goes_to_the_weeks_that_contain_its_dates():
    text = "date,value\n2026-03-15,10\n2026-03-16,20\n2026-03-22,5\n2026-03-23,1\n"
    preview = read_csv(text, aggregation="sum", week_start=0)
    assert preview.months == {date(2026, 3, 9): D(10), date(2026, 3, 16): D(25),
                              date(2026, 3, 23): D(1)}  # fmt: skip
    sunday = read_csv(text, aggregation="last", week_start=6)
    assert sunday.months == {date(2026, 3, 15): D(20), date(2026, 3, 22): D(1)}


def test_computed_weekly_kpis_by_hand(workspace):
    """Week of 2 March: Mia's A (on time), Pete's F (open, due the 6th); her reports of the
    2nd–5th (three of four written; moods 2, 4, 5), Pete's of the 2nd (mood 1). Week of 9
    March: Mia's B (late); no reports."""
    from keel.core.tests.factories import MembershipFactory
    from keel.feedback.tests.factories import ReportFactory, ReportFormFactory
    from keel.org.tests.factories import DepartmentFactory, SeatFactory
    from keel.tasks.models import Status
    from keel.tasks.tests.factories import ProjectFactory, TaskFactory

    workspace.timezone = "Asia/Shanghai"
    workspace.save(update_fields=["timezone"])
    ops = DepartmentFactory(workspace=workspace)
    mia, pete = (MembershipFactory(workspace=workspace) for _ in range(2))
    SeatFactory(workspace=workspace, department=ops, holder=mia, status="filled")
    project = ProjectFactory(workspace=workspace)
    for who, due, done in ((mia, date(2026, 3, 5), datetime(2026, 3, 5, 15, tzinfo=UTC)),
                           (mia, date(2026, 3, 10), datetime(2026, 3, 10, 17, tzinfo=UTC)),
                           (pete, date(2026, 3, 6), None)):  # fmt: skip
        TaskFactory(project=project, assignee=who, due_date=due, completed_at=done,
                    status=Status.DONE if done else Status.TODO)  # fmt: skip
    form = ReportFormFactory(workspace=workspace)
    for who, day, mood in ((mia, 2, 2), (mia, 3, 4), (mia, 4, 5), (mia, 5, None), (pete, 2, 1)):
        due = datetime(2026, 3, day, 9, tzinfo=UTC)
        ReportFactory(form=form, author=who, period_date=date(2026, 3, day), due_at=due,
                      submitted_at=due if mood else None, mood=mood)  # fmt: skip
    weeks = [date(2026, 3, 2), date(2026, 3, 9)]
    expected = {  # (team, company) per week
        Metric.TASKS_ON_TIME: ((D("100.00"), D("50.00")), (D("0.00"), D("0.00"))),
        Metric.TASKS_OVERDUE: ((D(0), D(1)), (D(0), D(1))),
        Metric.REPORT_PARTICIPATION: ((D("75.00"), D("80.00")), (None, None)),
        Metric.REPORT_MOOD: ((D("3.67"), D("3.00")), (None, None)),
    }
    for metric, (first, second) in expected.items():
        for n, department in enumerate((ops, None)):
            kpi = weekly(workspace, metric=metric, department=department)
            assert metrics.compute(kpi, weeks, date(2026, 4, 10)) == {
                weeks[0]: first[n], weeks[1]: second[n]}, (metric, department)  # fmt: skip


@freeze_time("2026-03-18 12:00")
def test_the_nightly_job_computes_a_weekly_kpis_weeks(workspace):
    from keel.kpis.jobs import compute_workspace

    kpi = weekly(workspace, metric=Metric.TASKS_OVERDUE)
    # from the week that holds 1 February (26 January's) to this one
    assert compute_workspace(workspace.pk) == 8
    assert set(KpiMonth.objects.filter(kpi=kpi).values_list("month", flat=True)) == {
        date(2026, 1, 26), date(2026, 2, 2), date(2026, 2, 9), date(2026, 2, 16), date(2026, 2, 23),
        date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 16)}  # fmt: skip
    assert compute_workspace(workspace.pk) == 0


def test_the_monthly_review_and_the_vision_roll_weeks_into_months(workspace):
    from keel.kpis.selectors.progress import year_progress

    kpi = weekly(workspace, name="Orders per week")
    march_weeks(kpi)
    progress = year_progress(workspace=workspace, wanted=[(kpi, 2026)], today=TODAY)
    found = progress[(kpi.pk, 2026)]
    assert found.value == D(1000) and found.target == D(2050)  # Feb 280 + Mar 720 | 300 + 1750

    from keel.feedback.models import MeetingKind
    from keel.feedback.tests.factories import MeetingFactory, MeetingSeriesFactory
    from keel.kpis.agenda import missed_kpis

    series = MeetingSeriesFactory(workspace=workspace, kind=MeetingKind.REVIEW, timezone="UTC")
    meeting = MeetingFactory(series=series, workspace=workspace,
                             starts_at=datetime(2026, 4, 3, 9, tzinfo=UTC))  # fmt: skip
    KpiMonth.objects.filter(kpi=kpi, month__gte=date(2026, 3, 23)).update(value=D(50))
    items = missed_kpis(meeting, datetime(2026, 4, 3, 8, tzinfo=UTC))
    # March: 300 + 320 + 100 + 50 + 50 = 820 of 1,750: missed
    assert [(i.ref_id, i.data["value"], i.data["target"]) for i in items] == [
        (kpi.pk, "820", "1750")]  # fmt: skip
