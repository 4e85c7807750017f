"""The KPI app's links to the rest of Keel: the KPIs that missed on the monthly review's agenda
(keel/kpis/agenda.py, feedback's agenda feed) and a KPI's progress over a milestone's year
(keel/kpis/selectors/progress.py, read by the vision page)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from keel.core.models import Role
from keel.core.tests.factories import MembershipFactory
from keel.feedback import agenda_feeds
from keel.feedback.jobs_meetings import prepare_series
from keel.feedback.models import AgendaItem, AgendaSource, Attendee, Meeting, MeetingKind
from keel.feedback.services.agenda import meeting_at
from keel.feedback.tests.factories import MeetingFactory, MeetingSeriesFactory
from keel.kpis.models import Unit
from keel.kpis.tests.factories import KpiFactory, KpiMonthFactory
from keel.org.tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db

NOV = dt.date(2026, 11, 1)
# The review on Friday 4 December 2026, 10:00 in Shanghai; "now" is 1 December, morning.
REVIEW_AT = dt.datetime(2026, 12, 4, 2, 0, tzinfo=dt.UTC)
NOW = dt.datetime(2026, 12, 1, 1, 0, tzinfo=dt.UTC)


def _review(workspace, owner, kind=MeetingKind.REVIEW):
    series = MeetingSeriesFactory(
        workspace=workspace, kind=kind, title="Monthly review", organizer=owner,
        rrule="FREQ=MONTHLY;BYDAY=1FR", timezone="Asia/Shanghai",
        dtstart_local=dt.datetime(2026, 1, 2, 10, 0, tzinfo=dt.UTC),
    )  # fmt: skip
    return MeetingFactory(series=series, workspace=workspace, starts_at=REVIEW_AT)


@pytest.fixture
def kpis(workspace):
    """Revenue missed November (red), orders on target, AOV close (amber), refund rate (lower
    is better) over its limit, a team's sessions missed, an archived KPI that missed."""
    sales = DepartmentFactory(workspace=workspace, name="Marketing")
    made = {
        "revenue": KpiFactory(workspace=workspace, name="Revenue", unit=Unit.MONEY,
                              currency="CNY", position=1),
        "orders": KpiFactory(workspace=workspace, name="Orders", position=2),
        "aov": KpiFactory(workspace=workspace, name="AOV", position=3),
        "refunds": KpiFactory(workspace=workspace, name="Refund rate", unit=Unit.PERCENT,
                              direction="lower", aggregation="average", position=4),
        "sessions": KpiFactory(workspace=workspace, name="Sessions", department=sales,
                               position=0),
        "old": KpiFactory(workspace=workspace, name="Old", archived_at=NOW, position=5),
    }  # fmt: skip
    figures = {
        "revenue": (350_000, 312_000),
        "orders": (100, 120),
        "aov": (100, 95),
        "refunds": (D("2.5"), D("3.1")),
        "sessions": (1000, 700),
        "old": (10, 1),
    }
    for key, (target, value) in figures.items():
        KpiMonthFactory(kpi=made[key], workspace=workspace, month=NOV, target=D(target),
                        value=D(value))  # fmt: skip
    # October missed too: not the month this review looks back on
    KpiMonthFactory(kpi=made["orders"], workspace=workspace, month=dt.date(2026, 10, 1),
                    target=D(100), value=D(10))  # fmt: skip
    return made


def _pulled(meeting):
    return list(
        AgendaItem.objects.filter(meeting=meeting, source=AgendaSource.KPI).order_by("position")
    )


def test_review_gets_the_kpis_that_missed_last_month_company_first(workspace, owner, kpis):
    meeting = _review(workspace, owner)
    added = agenda_feeds.pull_into(meeting, now=NOW)
    items = _pulled(meeting)
    assert added == 3
    # company KPIs first (in their order), then the teams'; not on target, close or archived
    assert [i.ref_id for i in items] == [kpis["revenue"].pk, kpis["refunds"].pk,
                                         kpis["sessions"].pk]  # fmt: skip
    revenue = items[0]
    assert revenue.text == "Revenue"  # a name as written, never a sentence
    assert revenue.ref_data == {"month": "2026-11", "value": "312000", "target": "350000"}


def test_pulling_again_adds_nothing(workspace, owner, kpis):
    meeting = _review(workspace, owner)
    agenda_feeds.pull_into(meeting, now=NOW)
    assert agenda_feeds.pull_into(meeting, now=NOW + dt.timedelta(hours=1)) == 0
    assert len(_pulled(meeting)) == 3


def test_nothing_before_the_month_is_over_then_the_job_pulls(workspace, owner, kpis):
    meeting = _review(workspace, owner)
    early = dt.datetime(2026, 11, 28, 1, 0, tzinfo=dt.UTC)  # 28 Nov: November still running
    assert agenda_feeds.pull_into(meeting, now=early) == 0
    series = meeting.series
    prepare_series(series, NOW)  # the hourly preparation, on 1 December
    assert len(_pulled(meeting)) == 3
    prepare_series(series, NOW + dt.timedelta(hours=1))
    assert len(_pulled(meeting)) == 3


def test_a_new_review_meeting_pulls_when_it_is_made(workspace, owner, kpis, monkeypatch):
    series = _review(workspace, owner).series
    Meeting.objects.filter(series=series).delete()
    monkeypatch.setattr("django.utils.timezone.now", lambda: NOW)
    meeting = meeting_at(series=series, starts_at=REVIEW_AT)
    assert len(_pulled(meeting)) == 3


def test_only_the_monthly_review_gets_kpis(workspace, owner, kpis):
    meeting = _review(workspace, owner, kind=MeetingKind.TEAM)
    assert agenda_feeds.pull_into(meeting, now=NOW) == 0


def test_a_held_meeting_gets_nothing(workspace, owner, kpis):
    meeting = _review(workspace, owner)
    meeting.held_at = NOW
    meeting.save(update_fields=["held_at"])
    assert agenda_feeds.pull_into(meeting, now=NOW) == 0


def test_another_workspaces_kpis_stay_out(workspace, owner, kpis, other_workspace, outsider):
    theirs = KpiFactory(workspace=other_workspace, name="Their revenue")
    KpiMonthFactory(kpi=theirs, workspace=other_workspace, month=NOV, target=D(100),
                    value=D(1))  # fmt: skip
    mine = _review(workspace, owner)
    agenda_feeds.pull_into(mine, now=NOW)
    assert theirs.pk not in {i.ref_id for i in _pulled(mine)}
    their_meeting = _review(other_workspace, outsider)
    agenda_feeds.pull_into(their_meeting, now=NOW)
    assert [i.ref_id for i in _pulled(their_meeting)] == [theirs.pk]


def test_items_are_not_carried_to_the_next_review(workspace, owner, kpis):
    meeting = _review(workspace, owner)
    agenda_feeds.pull_into(meeting, now=NOW)
    following = meeting_at(series=meeting.series,
                           starts_at=dt.datetime(2027, 1, 1, 2, 0, tzinfo=dt.UTC))  # fmt: skip
    # December has no figures yet: nothing missed, and November's items stay in November
    assert _pulled(following) == []


def _page(client, meeting):
    url = reverse("feedback_meeting", kwargs={"ws": "acme", "meeting_id": meeting.pk})
    return client.get(url).content.decode()


def test_the_agenda_words_the_figures_for_the_reader(workspace, owner, kpis, login):
    meeting = _review(workspace, owner)
    agenda_feeds.pull_into(meeting, now=NOW)
    html = _page(login(owner), meeting)
    assert "Revenue missed in November 2026: CN¥312,000 of CN¥350,000 (89%)" in html
    assert "Refund rate missed in November 2026: 3.1% against a limit of 2.5%" in html
    month = reverse("kpis_month", kwargs={"ws": "acme", "kpi_id": kpis["revenue"].pk,
                                          "month": "2026-11"})  # fmt: skip
    assert f'href="{month}"' in html


def test_the_agenda_reads_in_chinese(workspace, owner, kpis):
    meeting = _review(workspace, owner)
    agenda_feeds.pull_into(meeting, now=NOW)
    owner.user.language = "zh-hans"
    owner.user.save(update_fields=["language"])
    client = Client(headers={"accept-language": "zh-hans"})
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    client.force_login(owner.user)
    html = _page(client, meeting)
    # the same stored item, written the Chinese reader's way: month and money
    assert "2026年11月" in html and "¥312,000" in html and "CN¥" not in html


def test_assistants_attend_but_see_no_kpi(workspace, owner, kpis):
    meeting = _review(workspace, owner)
    agenda_feeds.pull_into(meeting, now=NOW)
    helper = MembershipFactory(workspace=workspace, role=Role.ASSISTANT)
    shown = agenda_feeds.shown(helper, _pulled(meeting))
    assert shown and all(v is None for v in shown.values())
    shown = agenda_feeds.shown(owner, _pulled(meeting))
    assert all(v is not None and "missed" in v.text for v in shown.values())


def test_hidden_kpi_items_cannot_be_acted_on_and_tasks_keep_figures_from_outsiders(
    workspace, owner, kpis
):
    from django.http import Http404

    from keel.feedback.services.actions import agenda_item_to_task
    from keel.feedback.services.agenda import agenda_item_reopen, agenda_item_resolve

    meeting = _review(workspace, owner)
    agenda_feeds.pull_into(meeting, now=NOW)
    first, second = _pulled(meeting)[:2]
    helper: Any = MembershipFactory(workspace=workspace, role=Role.ASSISTANT)
    Attendee.objects.create(workspace=workspace, series=meeting.series, membership=helper)
    for act in (agenda_item_resolve, agenda_item_reopen):
        with pytest.raises(Http404):
            act(actor=helper, item=first)
    with pytest.raises(Http404):
        agenda_item_to_task(actor=helper, item=first, owner=helper, due=None)
    # The owner makes a task for an assistant: the task carries no figure the assistant
    # could not read on the KPI pages; made for a manager, it carries the worded item.
    from keel.feedback.services.meeting_project import meetings_project
    from keel.tasks.tests.factories import ProjectMemberFactory

    project = meeting.series.project or meetings_project(owner)
    ProjectMemberFactory(project=project, membership=helper)
    to_helper = agenda_item_to_task(actor=owner, item=first, owner=helper, due=None)
    assert "missed" not in to_helper.task.title and "350,000" not in to_helper.task.title
    to_owner = agenda_item_to_task(actor=owner, item=second, owner=owner, due=None)
    assert "missed" in to_owner.task.title


def test_api_gives_the_worded_item(workspace, owner, kpis, api_for):
    meeting = _review(workspace, owner)
    agenda_feeds.pull_into(meeting, now=NOW)
    body = api_for(owner).get(f"/workspaces/acme/feedback/meetings/{meeting.pk}").json()
    texts = [a["text"] for a in body["agenda"] if a["source"] == "kpi"]
    assert texts[0] == "Revenue missed in November 2026: CN¥312,000 of CN¥350,000 (89%)"


# --- A KPI over a milestone's year (keel/kpis/selectors/progress.py) ---------------------------


def _months(year, targets, values):
    """{month: (target, value)} from two {month number: figure} dicts."""
    out = {}
    for m in sorted(set(targets) | set(values)):
        t, v = targets.get(m), values.get(m)
        out[dt.date(year, m, 1)] = (None if t is None else D(t), None if v is None else D(v))
    return out


def test_a_past_year_of_a_summed_kpi_is_judged_whole(workspace):
    from keel.kpis.selectors.progress import year_figures

    kpi = KpiFactory(workspace=workspace, unit=Unit.MONEY, currency="CNY")
    months = _months(2025, {m: 100 for m in range(1, 13)}, {m: 90 if m < 12 else 10
                                                            for m in range(1, 13)})  # fmt: skip
    p = year_figures(kpi, months, year=2025, today=dt.date(2026, 5, 16))
    # 11 × 90 + 10 = 1,000 against 12 × 100 = 1,200: 83%, beyond the 10% margin (1,080)
    assert (p.value, p.target, p.share, p.status, p.by_pace) == (D(1000), D(1200), 83, "red",
                                                                 False)  # fmt: skip
    assert p.value_text == "CN¥1,000" and p.target_text == "CN¥1,200"


def test_the_current_year_of_a_summed_kpi_is_judged_by_its_pace(workspace):
    from keel.kpis.selectors.progress import year_figures

    kpi = KpiFactory(workspace=workspace)
    # 16 May: January–April at 100 each, May so far 60; every month's target 100
    months = _months(2026, {m: 100 for m in range(1, 13)}, {1: 100, 2: 100, 3: 100, 4: 100,
                                                            5: 60})  # fmt: skip
    p = year_figures(kpi, months, year=2026, today=dt.date(2026, 5, 16))
    # 460 so far against 400 + 100 × 16 / 31 = 451.6 by now: on target, though 38% of 1,200
    assert (p.value, p.target, p.share, p.status, p.by_pace) == (D(460), D(1200), 38, "green",
                                                                 True)  # fmt: skip
    behind = _months(2026, {m: 100 for m in range(1, 13)}, {1: 100, 2: 100, 3: 100, 4: 30})
    p = year_figures(kpi, behind, year=2026, today=dt.date(2026, 5, 16))
    assert (p.value, p.status) == (D(330), "red")  # 330 < 451.6 − 45.2


def test_an_average_kpi_averages_its_months(workspace):
    from keel.kpis.selectors.progress import year_figures

    kpi = KpiFactory(workspace=workspace, unit=Unit.PERCENT, aggregation="average")
    months = _months(2026, {m: 100 if m < 7 else 90 for m in range(1, 13)},
                     {1: 90, 2: 95, 3: 100})  # fmt: skip
    p = year_figures(kpi, months, year=2026, today=dt.date(2026, 4, 10))
    # value (90 + 95 + 100) / 3 = 95; the year's target (6 × 100 + 6 × 90) / 12 = 95; judged
    # against the months with a value (100): within 10%, close
    assert (p.value, p.target, p.share, p.status) == (D(95), D(95), 100, "amber")
    assert p.value_text == "95%"


def test_a_last_value_kpi_takes_the_latest_month(workspace):
    from keel.kpis.selectors.progress import year_figures

    kpi = KpiFactory(workspace=workspace, aggregation="last", direction="lower")
    months = _months(2025, {1: 10, 12: 4}, {1: 10, 6: 8, 11: 5})
    p = year_figures(kpi, months, year=2025, today=dt.date(2026, 1, 5))
    # November's 5 against December's ceiling of 4 (+10%: 4.4): missed
    assert (p.value, p.target, p.share, p.status) == (D(5), D(4), 125, "red")


def test_a_later_year_has_no_value_yet(workspace):
    from keel.kpis.selectors.progress import year_figures

    kpi = KpiFactory(workspace=workspace)
    p = year_figures(kpi, _months(2027, {1: 50, 2: 50}, {}), year=2027, today=dt.date(2026, 5, 1))
    assert (p.value, p.target, p.status, p.share, p.value_text) == (None, D(100), None, None, "–")


def test_year_progress_reads_every_pair_in_one_query(workspace, django_assert_num_queries):
    from keel.kpis.selectors.progress import year_progress

    a, b = KpiFactory(workspace=workspace), KpiFactory(workspace=workspace)
    for kpi, year in ((a, 2025), (a, 2026), (b, 2026)):
        KpiMonthFactory(kpi=kpi, workspace=workspace, month=dt.date(year, 3, 1), target=D(10),
                        value=D(year - 2020))  # fmt: skip
    with django_assert_num_queries(1):
        found = year_progress(workspace=workspace, wanted=[(a, 2025), (a, 2026), (b, 2026)],
                              today=dt.date(2026, 6, 1))  # fmt: skip
    assert {k: p.value for k, p in found.items()} == {
        (a.pk, 2025): D(5), (a.pk, 2026): D(6), (b.pk, 2026): D(6)
    }  # fmt: skip
