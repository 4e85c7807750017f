"""Flagging a report answer: it goes to the next meeting of a series the writer is in, as a
neutral line; only the writer's managers (and owners) who take part in the series may."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from keel.core.models import AuditEvent, Role
from keel.core.tests.factories import MembershipFactory
from keel.feedback.models import AgendaItem, AgendaSource, MeetingKind
from keel.feedback.services.flags import answer_flag, series_for_flag
from keel.feedback.tests.factories import (
    AnswerFactory,
    MeetingSeriesFactory,
    QuestionFactory,
    ReportFactory,
    ReportFormFactory,
    team_chart,
)

pytestmark = pytest.mark.django_db

SECRET = "I got an offer from another shop"


@pytest.fixture
def peer(workspace):
    return MembershipFactory(workspace=workspace, role=Role.MEMBER, user__full_name="Pete Peer")


@pytest.fixture
def answer(workspace, owner, manager, member, peer):
    team_chart(workspace, boss=owner, lead=manager, people=[member, peer])
    form = ReportFormFactory(workspace=workspace)
    question = QuestionFactory(form=form, workspace=workspace, prompt="Anything bothering you?")
    report = ReportFactory(form=form, workspace=workspace, author=member)
    return AnswerFactory(report=report, workspace=workspace, question=question, text=SECRET)


def _one_on_one(workspace, organizer, other, title="1:1"):
    return MeetingSeriesFactory(
        workspace=workspace, title=title, kind=MeetingKind.ONE_ON_ONE, organizer=organizer,
        report_member=other,
    )  # fmt: skip


def test_manager_brings_an_answer_to_the_next_one_on_one(workspace, manager, member, answer):
    series = _one_on_one(workspace, manager, member)
    item = answer_flag(actor=manager, answer=answer, series=series)
    assert item.source == AgendaSource.FLAGGED and item.answer == answer
    assert item.meeting.series == series and item.meeting.held_at is None
    assert "Anything bothering you?" in item.text and "Mike" in item.text
    assert SECRET not in item.text  # the agenda line is neutral
    answer.refresh_from_db()
    assert answer.flagged_by == manager and answer.flagged_at is not None
    assert AuditEvent.objects.filter(action="feedback.answer_flagged").count() == 1
    again = answer_flag(actor=manager, answer=answer, series=series)
    assert again.pk == item.pk and AgendaItem.objects.count() == 1


def test_peer_cannot_flag_and_nothing_changes(workspace, peer, member, answer):
    series = MeetingSeriesFactory(workspace=workspace, organizer=peer)  # a team meeting
    with pytest.raises(PermissionDenied):
        answer_flag(actor=peer, answer=answer, series=series)
    answer.refresh_from_db()
    assert answer.flagged_at is None and not AgendaItem.objects.exists()


def test_manager_cannot_flag_into_a_one_on_one_they_are_not_in(
    workspace, owner, manager, member, answer
):
    series = _one_on_one(workspace, owner, member)
    with pytest.raises(PermissionDenied):
        answer_flag(actor=manager, answer=answer, series=series)
    assert not AgendaItem.objects.exists()


def test_series_without_the_writer_is_refused(workspace, manager, peer, answer):
    series = _one_on_one(workspace, manager, peer)
    with pytest.raises(ValidationError) as error:
        answer_flag(actor=manager, answer=answer, series=series)
    assert "series" in error.value.message_dict
    answer.refresh_from_db()
    assert answer.flagged_at is None


def test_stopped_series_has_no_next_meeting(workspace, manager, member, answer):
    from django.utils import timezone

    series = _one_on_one(workspace, manager, member)
    series.stopped_at = timezone.now()
    series.save()
    with pytest.raises(ValidationError):
        answer_flag(actor=manager, answer=answer, series=series)


def test_choices_default_to_the_one_on_one_with_the_writer(
    workspace, manager, member, peer, answer
):
    team: Any = MeetingSeriesFactory(workspace=workspace, title="A team meeting", organizer=manager)
    from keel.feedback.models import Attendee

    Attendee.objects.create(workspace=workspace, series=team, membership=member)
    one = _one_on_one(workspace, manager, member, title="Maya / Mike")
    _one_on_one(workspace, manager, peer, title="Maya / Pete")
    options, default = series_for_flag(actor=manager, author=member)
    assert [s.pk for s in options] == [team.pk, one.pk]
    assert default == one.pk


def test_flag_page_and_post(login, workspace, manager, member, peer, answer):
    series = _one_on_one(workspace, manager, member, title="Maya / Mike")
    url = reverse("feedback_answer_flag", kwargs={"ws": "acme", "answer_id": answer.pk})
    response = login(manager).get(url)
    assert response.status_code == 200
    assert "Maya / Mike" in response.content.decode()
    assert login(peer).get(url).status_code == 404
    assert login(peer).post(url, {"series": series.pk}).status_code == 404
    response = login(manager).post(url, {"series": series.pk})
    assert response.status_code == 302
    assert AgendaItem.objects.get().answer == answer
    response = login(manager).post(url, {"series": 999999})
    assert response.status_code == 400
