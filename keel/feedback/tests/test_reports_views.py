"""Report pages: the feedback home, "write it now", filling in and reading a report, in
English and Chinese; who may open someone else's report; the home page's query budget."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from keel.feedback.models import Answer, Report
from keel.feedback.services import report_start, report_submit
from keel.feedback.tests.factories import daily_form_for
from keel.tasks.models import Status
from keel.tasks.tests.factories import ProjectFactory, TaskFactory

pytestmark = pytest.mark.django_db


def _home() -> str:
    return reverse("feedback_home", kwargs={"ws": "acme"})


def _report_url(report: Report) -> str:
    return reverse("feedback_report", kwargs={"ws": "acme", "report_id": report.pk})


@pytest.fixture
def form(member, manager):
    return daily_form_for(member, manager)


def _submitted(form, person) -> Report:
    report = report_start(actor=person, form=form)
    answers = {form.q["long_text"].pk: "Private words", form.q["mood"].pk: 2,
               form.q["yes_no"].pk: "yes"}  # fmt: skip
    return report_submit(actor=person, report=report, answers=answers)


@pytest.mark.parametrize(
    ("language", "heading", "empty"),
    [
        ("en", "Your reports", "No reports to write yet"),
        ("zh-hans", "我的汇报", "暂时没有要填写的汇报"),
        ("zh-hant", "我的回報", "目前沒有要填寫的回報"),
    ],
)  # fmt: skip
def test_home_empty_state_explains_reports(login, assistant, language, heading, empty):
    client = login(assistant)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(_home())
    assert response.status_code == 200
    html = response.content.decode()
    assert f'lang="{language}"'.lower() in html.lower()
    assert heading in html and empty in html


@pytest.mark.parametrize("language", ["en", "zh-hans", "zh-hant"])
def test_writer_writes_todays_report_from_home(login, form, member, language):
    project = ProjectFactory(workspace=member.workspace, key="T")
    task = TaskFactory(project=project, title="Ship spring listings", assignee=member,
                       status=Status.DONE, completed_at=timezone.now())  # fmt: skip
    client = login(member)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    html = client.get(_home()).content.decode()
    assert "Daily report" in html
    write = reverse("feedback_report_write", kwargs={"ws": "acme", "form_id": form.pk})
    assert write in html
    response = client.post(write)
    report = Report.objects.get(author=member)
    assert response.status_code == 302 and response["Location"] == _report_url(report)
    page = client.get(_report_url(report))
    assert page.status_code == 200
    text = page.content.decode()
    assert "😞" in text and "😄" in text  # the mood faces
    assert f"- T-{task.number} Ship spring listings" in text  # pre-filled
    data = {f"q{form.q['long_text'].pk}": "- T-1 Ship spring listings\nAnd more",
            f"q{form.q['mood'].pk}": "5", f"q{form.q['choice'].pk}": "Early"}  # fmt: skip
    response = client.post(_report_url(report), data)
    assert response.status_code == 302 and response["Location"] == _home()
    report.refresh_from_db()
    assert report.submitted_at is not None and report.mood == 5
    home = client.get(_home()).content.decode()
    assert _report_url(report) in home  # recently submitted
    assert write not in home  # tomorrow's report is only coming up: its day has not begun


def test_invalid_answers_are_shown_beside_the_fields(login, form, member):
    report = report_start(actor=member, form=form)
    client = login(member)
    data = {f"q{form.q['long_text'].pk}": "ok", f"q{form.q['mood'].pk}": "5",
            f"q{form.q['number'].pk}": "1.234"}  # fmt: skip
    response = client.post(_report_url(report), data)
    assert response.status_code == 400
    assert "Use at most two decimal places." in response.content.decode()
    report.refresh_from_db()
    assert report.submitted_at is None


def test_submitted_report_shows_details_and_edit_link(login, form, member):
    report = _submitted(form, member)
    client = login(member)
    html = client.get(_report_url(report)).content.decode()
    assert "Private words" in html and "?edit=1" in html
    edit = client.get(_report_url(report) + "?edit=1")
    assert edit.status_code == 200 and "Save changes" in edit.content.decode()


def test_peer_who_does_not_write_the_form_gets_404(login, form, member, assistant):
    report = _submitted(form, member)
    client = login(assistant)
    assert client.get(_report_url(report)).status_code == 404
    assert client.post(_report_url(report), {}).status_code == 404


def test_co_writer_reads_team_answers_only_and_cannot_write(login, form, member, manager):
    report = _submitted(form, member)
    client = login(manager)  # writes the same form; not above the member on the chart
    response = client.get(_report_url(report))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Blocked?" in html  # the team question
    assert "Private words" not in html and "Mood" not in html
    mood = form.q["mood"].pk
    assert client.post(_report_url(report), {f"q{mood}": "1"}).status_code == 403
    assert Answer.objects.get(report=report, question_id=mood).number == 2


def test_co_writer_gets_404_when_nothing_is_for_the_team(login, form, member, manager):
    form.q["yes_no"].visibility = "managers"
    form.q["yes_no"].save(update_fields=["visibility"])
    report = _submitted(form, member)
    assert login(manager).get(_report_url(report)).status_code == 404


def test_owner_reads_every_answer(login, form, member, owner):
    report = _submitted(form, member)
    html = login(owner).get(_report_url(report)).content.decode()
    assert "Private words" in html and "Blocked?" in html


def test_write_entry_is_404_for_non_writers_and_other_workspaces(login, form, assistant, outsider):
    write = reverse("feedback_report_write", kwargs={"ws": "acme", "form_id": form.pk})
    assert login(assistant).post(write).status_code == 404
    assert not Report.objects.exists()


def test_home_query_budget_does_not_grow_with_forms(login, member, manager,
                                                    django_assert_max_num_queries):  # fmt: skip
    client = login(member)
    form = daily_form_for(member, manager)
    _submitted(form, member)
    with django_assert_max_num_queries(25) as few:
        client.get(_home())
    for n in range(8):
        other = daily_form_for(member, title=f"Form {n}")
        _submitted(other, member)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(_home()).status_code == 200
