"""The monthly scorecard email: sent on the first working day of the month in the workspace's
time zone, once per month, to the members who see KPIs and did not turn it off, each in their
own language, with the charts inline; "Send scorecard now" for managers; the text lines."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal as D
from email import message_from_bytes
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse
from freezegun import freeze_time

from keel.core.models import AuditEvent
from keel.kpis import scorecard_mail
from keel.kpis.jobs import compute_kpis, send_scorecards
from keel.kpis.models import ScorecardSend
from keel.kpis.scorecard_text import scorecard_lines
from keel.kpis.services.scorecard_mail import due_month, first_working_day
from keel.kpis.tests.factories import KpiFactory, KpiMonthFactory
from keel.notifications.models import Notification, NotificationPreference
from keel.org.tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db

OCTOBER = date(2026, 10, 1)
NOVEMBER = date(2026, 11, 1)
# 1 November 2026 is a Sunday: the first working day is Monday the 2nd.
SUNDAY_1ST = "2026-11-01 09:00:00"
MONDAY_2ND = "2026-11-02 09:00:00"


@pytest.fixture(autouse=True)
def _queued_mail(settings):
    """Django's test set-up swaps EMAIL_BACKEND for locmem; use Keel's queue (jobs inline),
    so the messages in the outbox are those that went through the job's payload."""
    settings.EMAIL_BACKEND = "keel.core.mail.QueuedEmailBackend"
    settings.KEEL_DELIVERY_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.KEEL_BASE_URL = "https://keel.example"
    # Load the URLconf (and the API's schemas) before freezegun swaps datetime for its fake.
    reverse("kpis_scorecard", kwargs={"ws": "acme"})


@pytest.fixture
def kpis(workspace):
    """Revenue (company, missed), Orders (company, on target), ACoS (Marketing, missed)."""
    marketing = DepartmentFactory(workspace=workspace, name="Marketing")
    revenue = KpiFactory(workspace=workspace, name="Revenue", unit="money", currency="CNY")
    orders = KpiFactory(workspace=workspace, name="Orders")
    acos = KpiFactory(workspace=workspace, name="ACoS", unit="percent", direction="lower",
                      aggregation="average", department=marketing)  # fmt: skip
    for n, month in enumerate([date(2026, m, 1) for m in range(1, 11)]):
        KpiMonthFactory(kpi=revenue, month=month, target=D(350000), value=D(300000 + n * 1000))
        KpiMonthFactory(kpi=orders, month=month, target=D(1000), value=D(1100))
        KpiMonthFactory(kpi=acos, month=month, target=D(25), value=D("31.5"),
                        comment="Bids too high" if month == OCTOBER else "")  # fmt: skip
    return {"revenue": revenue, "orders": orders, "acos": acos}


@pytest.fixture
def people(owner, manager, member, assistant, outsider):
    member.user.language = "zh-hans"
    member.user.save(update_fields=["language"])
    owner.user.language = "en"
    owner.user.save(update_fields=["language"])
    return {"owner": owner, "manager": manager, "member": member, "assistant": assistant,
            "outsider": outsider}  # fmt: skip


def run_job(capture: Any) -> int:
    with capture(execute=True):
        return send_scorecards.call()


def by_recipient() -> dict[str, Any]:
    return {m.to[0]: m for m in mail.outbox}


def html_of(message: Any) -> str:
    return next(content for content, kind in message.alternatives if kind == "text/html")


# --- when -------------------------------------------------------------------------------------


def test_first_working_day_skips_the_weekend():
    assert first_working_day(date(2026, 11, 1)) == date(2026, 11, 2)  # Sunday → Monday
    assert first_working_day(date(2026, 8, 1)) == date(2026, 8, 3)  # Saturday → Monday
    assert first_working_day(date(2026, 12, 1)) == date(2026, 12, 1)  # a Tuesday
    assert due_month(date(2026, 11, 1)) is None
    assert due_month(date(2026, 11, 2)) == OCTOBER
    assert due_month(date(2026, 11, 30)) == OCTOBER  # later in the month: still October


def test_job_sends_on_the_first_working_day_once(kpis, people, django_capture_on_commit_callbacks):
    with freeze_time(SUNDAY_1ST):
        assert run_job(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == [] and not ScorecardSend.objects.exists()
    with freeze_time(MONDAY_2ND):
        assert run_job(django_capture_on_commit_callbacks) == 3  # owner, manager, member
        assert run_job(django_capture_on_commit_callbacks) == 0  # twice: sent once
    with freeze_time("2026-11-20 09:00:00"):
        assert run_job(django_capture_on_commit_callbacks) == 0
    assert len(mail.outbox) == 3
    [send] = ScorecardSend.objects.all()
    assert (send.month, send.recipients, send.sent_by) == (OCTOBER, 3, None)
    assert AuditEvent.objects.filter(action="kpis.scorecard_sent").count() == 1


def test_first_working_day_is_the_workspaces(workspace, kpis, people,
                                             django_capture_on_commit_callbacks):  # fmt: skip
    # 20:00 UTC on Sunday 1 November is 04:00 on Monday the 2nd in Shanghai
    with freeze_time("2026-11-01 20:00:00"):
        assert run_job(django_capture_on_commit_callbacks) == 0  # UTC: still Sunday
        workspace.timezone = "Asia/Shanghai"
        workspace.save(update_fields=["timezone"])
        assert run_job(django_capture_on_commit_callbacks) == 3


def test_a_late_run_sends_last_month_only(kpis, people, django_capture_on_commit_callbacks):
    # the server was down from 1 October to 15 November: October's scorecard, not September's
    with freeze_time("2026-11-15 09:00:00"):
        assert run_job(django_capture_on_commit_callbacks) == 3
    assert list(ScorecardSend.objects.values_list("month", flat=True)) == [OCTOBER]


def test_nightly_computation_then_sends(kpis, people, django_capture_on_commit_callbacks):
    with freeze_time(MONDAY_2ND), django_capture_on_commit_callbacks(execute=True):
        compute_kpis.call()
    assert len(mail.outbox) == 3


def test_no_kpis_no_email(people, django_capture_on_commit_callbacks):
    with freeze_time(MONDAY_2ND):
        assert run_job(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == [] and not ScorecardSend.objects.exists()


# --- who and what -----------------------------------------------------------------------------


def test_each_reader_in_their_language(kpis, people, django_capture_on_commit_callbacks):
    with freeze_time(MONDAY_2ND):
        run_job(django_capture_on_commit_callbacks)
    sent = by_recipient()
    assert set(sent) == {"olivia@acme.example", "maya@acme.example", "mike@acme.example"}
    english, chinese = sent["olivia@acme.example"], sent["mike@acme.example"]
    assert "October 2026" in english.subject and "Acme Shop" in english.subject
    assert "2026年10月" in chinese.subject and "October" not in chinese.subject
    html = html_of(english)
    assert 'lang="en"' in html and "Missed" in html and "On target" in html
    assert "Revenue — CN¥309,000 / CN¥350,000 · Missed" in english.body
    zh_html = html_of(chinese)
    assert 'lang="zh-hans"' in zh_html and "未达标" in zh_html and "达标" in zh_html
    assert "Missed" not in zh_html and "On target" not in zh_html
    assert "¥309,000" in chinese.body and "未达标" in chinese.body
    # the teams that missed first (Marketing has 1 missed, the company 1: company order kept),
    # the month before, the commentary, the button to the page
    assert html.index("Revenue") < html.index("ACoS")
    assert "Bids too high" in html and "Bids too high" in english.body
    assert "CN¥308,000" in html  # September's value: the month before
    assert "https://keel.example/acme/kpis/?month=2026-10" in html
    assert "https://keel.example/acme/notifications/preferences/" in english.body


def test_teams_that_missed_come_first(workspace, kpis, people, django_capture_on_commit_callbacks):
    # the company meets every target in October: Marketing (missed) comes first
    for name in ("revenue",):
        month = kpis[name].months.get(month=OCTOBER)
        month.value = D(400000)
        month.save()
    with freeze_time(MONDAY_2ND):
        run_job(django_capture_on_commit_callbacks)
    html = html_of(by_recipient()["olivia@acme.example"])
    assert html.index("Marketing") < html.index("Revenue")
    lines = by_recipient()["olivia@acme.example"].body.splitlines()
    assert lines.index("Marketing (1 missed)") < lines.index("Company")


def test_inline_charts_have_matching_content_ids(kpis, people, django_capture_on_commit_callbacks):
    with freeze_time(MONDAY_2ND):
        run_job(django_capture_on_commit_callbacks)
    message = by_recipient()["olivia@acme.example"]
    html = html_of(message)
    cids = set(re.findall(r'src="cid:([^"]+)"', html))
    assert len(cids) == 3
    parsed = message_from_bytes(message.message().as_bytes())
    assert parsed.get_content_type() == "multipart/related"
    kinds = [part.get_content_type() for part in parsed.walk()]
    assert kinds.count("multipart/alternative") == 1
    assert "text/plain" in kinds and "text/html" in kinds
    images = [part for part in parsed.walk() if part.get_content_type() == "image/png"]
    assert {part["Content-ID"].strip("<>") for part in images} == cids
    for part in images:
        assert part.get_payload(decode=True).startswith(b"\x89PNG")
        assert part.get_content_disposition() == "inline"


def test_opt_outs_and_roles(workspace, kpis, people, django_capture_on_commit_callbacks):
    manager, member = people["manager"], people["member"]
    for person, in_app in ((manager, True), (member, False)):
        NotificationPreference.objects.create(
            workspace=workspace,
            membership=person,
            kind=scorecard_mail.KIND,
            in_app=in_app,
            email=False,
        )
    with freeze_time(MONDAY_2ND):
        assert run_job(django_capture_on_commit_callbacks) == 2  # the owner, the manager
    assert set(by_recipient()) == {"olivia@acme.example"}
    notes = Notification.objects.filter(kind=scorecard_mail.KIND)
    assert {n.recipient_id for n in notes} == {people["owner"].pk, manager.pk}
    note = notes.get(recipient=manager)
    assert note.url == "/acme/kpis/?month=2026-10"
    assert note.display_title() == "KPI scorecard for October 2026"
    # assistants see no KPI, and another workspace's people hear nothing of this one
    assert not Notification.objects.filter(recipient__in=[people["assistant"], people["outsider"]])


def test_another_workspaces_kpis_never_in_the_mail(
    workspace, other_workspace, kpis, people, django_capture_on_commit_callbacks
):
    secret = KpiFactory(workspace=other_workspace, name="Other shop's Zebrafish")
    KpiMonthFactory(kpi=secret, month=OCTOBER, target=D(10), value=D(1))
    with freeze_time(MONDAY_2ND):
        assert run_job(django_capture_on_commit_callbacks) == 4  # outsider: their own
    outsider = by_recipient()["oscar@other.example"]
    assert "Other shop's Zebrafish" in outsider.body and "Revenue" not in outsider.body
    assert "Revenue" not in html_of(outsider)
    for address, message in by_recipient().items():
        if address != "oscar@other.example":
            assert "Zebrafish" not in message.body and "Zebrafish" not in html_of(message)


def test_queries_do_not_grow_per_recipient_beyond_their_own_rows(
    workspace, kpis, people, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    from keel.core.tests.factories import MembershipFactory

    for n in range(10):
        MembershipFactory(workspace=workspace, role="member", user__email=f"p{n}@acme.example")
    # recipients (2), KPIs-exist, the claim (≈4), one scorecard per language (2 × ≈6),
    # charts (1), the audit (1), one notification insert per recipient (13)
    with (
        freeze_time(MONDAY_2ND),
        django_assert_max_num_queries(13 + 30),
        django_capture_on_commit_callbacks(execute=False),
    ):
        assert send_scorecards.call() == 13


# --- send now ---------------------------------------------------------------------------------


def send_url() -> str:
    return reverse("kpis_send_scorecard", kwargs={"ws": "acme"})


@pytest.mark.parametrize("role", ["member", "assistant"])
def test_only_managers_may_send_now(request, login, kpis, people, role,
                                    django_capture_on_commit_callbacks):  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        response = login(people[role]).post(send_url(), {"month": "2026-10"})
    assert response.status_code in (403, 404)
    assert mail.outbox == [] and not ScorecardSend.objects.exists()


def test_manager_sends_now_and_is_paced(login, kpis, people, django_capture_on_commit_callbacks):
    client = login(people["manager"])
    page = client.get(reverse("kpis_scorecard", kwargs={"ws": "acme"})).content.decode()
    assert "Send scorecard now" in page and send_url() in page
    assert 'name="month" value="' in page  # last month's, on the current month's page
    with freeze_time(MONDAY_2ND), django_capture_on_commit_callbacks(execute=True):
        response = client.post(send_url(), {"month": "2026-09"})
    assert response.status_code == 302 and response["Location"].endswith("?month=2026-09")
    assert len(mail.outbox) == 3
    assert "September 2026" in by_recipient()["olivia@acme.example"].subject
    send = ScorecardSend.objects.get(month=date(2026, 9, 1))
    assert send.sent_by == people["manager"] and send.recipients == 3
    event = AuditEvent.objects.get(action="kpis.scorecard_sent")
    assert event.actor == people["manager"].user and event.data["month"] == "2026-09"
    # a second press within ten minutes sends nothing
    with freeze_time("2026-11-02 09:05:00"), django_capture_on_commit_callbacks(execute=True):
        client.post(send_url(), {"month": "2026-09"})
    assert len(mail.outbox) == 3
    # the current month is not finished; nonsense is refused
    with freeze_time(MONDAY_2ND), django_capture_on_commit_callbacks(execute=True):
        client.post(send_url(), {"month": "2026-11"})
        client.post(send_url(), {"month": "soon"})
    assert len(mail.outbox) == 3


def test_send_now_of_last_month_stops_the_monthly_job_repeating_it(
    login, kpis, people, django_capture_on_commit_callbacks
):
    with freeze_time("2026-11-01 20:00:00"), django_capture_on_commit_callbacks(execute=True):
        login(people["owner"]).post(send_url(), {"month": "2026-10"})
    with freeze_time(MONDAY_2ND):
        assert run_job(django_capture_on_commit_callbacks) == 0
    assert len(mail.outbox) == 3


def test_members_see_no_send_button(login, kpis, people):
    page = login(people["member"]).get(reverse("kpis_scorecard", kwargs={"ws": "acme"}))
    assert "Send scorecard now" not in page.content.decode()


# --- the text lines (chats) -------------------------------------------------------------------


def test_scorecard_lines_in_the_active_language(workspace, kpis):
    from django.utils import translation

    lines = scorecard_lines(workspace, OCTOBER)
    assert lines[0] == "KPI scorecard · October 2026"
    assert lines[1] == "1 on target · 0 close · 2 missed"
    assert "Revenue — CN¥309,000 / CN¥350,000 · Missed" in lines
    assert "Orders — 1,100 / 1,000 · On target" in lines
    marketing = kpis["acos"].department_id
    assert "Revenue — CN¥309,000 / CN¥350,000 · Missed" not in scorecard_lines(
        workspace, OCTOBER, team=marketing)  # fmt: skip
    with translation.override("zh-hans"):
        zh = scorecard_lines(workspace, OCTOBER)
    assert "Revenue — ¥309,000 / ¥350,000 · 未达标" in zh
