"""Editing a recurring series: the service, the edit page and PATCH in the API.

The decision under test: an edit applies to occurrences created from now on; tasks already
created are left as they are, and a new rule starts after the last occurrence created.
"""

# ruff: noqa: DTZ001  (series starts are naive local wall-clock times by design)

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from keel.core.models import AuditEvent, Role
from keel.core.tests.factories import MembershipFactory
from keel.org.models import Seat, SeatStatus
from keel.tasks import recurrence as engine
from keel.tasks.forms.planning import recurrence_initial
from keel.tasks.models import Label, ProjectMember, Recurrence, RecurrenceMode, Task
from keel.tasks.services import occurrences
from keel.tasks.services import recurrence as series
from keel.tasks.tests.factories import ProjectFactory, SectionFactory

pytestmark = pytest.mark.django_db

BERLIN = "Europe/Berlin"


def _utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def _create(actor: Any, project: Any, **kwargs: Any) -> Recurrence:
    defaults: dict[str, Any] = {
        "title": "Listing review", "preset": "weekly", "weekdays": ["MO"],
        "dtstart_local": datetime(2026, 3, 23, 9, 0), "timezone_name": BERLIN,
        "all_day": False, "now": _utc(2026, 3, 23, 6, 0),
    }  # fmt: skip
    defaults.update(kwargs)
    return series.recurrence_create(actor=actor, project=project, **defaults)


def _occurrences(rec: Recurrence) -> list[Task]:
    return list(Task.objects.filter(recurrence=rec).order_by("occurrence_date"))


def _snapshot(rec: Recurrence) -> tuple[Any, ...]:
    rec.refresh_from_db()
    tasks = [(t.pk, t.occurrence_date, t.title, t.due_at) for t in _occurrences(rec)]
    return (rec.title, rec.rrule, rec.dtstart_local, rec.timezone, rec.skipped, rec.label_ids,
            rec.assignee_id, rec.assignee_seat_id, tasks)  # fmt: skip


def _updated_audits(rec: Recurrence) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action="recurrence.updated", target_id=str(rec.pk)))


# --- Service --------------------------------------------------------------------------------


def test_update_changes_the_template_and_audits_the_field_names(member, project):
    rec = _create(member, project)
    [first] = _occurrences(rec)
    section: Any = SectionFactory(project=project, name="Routines")
    seat = Seat.objects.create(workspace=project.workspace, title="Listing lead", holder=member,
                               status=SeatStatus.FILLED)  # fmt: skip
    series.recurrence_update(
        actor=member, recurrence=rec, title="Price review", description="Check **prices**",
        priority=3, section=section, assignee_seat=seat, labels=["routine"],
        mode=RecurrenceMode.AFTER_COMPLETION, now=_utc(2026, 3, 23, 7, 0),
    )  # fmt: skip
    rec.refresh_from_db()
    assert (rec.title, rec.description, rec.priority) == ("Price review", "Check **prices**", 3)
    assert rec.section_id == section.pk and rec.assignee_seat_id == seat.pk
    assert rec.label_ids == [Label.objects.get(name="routine").pk]
    assert rec.mode == RecurrenceMode.AFTER_COMPLETION
    first.refresh_from_db()
    assert first.title == "Listing review" and first.section_id is None  # created: left as is
    [event] = _updated_audits(rec)
    assert event.data == {"fields": ["assignee_seat", "description", "label_ids", "mode",
                                     "priority", "section", "title"]}  # fmt: skip


def test_giving_a_person_clears_the_seat(member, manager, project):
    seat = Seat.objects.create(workspace=project.workspace, title="Listing lead", holder=member,
                               status=SeatStatus.FILLED)  # fmt: skip
    rec = _create(manager, project, assignee_seat=seat)
    series.recurrence_update(actor=manager, recurrence=rec, assignee=member)
    rec.refresh_from_db()
    assert rec.assignee_id == member.pk and rec.assignee_seat_id is None


def test_an_edit_that_changes_nothing_writes_no_audit_entry(member, project):
    rec = _create(member, project)
    series.recurrence_update(
        actor=member, recurrence=rec, title="Listing review", preset="weekly", weekdays=["MO"],
        dtstart_local=datetime(2026, 3, 23, 9, 0), timezone_name=BERLIN,
    )  # fmt: skip
    assert _updated_audits(rec) == []


def test_rule_change_moves_the_next_occurrence_across_the_dst_change(member, project):
    # Monday 23 March 2026, 09:00 in Berlin (CET, UTC+1); summer time starts Sunday 29 March.
    rec = _create(member, project)
    [monday] = _occurrences(rec)
    assert monday.due_at == _utc(2026, 3, 23, 8, 0)
    # On Saturday the routine moves to Sundays: the next one is the 29th, 09:00 CEST.
    series.recurrence_update(actor=member, recurrence=rec, preset="weekly", weekdays=["SU"],
                             now=_utc(2026, 3, 28, 12, 0))  # fmt: skip
    assert rec.rrule == "FREQ=WEEKLY;BYDAY=SU"
    tasks = _occurrences(rec)
    assert [t.occurrence_date for t in tasks] == [date(2026, 3, 23), date(2026, 3, 29)]
    assert tasks[0].pk == monday.pk and tasks[0].due_at == _utc(2026, 3, 23, 8, 0)
    assert tasks[1].due_at == _utc(2026, 3, 29, 7, 0)  # 09:00 wall-clock, now UTC+2
    upcoming = occurrences.upcoming_dates([rec], now=_utc(2026, 3, 28, 12, 0))
    assert upcoming[rec.pk] == date(2026, 3, 23)


def test_new_time_applies_after_the_last_occurrence_without_duplicates(member, project):
    rec = _create(member, project, preset="daily", weekdays=[])
    now = _utc(2026, 3, 23, 6, 0)
    assert [t.occurrence_date for t in _occurrences(rec)] == [date(2026, 3, 23), date(2026, 3, 24)]
    series.recurrence_update(actor=member, recurrence=rec, dtstart_local=datetime(2026, 3, 23, 10),
                             now=now)  # fmt: skip
    occurrences.materialize_next(rec, now=now)
    tasks = _occurrences(rec)
    assert [t.occurrence_date for t in tasks] == [date(2026, 3, 23), date(2026, 3, 24)]
    assert {t.due_at.hour for t in tasks} == {8}  # still 09:00 Berlin: already created
    occurrences.materialize_next(rec, now=_utc(2026, 3, 25, 6, 0))
    tasks = _occurrences(rec)
    assert len(tasks) == len({t.occurrence_date for t in tasks}) == 4
    assert tasks[2].occurrence_date == date(2026, 3, 25)
    assert tasks[2].due_at == _utc(2026, 3, 25, 9, 0)  # 10:00 Berlin from the next one on


def test_skipped_dates_off_the_new_rule_are_dropped(member, project):
    rec = _create(member, project, weekdays=["MO", "WE"])
    series.recurrence_skip(actor=member, recurrence=rec, occurrence_date=date(2026, 3, 25),
                           now=_utc(2026, 3, 23, 6, 0))  # fmt: skip
    series.recurrence_skip(actor=member, recurrence=rec, occurrence_date=date(2026, 3, 30),
                           now=_utc(2026, 3, 23, 6, 0))  # fmt: skip
    series.recurrence_update(actor=member, recurrence=rec, preset="weekly", weekdays=["MO"],
                             now=_utc(2026, 3, 23, 6, 0))  # fmt: skip
    assert rec.skipped == ["2026-03-30"]
    [event] = _updated_audits(rec)
    assert event.data == {"fields": ["rrule", "skipped"]}


def test_stopped_series_cannot_be_edited(member, project):
    rec = _create(member, project)
    series.recurrence_stop(actor=member, recurrence=rec)
    before = _snapshot(rec)
    with pytest.raises(ValidationError) as exc:
        series.recurrence_update(actor=member, recurrence=rec, title="Again")
    assert "stopped" in exc.value.messages[0]
    assert _snapshot(rec) == before and _updated_audits(rec) == []


def test_invalid_rrule_is_refused_and_nothing_is_saved(member, project):
    rec = _create(member, project)
    before = _snapshot(rec)
    with pytest.raises(ValidationError) as exc:
        series.recurrence_update(actor=member, recurrence=rec, title="New title",
                                 preset="", rrule="FREQ=HOURLY", labels=["fresh"])  # fmt: skip
    assert "too frequent" in exc.value.message_dict["rrule"][0]
    assert _snapshot(rec) == before and _updated_audits(rec) == []
    assert not Label.objects.filter(name="fresh").exists()


def test_rule_inputs_without_a_preset_are_refused(member, project):
    rec = _create(member, project)
    with pytest.raises(ValidationError) as exc:
        series.recurrence_update(actor=member, recurrence=rec, weekdays=["TU"])
    assert "preset" in exc.value.message_dict


def test_guest_may_not_edit_and_nothing_changes(workspace, member, project):
    rec = _create(member, project)
    guest: Any = MembershipFactory(workspace=workspace, role=Role.GUEST)
    ProjectMember.objects.create(workspace=workspace, project=project, membership=guest)
    before = _snapshot(rec)
    with pytest.raises(PermissionDenied):
        series.recurrence_update(actor=guest, recurrence=rec, title="Mine now", preset="daily")
    assert _snapshot(rec) == before and _updated_audits(rec) == []


def test_member_of_another_workspace_may_not_edit(outsider, member, project):
    rec = _create(member, project)
    with pytest.raises(PermissionDenied):
        series.recurrence_update(actor=outsider, recurrence=rec, title="Mine now")
    rec.refresh_from_db()
    assert rec.title == "Listing review"


@pytest.mark.parametrize(
    ("rule", "preset", "extra"),
    [
        ("FREQ=DAILY;INTERVAL=3", "daily", {"interval": 3}),
        ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "weekdays", {}),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE", "weekly", {"weekdays": ["MO", "WE"]}),
        ("FREQ=MONTHLY;BYMONTHDAY=15", "monthly_day", {"month_day": 15}),
        ("FREQ=MONTHLY;BYMONTHDAY=-1", "monthly_last_day", {}),
        ("FREQ=MONTHLY;BYDAY=-1TU", "monthly_last_weekday", {"weekday": "TU"}),
        ("FREQ=YEARLY", "yearly", {}),
        ("FREQ=MONTHLY;BYDAY=1MO", "custom", {"rrule": "FREQ=MONTHLY;BYDAY=1MO"}),
        ("FREQ=DAILY;COUNT=10", "custom", {"rrule": "FREQ=DAILY;COUNT=10"}),
    ],
)
def test_preset_is_read_back_from_the_stored_rule(rule, preset, extra):
    fields = engine.preset_fields(rule)
    assert fields["preset"] == preset
    assert {key: fields[key] for key in extra} == extra


# --- Edit page ------------------------------------------------------------------------------


def _url(name: str, workspace: Any, **kwargs: Any) -> str:
    return reverse(name, kwargs={"ws": workspace.slug, **kwargs})


def _form(**overrides: Any) -> dict[str, Any]:
    data = {
        "title": "Listing review", "preset": "weekly", "weekdays": ["MO"], "interval": "1",
        "dtstart_date": "2026-03-23", "dtstart_time": "09:00", "timezone": BERLIN,
        "mode": "schedule", "priority": "0", "weekday": "FR",
    }  # fmt: skip
    data.update(overrides)
    return data


def test_series_list_links_to_the_edit_page(login, workspace, member, project):
    rec = _create(member, project)
    body = login(member).get(_url("project_recurrences", workspace, project_id=project.pk))
    assert _url("recurrence_edit", workspace, recurrence_id=rec.pk) in body.content.decode()


def test_edit_page_is_prefilled_from_the_series(login, workspace, member, project):
    rec = _create(member, project, weekdays=["MO", "WE"], priority=2)
    response = login(member).get(_url("recurrence_edit", workspace, recurrence_id=rec.pk))
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["preset"] == "weekly" and form.initial["weekdays"] == ["MO", "WE"]
    body = response.content.decode()
    assert 'value="Listing review"' in body
    assert 'value="weekly" required id="id_preset_2" checked>' in body
    assert 'value="MO" id="id_weekdays_0" checked>' in body
    assert 'value="WE" id="id_weekdays_2" checked>' in body
    assert 'name="dtstart_time" value="09:00"' in body and 'value="2026-03-23"' in body
    assert f'<option value="{BERLIN}" selected>' in body
    assert '<option value="2" selected>' in body  # priority


def test_edit_page_shows_a_custom_rule_as_text(member, project):
    rec = _create(member, project, preset="", rrule="FREQ=MONTHLY;BYDAY=1MO", all_day=True,
                  dtstart_local=date(2026, 4, 6))  # fmt: skip
    initial = recurrence_initial(rec, occurrences.series_rule(rec).dtstart)
    assert initial["preset"] == "custom" and initial["rrule"] == "FREQ=MONTHLY;BYDAY=1MO"
    assert initial["dtstart_time"] is None and initial["dtstart_date"] == date(2026, 4, 6)


def test_edit_page_saves_and_returns_to_the_series(login, workspace, member, project):
    rec = _create(member, project)
    client = login(member)
    response = client.post(
        _url("recurrence_edit", workspace, recurrence_id=rec.pk),
        _form(title="Price review", preset="daily", dtstart_time="10:30"),
    )
    assert response.status_code == 302
    assert response["Location"] == _url("project_recurrences", workspace, project_id=project.pk)
    rec.refresh_from_db()
    assert rec.title == "Price review" and rec.rrule == "FREQ=DAILY"
    assert occurrences.series_rule(rec).dtstart == datetime(2026, 3, 23, 10, 30)
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert "Price review" in message and "Every day" in message


def test_edit_page_shows_errors_beside_fields_and_saves_nothing(login, workspace, member,
                                                                 project):  # fmt: skip
    rec = _create(member, project)
    before = _snapshot(rec)
    response = login(member).post(
        _url("recurrence_edit", workspace, recurrence_id=rec.pk),
        _form(title="Changed", preset="custom", rrule="FREQ=MINUTELY"),
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert 'id="id_rrule_error"' in body and "too frequent" in body
    assert 'value="Changed"' in body  # what was typed is kept
    assert _snapshot(rec) == before


def test_edit_page_of_another_workspaces_series_is_404(login, workspace, other_workspace,
                                                      outsider, member, project):  # fmt: skip
    rec = _create(member, project)
    url = reverse("recurrence_edit", kwargs={"ws": other_workspace.slug, "recurrence_id": rec.pk})
    client = login(outsider)
    assert client.get(url).status_code == 404
    assert client.post(url, _form(title="Theirs")).status_code == 404
    rec.refresh_from_db()
    assert rec.title == "Listing review"


def test_guest_gets_no_edit_page(login, workspace, member, project):
    rec = _create(member, project)
    guest: Any = MembershipFactory(workspace=workspace, role=Role.GUEST)
    ProjectMember.objects.create(workspace=workspace, project=project, membership=guest)
    client = login(guest)
    url = _url("recurrence_edit", workspace, recurrence_id=rec.pk)
    assert client.get(url).status_code == 403
    assert client.post(url, _form(title="Mine")).status_code == 403
    rec.refresh_from_db()
    assert rec.title == "Listing review"


def test_stopped_series_edit_page_sends_back_with_a_message(login, workspace, member, project):
    rec = _create(member, project)
    series.recurrence_stop(actor=member, recurrence=rec)
    response = login(member).get(_url("recurrence_edit", workspace, recurrence_id=rec.pk))
    assert response.status_code == 302
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert "stopped" in message


# --- API ------------------------------------------------------------------------------------


def _patch(client: Any, slug: str, rec_id: int, body: dict[str, Any]) -> Any:
    return client.patch(f"/api/v1/workspaces/{slug}/recurrences/{rec_id}", json.dumps(body),
                        content_type="application/json")  # fmt: skip


def test_api_patch_changes_only_what_is_sent(login, member, project):
    rec = _create(member, project, priority=2)
    section: Any = SectionFactory(project=project, name="Routines")
    response = _patch(login(member), "acme", rec.pk, {
        "title": "Price review", "rrule": "FREQ=MONTHLY;BYDAY=1MO", "section_id": section.pk,
        "labels": ["routine"]})  # fmt: skip
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["title"] == "Price review" and data["rrule"] == "FREQ=MONTHLY;BYDAY=1MO"
    assert data["section_id"] == section.pk and data["priority"] == 2
    assert data["label_ids"] == [Label.objects.get(name="routine").pk]
    assert data["dtstart_local"] == "2026-03-23T09:00:00" and data["timezone"] == BERLIN
    cleared = _patch(login(member), "acme", rec.pk, {"section_id": None})
    assert cleared.status_code == 200 and cleared.json()["section_id"] is None


def test_api_patch_invalid_rule_is_a_422_and_saves_nothing(login, member, project):
    rec = _create(member, project)
    before = _snapshot(rec)
    response = _patch(login(member), "acme", rec.pk,
                      {"title": "New", "rrule": "FREQ=DAILY;COUNT=99999"})  # fmt: skip
    assert response.status_code == 422
    assert response["Content-Type"].startswith("application/problem+json")
    assert [e["loc"] for e in response.json()["errors"]] == [["body", "rrule"]]
    assert _snapshot(rec) == before


def test_api_patch_names_the_api_fields_in_errors(login, member, outsider, project):
    rec = _create(member, project)
    foreign: Any = SectionFactory(project=ProjectFactory(workspace=outsider.workspace))
    client = login(member)
    for body, field in (({"section_id": foreign.pk}, "section_id"), ({"title": None}, "title")):
        response = _patch(client, "acme", rec.pk, body)
        assert response.status_code == 422
        assert [e["loc"] for e in response.json()["errors"]] == [["body", field]]
    rec.refresh_from_db()
    assert rec.section_id is None and rec.title == "Listing review"


def test_api_patch_of_another_workspaces_series_is_404(login, member, outsider, project):
    rec = _create(member, project)
    response = _patch(login(outsider), "other", rec.pk, {"title": "Theirs"})
    assert response.status_code == 404
    rec.refresh_from_db()
    assert rec.title == "Listing review"


def test_api_patch_of_a_stopped_series_is_a_422(login, member, project):
    rec = _create(member, project)
    series.recurrence_stop(actor=member, recurrence=rec)
    response = _patch(login(member), "acme", rec.pk, {"title": "Again"})
    assert response.status_code == 422
    assert "stopped" in json.dumps(response.json())
