"""The report forms API: create, read (builders and writers), patch, questions, audience."""

from __future__ import annotations

from typing import Any

import pytest

from keel.core.tests.api_client import assert_problem
from keel.feedback.models import Audience, Question, ReportForm
from keel.feedback.tests import factories
from keel.org.tests.factories import SeatFactory

pytestmark = pytest.mark.django_db

# Typed as Any: factory_boy types a call as the factory, not the model instance.
AnswerFactory: Any = factories.AnswerFactory
QuestionFactory: Any = factories.QuestionFactory
ReportFormFactory: Any = factories.ReportFormFactory

WS = "/workspaces/acme/feedback/forms"


def _locs(problem):
    return [e["loc"][-1] for e in problem["errors"]]


def test_create_read_and_patch(api_for, manager, member):
    api = api_for(manager)
    response = api.post(WS, {"template": "weekly", "language": "zh-hant"})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["title"] == "週報" and body["frequency"] == "weekly"
    assert [q["measure"] for q in body["questions"]][-1] == "mood"
    assert body["can_manage"] is True
    form_id = body["id"]

    response = api.patch(
        f"{WS}/{form_id}",
        {"frequency": "monthly", "month_day": -1, "due_time": "09:15", "owner_id": member.pk},
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["frequency"], body["month_day"], body["due_time"]) == ("monthly", -1, "09:15")
    assert body["owner_id"] == member.pk

    problem = assert_problem(api.patch(f"{WS}/{form_id}", {"frequency": "weekly",
                                                           "weekdays": []}), 422)  # fmt: skip
    assert "weekdays" in _locs(problem)
    problem = assert_problem(api.patch(f"{WS}/{form_id}", {"late_window_hours": 0}), 422)
    assert "late_window_hours" in _locs(problem)
    problem = assert_problem(api.patch(f"{WS}/{form_id}", {"owner_id": 999999}), 422)
    assert "owner_id" in _locs(problem)

    listed = api.get(WS).json()
    assert [f["id"] for f in listed["items"]] == [form_id]

    assert api.patch(f"{WS}/{form_id}", {"archived": True}).json()["archived_at"]
    assert api.patch(f"{WS}/{form_id}", {"archived": False}).json()["archived_at"] is None


def test_blank_form_needs_a_title(api_for, manager):
    problem = assert_problem(api_for(manager).post(WS, {}), 422)
    assert "title" in _locs(problem)
    assert not ReportForm.objects.exists()


def test_writer_may_read_not_build(api_for, workspace, member, assistant):
    form = ReportFormFactory(workspace=workspace)
    QuestionFactory(form=form, prompt="What did you ship?")
    api = api_for(member)
    assert_problem(api.get(f"{WS}/{form.pk}"), 404)
    Audience.objects.create(workspace=workspace, form=form, membership=member)
    body = api.get(f"{WS}/{form.pk}").json()
    assert body["questions"][0]["prompt"] == "What did you ship?"
    assert body["can_manage"] is False and body["audience"]["writer_ids"] == [member.pk]
    assert [f["id"] for f in api.get(WS).json()["items"]] == [form.pk]
    assert_problem(api.patch(f"{WS}/{form.pk}", {"title": "Mine"}), 403)
    assert_problem(api.post(f"{WS}/{form.pk}/questions", {"kind": "long_text",
                                                          "prompt": "X"}), 403)  # fmt: skip
    assert_problem(api.put(f"{WS}/{form.pk}/audience", {"member_ids": [assistant.pk]}), 403)
    assert_problem(api.post(WS, {"template": "daily"}), 403)
    form.refresh_from_db()
    assert form.title != "Mine" and form.questions.count() == 1


def test_questions(api_for, workspace, manager):
    form = ReportFormFactory(workspace=workspace)
    api = api_for(manager)
    path = f"{WS}/{form.pk}/questions"
    response = api.post(path, {"kind": "choice", "prompt": "Shift?", "choices": ["Early", "Late"],
                               "visibility": "team"})  # fmt: skip
    assert response.status_code == 201, response.content
    first = response.json()
    assert first["choices"] == ["Early", "Late"] and first["visibility"] == "team"
    problem = assert_problem(api.post(path, {"kind": "choice", "prompt": "Bad",
                                             "choices": ["Only"]}), 422)  # fmt: skip
    assert "choices" in _locs(problem)
    problem = assert_problem(api.post(path, {"kind": "scale", "prompt": "Bad",
                                             "measure": "mood"}), 422)  # fmt: skip
    assert "measure" in _locs(problem)
    assert_problem(api.post(path, {"kind": "essay", "prompt": "Bad"}), 422)
    second = api.post(path, {"kind": "mood", "prompt": "Mood?", "measure": "mood"}).json()

    response = api.patch(f"{path}/{second['id']}", {"prompt": "How do you feel?", "move": "up"})
    assert response.status_code == 200, response.content
    assert response.json()["prompt"] == "How do you feel?" and response.json()["position"] == 0
    assert_problem(api.patch(f"{path}/{second['id']}", {"move": "sideways"}), 422)
    assert_problem(api.patch(f"{path}/{second['id']}", {"prompt": None}), 422)

    AnswerFactory(report__form=form, question_id=first["id"], text="Early")
    assert api.delete(f"{path}/{first['id']}").status_code == 204
    assert Question.objects.get(pk=first["id"]).archived_at is not None
    assert_problem(api.patch(f"{path}/{first['id']}", {"prompt": "Again"}), 404)
    assert api.delete(f"{path}/{second['id']}").status_code == 204
    assert not Question.objects.filter(pk=second["id"]).exists()


def test_audience(api_for, workspace, manager, member, outsider):
    form = ReportFormFactory(workspace=workspace)
    seat = SeatFactory(workspace=workspace)
    api = api_for(manager)
    response = api.put(f"{WS}/{form.pk}/audience", {"member_ids": [member.pk],
                                                    "seat_ids": [seat.pk]})  # fmt: skip
    assert response.status_code == 200, response.content
    assert response.json() == {"member_ids": [member.pk], "group_ids": [],
                               "seat_ids": [seat.pk], "writer_ids": [member.pk]}  # fmt: skip
    problem = assert_problem(api.put(f"{WS}/{form.pk}/audience",
                                     {"member_ids": [outsider.pk]}), 422)  # fmt: skip
    assert "member_ids" in _locs(problem)


def test_other_workspace_is_404(api_for, workspace, outsider):
    form = ReportFormFactory(workspace=workspace)
    api = api_for(outsider)
    assert_problem(api.get(f"/workspaces/other/feedback/forms/{form.pk}"), 404)
    assert_problem(api.get(f"{WS}/{form.pk}"), 404)
    assert_problem(api.get(f"/workspaces/other/feedback/forms/{2**70}"), 404)
