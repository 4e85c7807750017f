"""Audit log page and CSV export: who may see it, what it includes, filters, paging."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from keel.core.audit import audit
from keel.core.models import AuditEvent, Workspace

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    return reverse(name, kwargs={"ws": "acme", **kwargs})


def _csv(response):
    body = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(body)))


def _fresh_log():
    """Signing the test client in writes an auth.login event; start from an empty log."""
    AuditEvent.objects.all().delete()


def test_admin_sees_workspace_and_members_sign_in_events(login, admin, member, outsider, workspace):
    client = login(admin)
    _fresh_log()
    audit(action="group.created", actor=member.user, workspace=workspace)
    audit(action="auth.login", actor=member.user)  # sign-in events carry no workspace
    audit(action="auth.login_failed", actor_email=member.user.email)
    audit(action="auth.login", actor=outsider.user)  # not one of ours
    audit(action="group.created", actor=outsider.user, workspace=outsider.workspace)
    response = client.get(url("audit"))
    assert response.status_code == 200
    events = list(response.context["page"].object_list)
    assert {(e.action, e.actor_email) for e in events} == {
        ("group.created", member.user.email),
        ("auth.login", member.user.email),
        ("auth.login_failed", member.user.email),
    }
    assert outsider.user.email not in response.content.decode()


@pytest.mark.parametrize("role", ["manager", "member", "assistant"])
def test_audit_is_for_owners_and_admins_only(login, request, role):
    membership = request.getfixturevalue(role)
    client = login(membership)
    assert client.get(url("audit")).status_code == 403
    assert client.get(url("audit_export")).status_code == 403
    assert not AuditEvent.objects.filter(action="audit.exported").exists()


def test_outsider_gets_404(login, outsider):
    assert login(outsider).get(url("audit")).status_code == 404
    assert login(outsider).get(url("audit_export")).status_code == 404


def test_filters_by_action_person_and_dates_in_workspace_timezone(login, owner, member, workspace):
    Workspace.objects.filter(pk=workspace.pk).update(timezone="Asia/Shanghai")
    shanghai = ZoneInfo("Asia/Shanghai")
    # 23:30 on 1 March in Shanghai is still 1 March there, though 15:30 UTC.
    early = audit(action="member.role_changed", actor=member.user, workspace=workspace)
    late = audit(action="group.created", actor=owner.user, workspace=workspace)
    AuditEvent.objects.filter(pk=early.pk).update(
        created_at=datetime(2026, 3, 1, 23, 30, tzinfo=shanghai)
    )
    AuditEvent.objects.filter(pk=late.pk).update(
        created_at=datetime(2026, 3, 2, 0, 30, tzinfo=shanghai)
    )
    client = login(owner)

    def actions(**params):
        page = client.get(url("audit"), params).context["page"]
        return [e.action for e in page.object_list]

    assert actions(date_from="2026-03-01", date_to="2026-03-01") == ["member.role_changed"]
    assert actions(date_from="2026-03-02", date_to="2026-03-02") == ["group.created"]
    assert actions(action="group.created") == ["group.created"]
    assert actions(person="mike") == ["member.role_changed"]
    response = client.get(url("audit"), {"date_from": "2026-03-05", "date_to": "2026-03-01"})
    assert "The end date is before the start date." in response.content.decode()


def test_action_prefix_filter_lists_sign_in_events(login, owner, member, workspace):
    client = login(owner)
    _fresh_log()
    audit(action="auth.login", actor=member.user)
    audit(action="mfa.added", actor=member.user)
    audit(action="group.created", actor=member.user, workspace=workspace)
    page = client.get(url("audit"), {"action": "auth."}).context["page"]
    assert [e.action for e in page.object_list] == ["auth.login"]


def test_paginated_with_bounded_queries(login, owner, workspace, django_assert_max_num_queries):
    AuditEvent.objects.bulk_create(
        [AuditEvent(workspace=workspace, action=f"test.event{i % 3}") for i in range(120)]
    )
    client = login(owner)
    client.get(url("audit"))
    with django_assert_max_num_queries(16):
        response = client.get(url("audit"), {"page": 2})
    page = response.context["page"]
    assert page.number == 2 and len(page.object_list) == 50
    assert page.paginator.num_pages == 3
    assert "page=3" in response.content.decode()


def test_csv_export_has_header_filtered_rows_and_is_audited(login, owner, member, workspace):
    audit(action="group.created", actor=member.user, workspace=workspace, data={"alias": "=cmd"})
    audit(action="invitation.created", actor=owner.user, workspace=workspace)
    response = login(owner).get(url("audit_export"), {"action": "group.created"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = _csv(response)
    assert rows[0] == ["time", "action", "actor", "target_type", "target", "ip", "data"]
    assert [r[1] for r in rows[1:]] == ["group.created"]
    assert rows[1][2] == member.user.email
    exported = AuditEvent.objects.get(action="audit.exported")
    assert exported.workspace == workspace and exported.actor == owner.user
    assert exported.data == {"rows": 1, "filters": {"action": "group.created"}}


def test_csv_cells_cannot_become_formulas(login, owner, workspace):
    audit(action="group.created", workspace=workspace, actor_email="=HYPERLINK(1)")
    rows = _csv(login(owner).get(url("audit_export"), {"action": "group.created"}))
    assert rows[1][2] == "'=HYPERLINK(1)"


def test_export_of_other_workspace_data_never_leaks(login, owner, outsider):
    audit(action="group.created", actor=outsider.user, workspace=outsider.workspace)
    rows = _csv(login(owner).get(url("audit_export")))
    assert all(outsider.user.email not in ",".join(r) for r in rows)


def test_dates_older_than_range_are_excluded(login, owner, workspace):
    old = audit(action="group.created", actor=owner.user, workspace=workspace)
    AuditEvent.objects.filter(pk=old.pk).update(created_at=old.created_at - timedelta(days=40))
    audit(action="group.updated", actor=owner.user, workspace=workspace)
    since = (old.created_at - timedelta(days=20)).date().isoformat()
    page = login(owner).get(url("audit"), {"date_from": since}).context["page"]
    assert "group.created" not in [e.action for e in page.object_list]
    assert "group.updated" in [e.action for e in page.object_list]
