"""The reports API: submit, list one's own (paginated), read with the caller's visible answers,
edit; problems for bad answers, the wrong person and other workspaces."""

from __future__ import annotations

import pytest

from keel.core.tests.api_client import assert_problem
from keel.feedback.models import Answer, Report
from keel.feedback.tests.factories import ReportFactory, daily_form_for

pytestmark = pytest.mark.django_db
WS = "/workspaces/acme/feedback"


@pytest.fixture
def form(member, manager):
    return daily_form_for(member, manager)


def _body(form, **extra):
    answers = [
        {"question_id": form.q["long_text"].pk, "value": "Private words"},
        {"question_id": form.q["mood"].pk, "value": 3},
        {"question_id": form.q["yes_no"].pk, "value": "no"},
        {"question_id": form.q["number"].pk, "value": 12.5},
    ]
    return {"form_id": form.pk, "answers": answers, **extra}


def test_submit_list_get_and_edit(api_for, form, member):
    api = api_for(member)
    response = api.post(f"{WS}/reports", _body(form))
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["state"] == "submitted" and body["mood"] == 3
    values = {a["question_id"]: a["value"] for a in body["answers"]}
    assert values[form.q["long_text"].pk] == "Private words"
    report_id = body["id"]
    listed = api.get(f"{WS}/reports").json()
    assert [r["id"] for r in listed["items"]] == [report_id] and listed["next_cursor"] is None
    # Submitting the same period again is refused; PATCH edits it.
    assert_problem(api.post(f"{WS}/reports", _body(form)), 422)
    patch = [{"question_id": form.q["mood"].pk, "value": 5}]
    response = api.patch(f"{WS}/reports/{report_id}", {"answers": patch})
    assert response.status_code == 200
    assert response.json()["mood"] == 5 and response.json()["edited_at"] is not None
    kept = {a["question_id"]: a["value"] for a in response.json()["answers"]}
    assert kept[form.q["long_text"].pk] == "Private words"  # untouched answers kept


def test_bad_answers_are_422_with_the_question(api_for, form, member):
    body = _body(form)
    body["answers"][1]["value"] = 9
    problem = assert_problem(api_for(member).post(f"{WS}/reports", body), 422)
    assert problem["errors"][0]["loc"] == ["body", f"q{form.q['mood'].pk}"]
    assert not Report.objects.exists()  # a refused submission leaves no row
    body = _body(form)
    body["answers"][0]["value"] = "nul\u0000"
    assert_problem(api_for(member).post(f"{WS}/reports", body), 422)
    assert_problem(api_for(member).post(f"{WS}/reports", {"form_id": 0, "answers": []}), 422)


def test_non_writer_cannot_submit(api_for, form, assistant):
    problem = assert_problem(api_for(assistant).post(f"{WS}/reports", _body(form)), 422)
    assert problem["errors"][0]["loc"] == ["body", "form_id"]
    assert not Report.objects.exists()


def test_peer_reads_only_team_answers_and_cannot_edit(api_for, form, member, manager, assistant):
    report_id = api_for(member).post(f"{WS}/reports", _body(form)).json()["id"]
    seen = api_for(manager).get(f"{WS}/reports/{report_id}")
    assert seen.status_code == 200
    assert [a["question_id"] for a in seen.json()["answers"]] == [form.q["yes_no"].pk]
    assert seen.json()["mood"] is None  # copied from a manager-only answer
    patch = {"answers": [{"question_id": form.q["mood"].pk, "value": 1}]}
    assert_problem(api_for(manager).patch(f"{WS}/reports/{report_id}", patch), 403)
    assert_problem(api_for(assistant).get(f"{WS}/reports/{report_id}"), 404)
    assert Answer.objects.get(report_id=report_id, question=form.q["mood"]).number == 3
    assert api_for(manager).get(f"{WS}/reports").json()["items"] == []


def test_other_workspace_finds_nothing(api_for, form, member, outsider):
    report_id = api_for(member).post(f"{WS}/reports", _body(form)).json()["id"]
    assert_problem(api_for(outsider).get(f"{WS}/reports/{report_id}"), 404)
    assert_problem(api_for(outsider).get(f"/workspaces/other/feedback/reports/{report_id}"), 404)
    assert_problem(api_for(member).get(f"{WS}/reports/{2**64}"), 422)


def test_list_pages_with_a_cursor(api_for, form, member, manager):
    from datetime import date

    for day in (1, 2, 3):
        ReportFactory(form=form, author=member, period_date=date(2026, 3, day))
    ReportFactory(form=form, author=manager, period_date=date(2026, 3, 1))  # not mine
    api = api_for(member)
    seen = []
    page = api.get(f"{WS}/reports", {"limit": 2}).json()
    seen += [r["period_date"] for r in page["items"]]
    page = api.get(f"{WS}/reports", {"limit": 2, "cursor": page["next_cursor"]}).json()
    seen += [r["period_date"] for r in page["items"]]
    assert seen == ["2026-03-03", "2026-03-02", "2026-03-01"] and page["next_cursor"] is None
    assert_problem(api.get(f"{WS}/reports", {"cursor": "nonsense"}), 422)
