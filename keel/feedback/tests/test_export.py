"""The CSV export of a form's reports follows the privacy rules of the pages: the manager
chain reads everything of the people they lead; a fellow writer reads only team answers and
no mood; nobody reads anything of a form with nothing for the team unless they lead."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.conf import settings
from django.urls import reverse

from keel.core.models import AuditEvent, Role
from keel.core.tests.factories import MembershipFactory
from keel.feedback.models import AnswerVisibility
from keel.feedback.tests.factories import (
    AnswerFactory,
    AudienceFactory,
    QuestionFactory,
    ReportFormFactory,
    daily_reports,
    team_chart,
)

pytestmark = pytest.mark.django_db

PRIVATE = "=Thinking about my contract"
TEAM = "Packed the spring orders"


@pytest.fixture
def setup(workspace, owner, manager, member):
    peer = MembershipFactory(workspace=workspace, role=Role.MEMBER, user__full_name="Pete Peer")
    team_chart(workspace, boss=owner, lead=manager, people=[member])
    form = ReportFormFactory(workspace=workspace, title="Daily")
    for writer in (member, peer):
        AudienceFactory(workspace=workspace, form=form, membership=writer)
    private_q = QuestionFactory(form=form, workspace=workspace, prompt="Really?")
    team_q = QuestionFactory(form=form, workspace=workspace, prompt="Shipped?",
                             visibility=AnswerVisibility.TEAM)  # fmt: skip
    [report] = daily_reports(form, member, end=datetime.date(2026, 3, 2), moods=[2])
    AnswerFactory(report=report, workspace=workspace, question=private_q, text=PRIVATE)
    AnswerFactory(report=report, workspace=workspace, question=team_q, text=TEAM)
    return {"form": form, "peer": peer, "team_q": team_q}


def _rows(client, form) -> list[list[str]]:
    url = reverse("feedback_reports_export", kwargs={"ws": "acme", "form_id": form.pk})
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_the_manager_chain_exports_every_answer_defused(login, manager, setup):
    header, *rows = _rows(login(manager), setup["form"])
    assert header[:5] == ["Date", "Writer", "Submitted", "Mood", "Workload"]
    [row] = rows
    assert row[0] == "2026-03-02" and row[3] == "2"
    assert "'" + PRIVATE in row and TEAM in row  # a formula is defused with an apostrophe
    assert AuditEvent.objects.filter(action="feedback.reports_exported").count() == 1


def test_a_fellow_writer_exports_team_answers_only(login, setup):
    [row] = _rows(login(setup["peer"]), setup["form"])[1:]
    assert TEAM in row
    assert not any(PRIVATE in cell for cell in row)
    assert row[3] == "" and row[4] == ""  # mood and workload come from private answers


def test_no_team_questions_no_rows_for_peers(login, setup):
    setup["team_q"].visibility = AnswerVisibility.MANAGERS
    setup["team_q"].save(update_fields=["visibility"])
    assert _rows(login(setup["peer"]), setup["form"])[1:] == []


def test_an_outsider_cannot_export(login, outsider, setup):
    url = reverse("feedback_reports_export", kwargs={"ws": "acme", "form_id": setup["form"].pk})
    assert login(outsider).get(url).status_code == 404


def test_export_in_chinese_headers(login, owner, setup):
    client = login(owner)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    header = _rows(client, setup["form"])[0]
    assert header[:5] == ["日期", "填写人", "提交时间", "心情", "工作量"]
