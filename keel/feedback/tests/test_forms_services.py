"""Report form services: templates in each language, validation, permissions, questions."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from keel.core.models import AuditEvent
from keel.feedback import services
from keel.feedback.forms_ownership import release_forms, seat_forms
from keel.feedback.models import Audience, Question, ReportForm
from keel.feedback.services import FormChanges, QuestionChanges
from keel.feedback.templates_builtin import FORM_TEMPLATES
from keel.feedback.tests import factories
from keel.org.models import SeatStatus
from keel.org.tests.factories import SeatFactory

pytestmark = pytest.mark.django_db

# Typed as Any: factory_boy types a call as the factory, not the model instance.
AnswerFactory: Any = factories.AnswerFactory
QuestionFactory: Any = factories.QuestionFactory
ReportFormFactory: Any = factories.ReportFormFactory


@pytest.mark.parametrize("language", ["en", "zh-hans", "zh-hant"])
@pytest.mark.parametrize("template", ["daily", "weekly"])
def test_template_creates_its_questions_in_the_language(manager, template, language):
    form = services.form_create(actor=manager, template=template, language=language)
    built = FORM_TEMPLATES[template][language]
    assert form.title == built.title and form.frequency == built.frequency
    assert form.weekdays == list(built.weekdays) and form.due_time == built.due_time
    questions = list(form.questions.order_by("position"))
    assert [q.prompt for q in questions] == [q.prompt for q in built.questions]
    assert [q.measure for q in questions] == [q.measure for q in built.questions]
    assert form.owner == manager and form.template == template
    assert AuditEvent.objects.filter(action="feedback.form_created").count() == 1


def test_template_language_defaults_to_the_actors(manager):
    manager.user.language = "zh-hant"
    manager.user.save()
    form = services.form_create(actor=manager, template="daily")
    assert form.title == "日報"


def test_blank_form_needs_a_title(manager):
    with pytest.raises(ValidationError) as err:
        services.form_create(actor=manager)
    assert "title" in err.value.message_dict
    form = services.form_create(actor=manager, title="Standup")
    assert form.questions.count() == 0 and form.frequency == "daily"
    assert form.starts_on == services.workspace_today(manager.workspace)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [({"template": "yearly"}, "template"), ({"template": "daily", "language": "fr"}, "language"),
     ({"title": "a\x07b"}, "title"), ({"title": "x" * 121}, "title")],
)  # fmt: skip
def test_create_validation(manager, kwargs, field):
    with pytest.raises(ValidationError) as err:
        services.form_create(actor=manager, **kwargs)
    assert field in err.value.message_dict
    assert not ReportForm.objects.exists()


def test_member_cannot_create_or_edit(member, manager):
    with pytest.raises(PermissionDenied):
        services.form_create(actor=member, template="daily")
    form = services.form_create(actor=manager, template="daily")
    with pytest.raises(PermissionDenied):
        services.form_update(actor=member, form=form, changes=FormChanges(title="Mine now"))
    with pytest.raises(PermissionDenied):
        services.question_add(actor=member, form=form, kind="long_text", prompt="Hi")
    with pytest.raises(PermissionDenied):
        services.audience_set(actor=member, form=form, members=[member])
    with pytest.raises(PermissionDenied):
        services.form_archive(actor=member, form=form)
    form.refresh_from_db()
    assert form.title != "Mine now" and form.archived_at is None
    assert form.questions.count() == 3 and not form.audience.exists()


def test_owner_person_and_owner_seat_may_build(workspace, manager, member):
    form = ReportFormFactory(workspace=workspace, owner=member)
    services.form_update(actor=member, form=form, changes=FormChanges(title="Team daily"))
    seat = SeatFactory(workspace=workspace, status=SeatStatus.FILLED, holder=member)
    services.form_update(actor=manager, form=form, changes=FormChanges(owner_seat=seat))
    form.refresh_from_db()
    assert form.owner is None and form.owner_seat == seat
    services.question_add(actor=member, form=form, kind="short_text", prompt="One word?")
    assert ("Team daily (owner)", f"/acme/feedback/forms/{form.pk}/") in seat_forms(seat)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        (FormChanges(frequency="weekly", weekdays=["MO", "FR"]), "weekdays"),
        (FormChanges(frequency="daily", weekdays=[]), "weekdays"),
        (FormChanges(weekdays=["XX"]), "weekdays"),
        (FormChanges(frequency="monthly", month_day=29), "month_day"),
        (FormChanges(frequency="monthly", month_day=None), "month_day"),
        (FormChanges(frequency="hourly"), "frequency"),
        (FormChanges(late_window_hours=0), "late_window_hours"),
        (FormChanges(late_window_hours=337), "late_window_hours"),
        (FormChanges(edit_window_hours=-1), "edit_window_hours"),
        (FormChanges(edit_window_hours="x"), "edit_window_hours"),
        (FormChanges(title=" "), "title"),
        (FormChanges(due_time="17:00"), "due_time"),
    ],
)
def test_update_validation(workspace, manager, changes, field):
    form = ReportFormFactory(workspace=workspace, title="Daily")
    with pytest.raises(ValidationError) as err:
        services.form_update(actor=manager, form=form, changes=changes)
    assert field in err.value.message_dict
    form.refresh_from_db()
    assert form.title == "Daily" and form.frequency == "daily"


def test_update_schedule(workspace, manager):
    form = ReportFormFactory(workspace=workspace)
    services.form_update(actor=manager, form=form, changes=FormChanges(
        frequency="monthly", month_day=-1, due_time=datetime.time(9, 30),
        late_window_hours=336, edit_window_hours=0))  # fmt: skip
    form.refresh_from_db()
    assert (form.frequency, form.month_day, form.weekdays) == ("monthly", -1, [])
    assert form.due_time == datetime.time(9, 30) and form.edit_window_hours == 0
    services.form_update(actor=manager, form=form,
                         changes=FormChanges(frequency="weekly", weekdays=["fr"]))  # fmt: skip
    form.refresh_from_db()
    assert (form.weekdays, form.month_day) == (["FR"], None)
    event = AuditEvent.objects.filter(action="feedback.form_updated").last()
    assert event is not None


def test_archive_and_restore(workspace, manager):
    form = ReportFormFactory(workspace=workspace)
    services.form_archive(actor=manager, form=form)
    assert form.archived_at is not None
    services.form_restore(actor=manager, form=form)
    assert form.archived_at is None


def test_question_validation(workspace, manager):
    form = ReportFormFactory(workspace=workspace)
    bad: list[tuple[dict[str, Any], str]] = [
        ({"kind": "essay"}, "kind"),
        ({"kind": "choice", "choices": ["Only"]}, "choices"),
        ({"kind": "choice", "choices": ["A", "a"]}, "choices"),
        ({"kind": "choice", "choices": ["A", "x" * 81]}, "choices"),
        ({"kind": "choice", "choices": [str(i) for i in range(21)]}, "choices"),
        ({"kind": "scale", "measure": "mood"}, "measure"),
        ({"kind": "mood", "measure": "workload"}, "measure"),
        ({"kind": "short_text", "prefill": "completed_tasks"}, "prefill"),
        ({"kind": "long_text", "visibility": "all"}, "visibility"),
        ({"kind": "long_text", "prompt": ""}, "prompt"),
    ]
    for extra, field in bad:
        kwargs = {"prompt": "Question?", **extra}
        with pytest.raises(ValidationError) as err:
            services.question_add(actor=manager, form=form, **kwargs)
        assert field in err.value.message_dict, extra
    assert not form.questions.exists()
    q = services.question_add(actor=manager, form=form, kind="choice", prompt="Shift?",
                              choices=[" Early ", "Late", ""])  # fmt: skip
    assert q.choices == ["Early", "Late"]
    services.question_add(actor=manager, form=form, kind="mood", prompt="Mood?", measure="mood")
    with pytest.raises(ValidationError) as err:
        services.question_add(actor=manager, form=form, kind="mood", prompt="Again?",
                              measure="mood")  # fmt: skip
    assert "measure" in err.value.message_dict


def test_at_most_thirty_questions(workspace, manager):
    form = ReportFormFactory(workspace=workspace)
    QuestionFactory.create_batch(30, form=form)
    with pytest.raises(ValidationError):
        services.question_add(actor=manager, form=form, kind="long_text", prompt="31st")


def test_question_update_move_and_remove(workspace, manager):
    form = ReportFormFactory(workspace=workspace)
    a = services.question_add(actor=manager, form=form, kind="long_text", prompt="A",
                              prefill="completed_tasks")  # fmt: skip
    b = services.question_add(actor=manager, form=form, kind="long_text", prompt="B")
    services.question_move(actor=manager, question=b, direction="up")
    assert [q.prompt for q in form.questions.order_by("position")] == ["B", "A"]
    services.question_update(actor=manager, question=a,
                             changes=QuestionChanges(kind="scale", measure="workload"))  # fmt: skip
    a.refresh_from_db()
    assert (a.kind, a.measure, a.prefill) == ("scale", "workload", "")
    AnswerFactory(report__form=form, question=a, text="3")
    with pytest.raises(ValidationError):
        services.question_update(actor=manager, question=a, changes=QuestionChanges(kind="mood"))
    assert services.question_remove(actor=manager, question=a) == "archived"
    assert Question.objects.filter(pk=a.pk, archived_at__isnull=False).exists()
    assert services.question_remove(actor=manager, question=b) == "deleted"
    assert not Question.objects.filter(pk=b.pk).exists()


def test_audience_set_replaces_and_checks(workspace, manager, member, outsider):
    form = ReportFormFactory(workspace=workspace)
    seat = SeatFactory(workspace=workspace)
    services.audience_set(actor=manager, form=form, members=[member], seats=[seat])
    assert form.audience.count() == 2
    services.audience_set(actor=manager, form=form, members=[member, manager])
    assert {a.membership_id for a in form.audience.all()} == {member.pk, manager.pk}
    with pytest.raises(PermissionDenied):
        services.audience_set(actor=manager, form=form, members=[outsider])
    member.offboarded_at = timezone.now()
    member.save()
    with pytest.raises(ValidationError):
        services.audience_set(actor=manager, form=form, members=[member])
    assert Audience.objects.filter(form=form).count() == 2


def test_offboarding_leaves_the_form_to_managers(workspace, manager, member):
    form = ReportFormFactory(workspace=workspace, owner=member)
    result = release_forms(member, manager, {})
    form.refresh_from_db()
    assert form.owner is None and result.count == 1
