"""Issue 13's journey in a real Chromium: a manager makes a weekly report form from the
built-in template and chooses who writes it; the member (whose account speaks zh-hans) writes
it in Chinese, with the tasks they completed pre-filled; the signal job runs; the manager
reads the mood trend and the early warnings on the person page, acknowledges one, brings an
answer to the next 1:1 and turns that agenda item into a task. Also: a member joins a meeting
with a call link and sees everyone's local time, and a peer cannot open a colleague's page.

The shop (`build_shop`) is shared with test_feedback_accessibility.py. Expected Chinese UI
strings come from the catalogue (gettext under zh-hans); they are checked at the end of the
journey, so a missing translation does not hide a broken step. Waits are on page state.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import expect

from keel.core.models import Membership, Role, Workspace
from keel.core.tests.factories import MembershipFactory, WorkspaceFactory
from keel.feedback.models import (
    AgendaItem,
    Answer,
    Audience,
    Frequency,
    Measure,
    MeetingKind,
    MeetingSeries,
    QuestionKind,
    Report,
    ReportForm,
    Signal,
    SignalKind,
)

from .helpers import set_language, sign_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SLUG = "lotus"
ZH = "zh-hans"
CALL_URL = "https://zoom.us/j/5550001234"
WORRY = "双十二前太累了，有点想辞职。"
NOTE = "talked on Tuesday"


def url(name: str, **kwargs: Any) -> str:
    return reverse(name, kwargs={"ws": SLUG, **kwargs})


def zh(message: str, language: str = ZH) -> str:
    with translation.override(language):
        return translation.gettext(message)


@dataclass
class Shop:
    ws: Workspace
    owner: Membership
    manager: Membership
    member: Membership
    peer: Membership
    assistant: Membership
    done_task: Any
    history: ReportForm
    one_on_one: MeetingSeries
    team_meeting: MeetingSeries


def _person(ws: Workspace, role: str, email: str, name: str, language: str, tz: str) -> Membership:
    membership: Any = MembershipFactory(
        workspace=ws, role=role, user__email=email, user__full_name=name,
        user__language=language, user__timezone=tz,
    )  # fmt: skip
    return membership


def _mood_history(ws: Workspace, member: Membership, now: datetime.datetime) -> ReportForm:
    """Eleven weeks of an older weekly form: mood 4 for eight weeks, then 2, 2, 1 (a drop)."""
    from keel.feedback.tests.factories import QuestionFactory, ReportFactory, ReportFormFactory

    form: Any = ReportFormFactory(
        workspace=ws, title="每周小结", frequency=Frequency.WEEKLY, weekdays=["FR"],
        starts_on=(now - datetime.timedelta(days=120)).date(),
    )  # fmt: skip
    QuestionFactory(form=form, kind=QuestionKind.MOOD, prompt="心情", measure=Measure.MOOD)
    moods = [(2, 2), (9, 2), (16, 1)] + [(23 + 7 * n, 4) for n in range(8)]
    for days_ago, mood in moods:
        due = now - datetime.timedelta(days=days_ago)
        ReportFactory(form=form, workspace=ws, author=member, period_date=due.date(),
                      period_start=due.date() - datetime.timedelta(days=6), due_at=due,
                      submitted_at=due, mood=mood, workload=3)  # fmt: skip
    return form


def build_shop() -> Shop:
    """莲花贸易: the owner on top of the chart, the manager (English) under them, the member
    and a peer (both zh-hans) under the manager, and a remote assistant in Los Angeles; a task
    the member completed today, an older weekly form whose mood dropped, a weekly 1:1 between
    the manager and the member, and a team meeting with a call link."""
    from keel.feedback.services import agenda
    from keel.feedback.services.meetings import series_create
    from keel.org.tests.conftest import make_seat_in
    from keel.tasks.models import Status
    from keel.tasks.services import project_create
    from keel.tasks.tests.factories import TaskFactory

    now = timezone.now()
    ws: Any = WorkspaceFactory(name="莲花贸易", slug=SLUG, language=ZH,
                               timezone="Asia/Shanghai", email_domain="lotus.example")  # fmt: skip
    owner = _person(ws, Role.OWNER, "wang@lotus.example", "王芳", ZH, "Asia/Shanghai")
    manager = _person(ws, Role.MANAGER, "maya@lotus.example", "Maya Chen", "en", "Asia/Shanghai")
    member = _person(ws, Role.MEMBER, "li@lotus.example", "李雷", ZH, "Asia/Shanghai")
    peer = _person(ws, Role.MEMBER, "han@lotus.example", "韩梅梅", ZH, "Asia/Shanghai")
    assistant = _person(ws, Role.ASSISTANT, "ana@freelance.example", "Ana Lopez", "en",
                        "America/Los_Angeles")  # fmt: skip
    top = make_seat_in(ws, "店主", holder=owner)
    lead = make_seat_in(ws, "运营经理", holder=manager, reports_to=top)
    make_seat_in(ws, "客服", holder=member, reports_to=lead)
    make_seat_in(ws, "仓库", holder=peer, reports_to=lead)

    project = project_create(actor=owner, name="客服", key="KF")
    done = TaskFactory(project=project, title="回复买家差评", assignee=member,
                       status=Status.DONE, completed_at=now)  # fmt: skip
    history = _mood_history(ws, member, now)

    start = datetime.datetime.combine(now.date() - datetime.timedelta(days=21), datetime.time(15))
    one = series_create(
        actor=manager, title="Maya / 李雷 1:1", kind=MeetingKind.ONE_ON_ONE, report_member=member,
        rrule="FREQ=WEEKLY;BYDAY=WE", dtstart_local=start, timezone_name="Asia/Shanghai",
    )  # fmt: skip
    team = series_create(
        actor=manager, title="客服周会", kind=MeetingKind.TEAM, rrule="FREQ=WEEKLY;BYDAY=MO",
        dtstart_local=start.replace(hour=9), timezone_name="Asia/Shanghai", call_url=CALL_URL,
        members=[member, assistant, peer],
    )  # fmt: skip
    agenda.next_meeting(series=team)  # the row exists, so the list links to the meeting
    return Shop(ws, owner, manager, member, peer, assistant, done, history, one, team)


def page_for(new_context: Any, base_url: str, membership: Membership) -> Any:
    """A signed-in tab in the account's language (what signing in sets; force_login skips it)."""
    context = new_context()
    set_language(context, base_url, membership.user.language or "en")
    sign_in_context(context, base_url, membership.user)
    return context.new_page()


@pytest.fixture
def shop() -> Shop:
    return build_shop()


def _create_weekly_form(page: Any, shop: Shop) -> ReportForm:
    """Step 1: the manager creates the weekly report (questions in Chinese) for the member."""
    page.goto(url("feedback_forms"))
    page.locator("a[data-create]").click()
    page.wait_for_url(f"**{url('feedback_form_new')}*")
    form = page.locator("form[data-form-new]")
    form.locator("input[name=template][value=weekly]").check()
    form.locator("select[name=language]").select_option(ZH)
    preview = page.locator('[data-preview="weekly:zh-hans"]')
    expect(preview).to_be_visible()
    expect(preview).to_contain_text("本周亮点")
    form.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/feedback/forms/\d+/(#audience)?$"))
    created = ReportForm.objects.get(workspace=shop.ws, template="weekly")
    questions = page.locator("#questions ol > li")
    expect(questions).to_have_count(6)
    for prompt in ("本周亮点", "本周挑战", "本周工作量", "有什么让你困扰的事吗？",
                   "这一周过得怎么样？"):  # fmt: skip
        expect(page.locator("#questions")).to_contain_text(prompt)

    audience = page.locator("#audience")
    audience.locator("select[name=members]").select_option(str(shop.member.pk))
    audience.locator("button[type=submit]").click()
    # The line naming the writers is only there once the save has come back.
    expect(page.locator("#audience > p").filter(has_text="李雷")).to_be_visible()
    assert Audience.objects.filter(form=created, membership=shop.member).count() == 1
    return created


def _prompt_field(form: ReportForm, prompt: str) -> str:
    return f"q{form.questions.get(prompt=prompt).pk}"


def _write_report_in_chinese(page: Any, shop: Shop, form: ReportForm, shown: dict) -> Report:
    """Step 2: the member writes the weekly report in Chinese, wins pre-filled."""
    page.goto(url("feedback_home"))
    expect(page.locator("html")).to_have_attribute("lang", ZH)
    shown["Your reports"] = page.locator("#reports-heading").inner_text()
    row = page.locator("ul.feedback-reports li").filter(has_text="周报")
    write = row.locator("button[type=submit]")
    shown["Write it now"] = write.inner_text().replace("周报", "").strip()
    write.click()
    page.wait_for_url(re.compile(r"/feedback/reports/\d+/$"))
    expect(page.locator("h1")).to_have_text("周报")

    done = shop.done_task
    wins = page.locator(f"#id_{_prompt_field(form, '本周亮点')}")
    expect(wins).to_have_value(re.compile(re.escape(f"KF-{done.number} 回复买家差评")))
    wins.fill(wins.input_value() + "\n- 双十二活动页上线")
    page.locator(f"#id_{_prompt_field(form, '本周挑战')}").fill("备货压力很大，仓库人手不够。")
    page.locator(f"#id_{_prompt_field(form, '有什么让你困扰的事吗？')}").fill(WORRY)
    page.locator(f"input[name={_prompt_field(form, '本周工作量')}][value='5']").check()
    page.locator(f"input[name={_prompt_field(form, '这一周过得怎么样？')}][value='2']").check()
    submit = page.locator("form.card button[type=submit]")
    shown["Submit report"] = submit.inner_text().strip()
    submit.click()
    page.wait_for_url(re.compile(r"/feedback/$"))
    expect(page.locator(".messages")).to_be_visible()
    report = Report.objects.get(form=form, author=shop.member)
    assert report.submitted_at is not None and report.mood == 2 and report.workload == 5
    wins_answer = Answer.objects.get(report=report, question__prompt="本周亮点").text
    assert "回复买家差评" in wins_answer and "双十二活动页上线" in wins_answer
    return report


def _explanation(signal: Signal, name: str) -> str:
    from keel.feedback.signal_text import explain

    with translation.override("en"):
        return explain(signal.kind, signal.details, name)


def _trend_signal_and_acknowledge(page: Any, shop: Shop) -> None:
    """Step 3: the nightly job runs; the manager reads the trend and the warnings."""
    from keel.feedback.services.signals import signals_compute

    summary = signals_compute(workspace=shop.ws, now=timezone.now())
    assert summary.created >= 2, summary
    drop = Signal.objects.get(subject=shop.member, kind=SignalKind.MOOD_DROP)
    words = Signal.objects.get(subject=shop.member, kind=SignalKind.WATCH_WORDS)
    assert "辞职" in words.details["words"]

    page.goto(url("feedback_person", member_id=shop.member.pk))
    expect(page.locator("h1")).to_have_text("李雷")
    chart = page.locator("svg#person-trend[role=img]")
    expect(chart).to_be_visible()
    expect(chart.locator(".chart-line").first).to_be_attached()  # the weeks are plotted
    for signal in (drop, words):
        expect(page.locator(f"#signal-{signal.pk} .signal-explanation")).to_have_text(
            _explanation(signal, "李雷")
        )

    item = page.locator(f"#signal-{words.pk}")
    item.locator("[name=note]").fill(NOTE)
    item.locator("button[type=submit]").click()
    expect(page.locator(".messages")).to_be_visible()
    expect(page.locator(f"#signal-{words.pk}")).to_contain_text(NOTE)
    words.refresh_from_db()
    assert words.acknowledged_at is not None and words.acknowledged_by_id == shop.manager.pk
    assert words.note == NOTE


def _flag_into_one_on_one(page: Any, shop: Shop, report: Report) -> AgendaItem:
    """Step 4: the manager brings the worried answer to the next 1:1 and opens the meeting."""
    answer = Answer.objects.get(report=report, question__prompt="有什么让你困扰的事吗？")
    page.locator(f"a[href='{url('feedback_answer_flag', answer_id=answer.pk)}']").click()
    page.wait_for_url(f"**{url('feedback_answer_flag', answer_id=answer.pk)}")
    series = page.locator("select[name=series]")
    expect(series).to_have_value(str(shop.one_on_one.pk))  # the 1:1 is chosen by default
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**{url('feedback_person', member_id=shop.member.pk)}")
    expect(page.locator(".messages")).to_contain_text(shop.one_on_one.title)
    item = AgendaItem.objects.get(answer=answer)
    assert item.meeting.series_id == shop.one_on_one.pk

    page.goto(url("feedback_meetings"))
    page.locator(f"a[href='{url('feedback_meeting', meeting_id=item.meeting_id)}']").first.click()
    page.wait_for_url(f"**{url('feedback_meeting', meeting_id=item.meeting_id)}")
    row = page.locator(f"#agenda-item-{item.pk}")
    expect(row).to_contain_text("有什么让你困扰的事吗？")
    expect(row.locator("blockquote")).to_contain_text(WORRY)
    return item


def _agenda_item_to_task(page: Any, shop: Shop, item: AgendaItem) -> None:
    """Step 5: the agenda item becomes a task for the member, due in a week."""
    from keel.tasks.models import Task

    due = timezone.localdate() + datetime.timedelta(days=7)
    row = page.locator(f"#agenda-item-{item.pk}")
    row.locator("details > summary").click()
    row.locator("select[name=owner]").select_option(str(shop.member.pk))
    row.locator("input[name=due]").fill(due.isoformat())
    row.locator("details form button[type=submit]").click()
    link = page.locator(f"#agenda-item-{item.pk} a[href*='/tasks/']")
    expect(link).to_be_visible()
    item.refresh_from_db()
    assert item.task_id is not None
    task = Task.objects.get(pk=item.task_id)
    assert task.assignee_id == shop.member.pk and task.due_date == due
    link.click()
    page.wait_for_url(f"**{url('task_detail', task_id=task.pk)}")
    expect(page.locator("h1")).to_contain_text(task.title)


def test_weekly_report_from_template_to_signal_to_meeting_to_task(
    new_context: Any, base_url: str, shop: Shop
) -> None:
    manager = page_for(new_context, base_url, shop.manager)
    member = page_for(new_context, base_url, shop.member)
    shown: dict[str, str] = {}

    form = _create_weekly_form(manager, shop)
    report = _write_report_in_chinese(member, shop, form, shown)
    _trend_signal_and_acknowledge(manager, shop)
    item = _flag_into_one_on_one(manager, shop, report)
    _agenda_item_to_task(manager, shop, item)

    # The member's pages were in Chinese: the catalogue's words, not the English ones.
    wrong = {msgid: text for msgid, text in shown.items() if text != zh(msgid) or text == msgid}
    assert not wrong, f"not the zh-hans catalogue's words: {wrong}"


def test_member_sees_join_call_and_everyones_local_time(
    new_context: Any, base_url: str, shop: Shop
) -> None:
    page = page_for(new_context, base_url, shop.member)
    page.goto(url("feedback_meetings"))
    expect(page.locator("html")).to_have_attribute("lang", ZH)
    meeting = shop.team_meeting.meetings.get()
    page.locator(f"a[href='{url('feedback_meeting', meeting_id=meeting.pk)}']").first.click()
    page.wait_for_url(f"**{url('feedback_meeting', meeting_id=meeting.pk)}")
    join = page.locator(f"a[href='{CALL_URL}']").first
    expect(join).to_be_visible()
    shown = join.inner_text().strip()

    starts = meeting.starts_at
    la = starts.astimezone(ZoneInfo("America/Los_Angeles")).strftime("%H:%M")
    shanghai = starts.astimezone(ZoneInfo("Asia/Shanghai")).strftime("%H:%M")
    assert la != shanghai
    # Each attendee with the meeting's time in their own zone (the city's name may be translated).
    attendees = page.locator("section[aria-labelledby=when-heading] ul.list")
    expect(attendees.locator("li").filter(has_text="Ana Lopez")).to_contain_text(la)
    expect(attendees.locator("li").filter(has_text="李雷")).to_contain_text(shanghai)
    assert shown == zh("Join call") != "Join call", f"“Join call” reads {shown!r} in zh-hans"


def test_a_peer_gets_not_found_for_a_colleagues_person_page(
    new_context: Any, base_url: str, shop: Shop
) -> None:
    from keel.feedback.services.signals import signals_compute

    signals_compute(workspace=shop.ws, now=timezone.now())  # the mood drop of the member
    assert Signal.objects.filter(subject=shop.member).exists()
    page = page_for(new_context, base_url, shop.peer)
    response = page.goto(url("feedback_person", member_id=shop.member.pk))
    assert response is not None and response.status == 404, response and response.status
    body = page.locator("body").inner_text()
    assert "李雷" not in body and "心情" not in body, body[:500]
    # Nor do the signals or the team page name them.
    for name in ("feedback_signals", "feedback_team"):
        response = page.goto(url(name))
        assert response is not None and response.status in (200, 403, 404), response
        assert "李雷" not in page.locator("body").inner_text(), name
