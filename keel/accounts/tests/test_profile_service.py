"""`user_profile_update`: saves only what changed and audits the field names, not the values."""

from __future__ import annotations

import pytest

from keel.accounts import services
from keel.core.models import AuditEvent
from keel.core.services import AuditContext

pytestmark = pytest.mark.django_db


def test_profile_update_saves_changed_fields_and_audits_their_names(owner):
    user = owner.user
    user.full_name, user.language, user.timezone, user.theme = "Olivia", "", "", ""
    user.save()
    context = AuditContext(ip="203.0.113.5", user_agent="Firefox")

    changed = services.user_profile_update(
        user=user, full_name="Olivia Chen", language="zh-hans", timezone="", theme="dark",
        context=context,
    )  # fmt: skip

    assert changed == ["full_name", "language", "theme"]
    user.refresh_from_db()
    assert (user.full_name, user.language, user.timezone, user.theme) == (
        "Olivia Chen", "zh-hans", "", "dark",
    )  # fmt: skip
    event = AuditEvent.objects.get(action="user.profile_updated")
    assert event.actor == user and event.workspace is None
    assert event.data == {"fields": ["full_name", "language", "theme"]}
    assert (event.ip, event.user_agent) == ("203.0.113.5", "Firefox")
    assert "Olivia Chen" not in str(event.data)


def test_profile_update_without_a_change_writes_no_audit_event(owner):
    user = owner.user
    changed = services.user_profile_update(
        user=user, full_name=user.full_name, language=user.language, timezone=user.timezone,
        theme=user.theme,
    )  # fmt: skip
    assert changed == []
    assert not AuditEvent.objects.filter(action="user.profile_updated").exists()
