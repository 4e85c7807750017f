"""Planning pages and API: status updates, recurring series, summaries, calendar feeds."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from keel.accounts.models import Group, GroupMembership
from keel.core.models import Role
from keel.core.tests.factories import MembershipFactory
from keel.tasks.models import (
    CalendarFeed,
    ProjectMember,
    Recurrence,
    StatusUpdate,
    Task,
    Visibility,
)
from keel.tasks.tests.factories import ProjectFactory, TaskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(workspace):
    return ProjectFactory(workspace=workspace, name="Listings", key="LST")


def _url(name, workspace, **kwargs):
    return reverse(name, kwargs={"ws": workspace.slug, **kwargs})


# --- Status updates -------------------------------------------------------------------------


def test_updates_page_posts_and_shows_history_with_pills(login, workspace, member, project):
    client = login(member)
    url = _url("project_updates", workspace, project_id=project.pk)
    response = client.post(url, {"status": "at_risk", "text": "Supplier is **late**"})
    assert response.status_code == 302
    page = client.get(url)
    body = page.content.decode()
    assert page.status_code == 200
    assert "badge-amber" in body and "<strong>late</strong>" in body


def test_updates_page_shows_errors_beside_fields(login, workspace, member, project):
    response = login(member).post(_url("project_updates", workspace, project_id=project.pk),
                                  {"status": "", "text": ""})  # fmt: skip
    assert response.status_code == 400
    assert response.content.decode().count('class="field-error"') == 2
    assert not StatusUpdate.objects.exists()


def test_guest_sees_updates_without_a_form_and_cannot_post(login, workspace, project):
    guest: Any = MembershipFactory(workspace=workspace, role=Role.GUEST)
    ProjectMember.objects.create(workspace=workspace, project=project, membership=guest)
    client = login(guest)
    url = _url("project_updates", workspace, project_id=project.pk)
    assert "Post update" not in client.get(url).content.decode()
    assert client.post(url, {"status": "on_track", "text": "x"}).status_code == 404
    assert not StatusUpdate.objects.exists()


def test_hidden_project_pages_are_404(login, workspace, member):
    private: Any = ProjectFactory(workspace=workspace, visibility=Visibility.MEMBERS)
    client = login(member)
    for name in ("project_updates", "project_recurrences"):
        assert client.get(_url(name, workspace, project_id=private.pk)).status_code == 404


# --- Recurring series -----------------------------------------------------------------------


def _series_form(**overrides):
    data = {
        "title": "Listing review", "preset": "weekly", "weekdays": ["MO", "WE"],
        "interval": "1", "dtstart_date": "2026-03-02", "dtstart_time": "09:00",
        "timezone": "America/New_York", "mode": "schedule", "priority": "0", "weekday": "FR",
    }  # fmt: skip
    data.update(overrides)
    return data


def test_create_series_from_the_page_and_see_its_description(login, workspace, member, project):
    client = login(member)
    url = _url("project_recurrences", workspace, project_id=project.pk)
    response = client.post(url, _series_form())
    assert response.status_code == 302, response.content.decode()[:2000]
    rec = Recurrence.objects.get()
    assert rec.rrule == "FREQ=WEEKLY;BYDAY=MO,WE" and not rec.all_day
    assert Task.objects.filter(recurrence=rec).exists()
    body = client.get(url).content.decode()
    assert "Every week on Monday and Wednesday" in body and "Skip next" in body


def test_series_page_in_chinese_describes_the_rule(login, workspace, member, project):
    client = login(member)
    client.post(_url("project_recurrences", workspace, project_id=project.pk), _series_form())
    client.cookies["keel_language"] = "zh-hans"
    body = client.get(_url("project_recurrences", workspace, project_id=project.pk),
                      HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()  # fmt: skip
    assert "每周一、周三" in body


def test_invalid_custom_rule_is_shown_beside_the_rule_field(login, workspace, member, project):
    response = login(member).post(
        _url("project_recurrences", workspace, project_id=project.pk),
        _series_form(preset="custom", rrule="FREQ=MINUTELY"),
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert 'id="id_rrule_error"' in body and "too frequent" in body
    assert not Recurrence.objects.exists()


def test_weekly_without_days_is_shown_beside_the_days(login, workspace, member, project):
    response = login(member).post(
        _url("project_recurrences", workspace, project_id=project.pk), _series_form(weekdays=[])
    )
    assert response.status_code == 400
    assert 'id="id_weekdays_error"' in response.content.decode()


def test_skip_next_and_stop_buttons(login, workspace, member, project):
    client = login(member)
    client.post(_url("project_recurrences", workspace, project_id=project.pk),
                _series_form(dtstart_date=timezone.localdate().isoformat()))  # fmt: skip
    rec = Recurrence.objects.get()
    first = Task.objects.get(recurrence=rec)
    response = client.post(_url("recurrence_skip", workspace, recurrence_id=rec.pk),
                           {"date": first.occurrence_date.isoformat()})  # fmt: skip
    assert response.status_code == 302
    rec.refresh_from_db()
    assert rec.skipped == [first.occurrence_date.isoformat()]
    assert not Task.objects.filter(pk=first.pk).exists()
    assert client.post(_url("recurrence_stop", workspace, recurrence_id=rec.pk)).status_code == 302
    rec.refresh_from_db()
    assert rec.stopped_at is not None


def test_guest_cannot_stop_a_series(login, workspace, member, project):
    login(member).post(_url("project_recurrences", workspace, project_id=project.pk),
                       _series_form())  # fmt: skip
    rec = Recurrence.objects.get()
    guest: Any = MembershipFactory(workspace=workspace, role=Role.GUEST)
    ProjectMember.objects.create(workspace=workspace, project=project, membership=guest)
    response = login(guest).post(_url("recurrence_stop", workspace, recurrence_id=rec.pk))
    assert response.status_code == 403
    rec.refresh_from_db()
    assert rec.stopped_at is None


# --- Summaries ------------------------------------------------------------------------------


def test_summary_preview_and_send_to_a_group(login, workspace, manager, member, project):
    group = Group.objects.create(workspace=workspace, name="Sales", alias="sales")
    GroupMembership.objects.create(workspace=workspace, group=group, membership=member)
    TaskFactory(project=project, title="Call supplier", due_date=timezone.localdate())
    client = login(manager)
    url = _url("tasks_summary", workspace)
    preview = client.get(url, {"project": project.pk, "period": "day"})
    assert preview.status_code == 200 and "Call supplier" in preview.content.decode()
    assert mail.outbox == []
    sent = client.post(url, {"project": project.pk, "period": "day", "group": group.pk})
    assert sent.status_code == 302
    assert [m.to for m in mail.outbox] == [[member.user.email]]
    assert mail.outbox[0].subject == "Today's tasks — Listings"


def test_summary_preview_posts_so_the_token_stays_out_of_the_address_bar(
    login, workspace, manager, member, project
):
    group = Group.objects.create(workspace=workspace, name="Sales", alias="sales")
    GroupMembership.objects.create(workspace=workspace, group=group, membership=member)
    TaskFactory(project=project, title="Call supplier", due_date=timezone.localdate())
    client = login(manager)
    url = _url("tasks_summary", workspace)
    html = client.get(url).content.decode()
    assert 'formmethod="get"' not in html and 'name="preview"' in html
    preview = client.post(
        url, {"project": project.pk, "period": "day", "group": group.pk, "preview": "1"}
    )
    assert preview.status_code == 200 and "Call supplier" in preview.content.decode()
    assert mail.outbox == []


def test_summary_send_without_group_names_the_field(login, workspace, manager, project):
    response = login(manager).post(_url("tasks_summary", workspace),
                                   {"project": project.pk, "period": "week"})  # fmt: skip
    assert response.status_code == 400
    assert 'id="id_group_error"' in response.content.decode()
    assert mail.outbox == []


def test_members_have_no_summaries_page(login, workspace, member):
    assert login(member).get(_url("tasks_summary", workspace)).status_code == 404


# --- Calendar feeds -------------------------------------------------------------------------


def test_feeds_page_creates_shows_url_once_and_revokes(login, client, workspace, member):
    page_client = login(member)
    url = _url("calendar_feeds", workspace)
    response = page_client.post(url, {"project": ""})
    body = response.content.decode()
    assert response.status_code == 200 and "/feeds/kcal_" in body
    feed_url = body.split('value="http://testserver')[1].split('"')[0]
    assert page_client.get(feed_url).status_code == 200
    assert "/feeds/kcal_" not in page_client.get(url).content.decode()  # shown only once
    feed = CalendarFeed.objects.get()
    assert (
        page_client.post(_url("calendar_feed_revoke", workspace, feed_id=feed.pk)).status_code
        == 302
    )
    assert page_client.get(feed_url).status_code == 404


def test_cannot_revoke_someone_elses_feed(login, workspace, member, manager):
    feed = CalendarFeed.objects.create(workspace=workspace, owner=manager, token_hash="a" * 64)
    response = login(member).post(_url("calendar_feed_revoke", workspace, feed_id=feed.pk))
    assert response.status_code == 404
    feed.refresh_from_db()
    assert feed.revoked_at is None


# --- API ------------------------------------------------------------------------------------


def _api(client, method, path, body=None):
    return client.generic(method, f"/api/v1/workspaces/acme{path}",
                          json.dumps(body) if body is not None else "",
                          content_type="application/json")  # fmt: skip


def test_api_status_updates_list_and_create(login, member, project):
    client = login(member)
    created = _api(client, "POST", f"/projects/{project.pk}/status-updates",
                   {"status": "on_track", "text": "All good"})  # fmt: skip
    assert created.status_code == 201, created.content
    assert created.json()["status"] == "on_track"
    listed = _api(client, "GET", f"/projects/{project.pk}/status-updates")
    assert [u["text"] for u in listed.json()["items"]] == ["All good"]
    bad = _api(client, "POST", f"/projects/{project.pk}/status-updates",
               {"status": "fine", "text": ""})  # fmt: skip
    assert bad.status_code == 422


def test_api_recurrences_create_list_skip_stop(login, member, project):
    client = login(member)
    today = timezone.localdate()
    created = _api(client, "POST", f"/projects/{project.pk}/recurrences", {
        "title": "Review", "preset": "daily", "dtstart_local": today.isoformat(),
        "timezone": "Asia/Shanghai"})  # fmt: skip
    assert created.status_code == 201, created.content
    data = created.json()
    assert data["rrule"] == "FREQ=DAILY" and data["all_day"] is True
    assert data["description_text"] == "Every day"
    rec_id = data["id"]
    listed = _api(client, "GET", f"/projects/{project.pk}/recurrences")
    assert [r["id"] for r in listed.json()["items"]] == [rec_id]
    first = Task.objects.filter(recurrence_id=rec_id).order_by("occurrence_date").first()
    skipped = _api(client, "POST", f"/recurrences/{rec_id}/skip",
                   {"date": first.occurrence_date.isoformat()})  # fmt: skip
    assert skipped.status_code == 200 and skipped.json()["skipped"] == [
        first.occurrence_date.isoformat()
    ]
    stopped = _api(client, "POST", f"/recurrences/{rec_id}/stop")
    assert stopped.status_code == 200 and stopped.json()["stopped"] is True


def test_api_invalid_rrule_is_a_422_naming_rrule(login, member, project):
    response = _api(login(member), "POST", f"/projects/{project.pk}/recurrences", {
        "title": "Bad", "rrule": "FREQ=DAILY;COUNT=99999",
        "dtstart_local": date(2026, 3, 2).isoformat()})  # fmt: skip
    assert response.status_code == 422
    assert "rrule" in json.dumps(response.json()["errors"])
    assert not Recurrence.objects.exists()


# --- Chinese ----------------------------------------------------------------------------------

# RFC 5545 syntax, product names and user data (the fixtures' names) stay in Latin letters.
ALLOWED_LATIN = frozenset(
    {"RRULE", "RFC", "FREQ", "MONTHLY", "BYDAY", "DTSTART", "WEEKLY", "Markdown", "Google",
     "Outlook", "Apple", "Maya", "Acme", "Shop", "SX"}
)  # fmt: skip


@pytest.mark.parametrize("language", ["zh-hans", "zh-hant"])
def test_planning_pages_show_no_english_in_chinese(login, workspace, manager, language):
    from keel.core.tests.translation_check import untranslated

    project: Any = ProjectFactory(workspace=workspace, name="上新", key="SX")
    client = login(manager)
    today = timezone.localdate().isoformat()
    client.post(_url("project_recurrences", workspace, project_id=project.pk),
                _series_form(title="检查商品", dtstart_date=today))  # fmt: skip
    client.post(_url("project_updates", workspace, project_id=project.pk),
                {"status": "on_track", "text": "一切顺利"})  # fmt: skip
    client.post(_url("calendar_feeds", workspace), {"project": ""})
    client.cookies["keel_language"] = language
    pages = {
        "updates": _url("project_updates", workspace, project_id=project.pk),
        "recurring": _url("project_recurrences", workspace, project_id=project.pk),
        "summary": _url("tasks_summary", workspace) + f"?project={project.pk}&period=week",
        "feeds": _url("calendar_feeds", workspace),
    }
    problems = {}
    for name, url in pages.items():
        response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200, name
        html = response.content.decode()
        main = html[html.index("<main") : html.index("</main>")]  # the shell is not ours
        found = untranslated(main, extra_allowed=ALLOWED_LATIN)
        if found:
            problems[name] = found
    assert not problems, repr(problems)


# --- Query budgets ----------------------------------------------------------------------------


def test_series_and_updates_pages_have_a_fixed_query_count(login, workspace, member, project):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from keel.tasks.services import progress
    from keel.tasks.services import recurrence as series

    client = login(member)

    def add(count: int) -> None:
        for n in range(count):
            series.recurrence_create(
                actor=member, project=project, title=f"Routine {n}", preset="daily",
                dtstart_local=timezone.localdate(),
            )  # fmt: skip
            progress.status_update_create(actor=member, project=project, status="on_track",
                                          text=f"Update {n}")  # fmt: skip

    def count(name: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(_url(name, workspace, project_id=project.pk)).status_code == 200
        return len(queries)

    client.get(_url("project_updates", workspace, project_id=project.pk))  # session warm-up
    add(2)
    few = {name: count(name) for name in ("project_recurrences", "project_updates")}
    add(10)
    many = {name: count(name) for name in ("project_recurrences", "project_updates")}
    assert few == many
    assert many["project_recurrences"] <= 16 and many["project_updates"] <= 12
