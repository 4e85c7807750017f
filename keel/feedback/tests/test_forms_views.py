"""The report form builder pages, in English and Simplified Chinese."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse

from keel.feedback.models import Audience, Question, ReportForm
from keel.feedback.tests import factories
from keel.org.models import SeatStatus
from keel.org.tests.factories import SeatFactory

pytestmark = pytest.mark.django_db

# Typed as Any: factory_boy types a call as the factory, not the model instance.
AnswerFactory: Any = factories.AnswerFactory
QuestionFactory: Any = factories.QuestionFactory
ReportFormFactory: Any = factories.ReportFormFactory


def _url(name, form=None, **kwargs):
    if form is not None:
        kwargs["form_id"] = form.pk
    return reverse(name, kwargs={"ws": "acme", **kwargs})


@pytest.mark.parametrize(
    ("language", "title", "first_prompt"),
    [("en", "Daily report", "What did I do today?"), ("zh-hans", "日报", "今天做了什么？")],
)
def test_builder_flow(login, manager, member, language, title, first_prompt):
    manager.user.language = language
    manager.user.save()
    client = login(manager)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get(_url("feedback_form_new"))
    assert page.status_code == 200
    assert f'<html lang="{language}"' in page.content.decode()
    assert first_prompt in page.content.decode()  # the preview of the default template
    assert f'<option value="{language}" selected' in page.content.decode()

    response = client.post(_url("feedback_form_new"), {"template": "daily", "language": language})
    form = ReportForm.objects.get()
    assert response.status_code == 302 and form.title == title
    builder = client.get(_url("feedback_form", form))
    html = builder.content.decode()
    assert builder.status_code == 200 and first_prompt in html

    # Details, schedule, audience.
    assert client.post(_url("feedback_form_details", form),
                       {"title": "Team daily", "intro": "Short!"}).status_code == 302  # fmt: skip
    response = client.post(
        _url("feedback_form_schedule", form),
        {
            "frequency": "weekly",
            "weekdays": ["FR"],
            "due_time": "16:30",
            "late_window_hours": "24",
            "edit_window_hours": "12",
            "starts_on": "2026-03-02",
        },
    )
    assert response.status_code == 302
    form.refresh_from_db()
    assert (form.title, form.frequency, form.weekdays) == ("Team daily", "weekly", ["FR"])
    assert form.due_time == datetime.time(16, 30)
    response = client.post(_url("feedback_form_audience", form), {"members": [member.pk]})
    assert response.status_code == 302
    assert Audience.objects.filter(form=form, membership=member).exists()

    # Questions: add, edit, move, remove.
    response = client.post(_url("feedback_form_question_add", form), {
        "kind": "choice", "prompt": "Which shift?", "visibility": "team",
        "choices": "Early\nLate", "required": "on"})  # fmt: skip
    assert response.status_code == 302
    question = Question.objects.get(prompt="Which shift?")
    assert question.choices == ["Early", "Late"]
    edit = _url("feedback_form_question_edit", form, question_id=question.pk)
    assert client.get(edit).status_code == 200
    response = client.post(
        edit,
        {
            "kind": "choice",
            "prompt": "Which shift today?",
            "visibility": "managers",
            "choices": "Early\nLate\nNight",
        },
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.prompt == "Which shift today?" and not question.required
    move = _url("feedback_form_question_move", form, question_id=question.pk)
    client.post(move, {"direction": "up"})
    prompts = list(form.questions.order_by("position").values_list("prompt", flat=True))
    assert prompts.index("Which shift today?") == 2
    remove = _url("feedback_form_question_remove", form, question_id=question.pk)
    assert client.get(remove).status_code == 200
    assert client.post(remove).status_code == 302
    assert not Question.objects.filter(pk=question.pk).exists()

    # The writer sees the form (read-only) and the list.
    writer = login(member)
    html = writer.get(_url("feedback_form", form)).content.decode()
    assert "Team daily" in html and "feedback_form_schedule" not in html
    assert 'name="frequency"' not in html
    assert "Team daily" in writer.get(_url("feedback_forms")).content.decode()


def test_refused_input_shows_errors(login, manager):
    form = ReportFormFactory(workspace=manager.workspace)
    client = login(manager)
    response = client.post(
        _url("feedback_form_schedule", form),
        {
            "frequency": "weekly",
            "weekdays": ["MO", "FR"],
            "due_time": "16:30",
            "late_window_hours": "24",
            "edit_window_hours": "12",
            "starts_on": "2026-03-02",
        },
    )
    assert response.status_code == 400
    assert "Choose exactly one day" in response.content.decode()
    response = client.post(_url("feedback_form_question_add", form),
                           {"kind": "scale", "prompt": "Q", "visibility": "managers",
                            "measure": "mood"})  # fmt: skip
    assert response.status_code == 400
    response = client.post(_url("feedback_form_new"), {"template": "", "language": "en"})
    assert response.status_code == 400
    response = client.post(_url("feedback_form_new"), {"template": "monthly", "language": "xx"})
    assert response.status_code == 400


def test_member_cannot_build(login, member):
    form = ReportFormFactory(workspace=member.workspace)
    Audience.objects.create(workspace=member.workspace, form=form, membership=member)
    client = login(member)
    assert client.get(_url("feedback_form_new")).status_code == 403
    assert client.post(_url("feedback_form_archive", form)).status_code == 403
    assert client.post(_url("feedback_form_details", form), {"title": "X"}).status_code == 403
    form.refresh_from_db()
    assert form.archived_at is None


def test_hidden_form_is_404(login, member, outsider):
    form = ReportFormFactory(workspace=member.workspace)
    assert login(member).get(_url("feedback_form", form)).status_code == 404


def test_archive_restore_and_question_with_answers(login, manager):
    form = ReportFormFactory(workspace=manager.workspace)
    question = QuestionFactory(form=form)
    AnswerFactory(report__form=form, question=question)
    client = login(manager)
    client.post(_url("feedback_form_question_remove", form, question_id=question.pk))
    question.refresh_from_db()
    assert question.archived_at is not None
    assert client.post(_url("feedback_form_archive", form)).status_code == 302
    html = client.get(_url("feedback_forms")).content.decode()
    assert "Archived forms" in html
    assert client.post(_url("feedback_form_restore", form)).status_code == 302
    form.refresh_from_db()
    assert form.archived_at is None


def test_seat_owner_builds(login, workspace, member):
    seat = SeatFactory(workspace=workspace, status=SeatStatus.FILLED, holder=member)
    form = ReportFormFactory(workspace=workspace, owner_seat=seat)
    client = login(member)
    html = client.get(_url("feedback_forms")).content.decode()
    assert form.title in html
    assert 'name="frequency"' in client.get(_url("feedback_form", form)).content.decode()


def test_forms_list_query_count(login, manager, django_assert_max_num_queries):
    for _ in range(8):
        form = ReportFormFactory(workspace=manager.workspace, owner=manager)
        QuestionFactory.create_batch(2, form=form)
        Audience.objects.create(workspace=manager.workspace, form=form, membership=manager)
    client = login(manager)
    client.get(_url("feedback_forms"))
    with django_assert_max_num_queries(20):
        response = client.get(_url("feedback_forms"))
    assert response.status_code == 200 and "data-create" in response.content.decode()


def test_builder_query_count(login, workspace, manager, member, django_assert_max_num_queries):
    form = ReportFormFactory(workspace=workspace, owner=manager)
    QuestionFactory.create_batch(12, form=form)
    Audience.objects.create(workspace=workspace, form=form, membership=member)
    Audience.objects.create(workspace=workspace, form=form, seat=SeatFactory(workspace=workspace))
    client = login(manager)
    client.get(_url("feedback_form", form))
    with django_assert_max_num_queries(30):
        response = client.get(_url("feedback_form", form))
    assert response.status_code == 200


def test_registered_on_the_seat_page_and_offboarding():
    from keel.accounts.offboarding import offboarding_steps
    from keel.org.ownership import ownership_sources

    assert "feedback.forms" in {s.key for s in ownership_sources()}
    assert "feedback.forms" in {s.key for s in offboarding_steps()}
