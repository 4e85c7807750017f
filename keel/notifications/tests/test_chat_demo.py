"""The demo shop's chats: paused (nothing is posted from a demo), in the demo's language,
with a short history; seeding twice adds nothing."""

from __future__ import annotations

import pytest

from keel.accounts.models import Group
from keel.notifications.demo import seed_demo_chats
from keel.notifications.models import ChatDelivery, ChatWebhook
from keel.notifications.services.chat import unseal

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("language", "team", "provider"), [
    ("en", "Shop team (Slack)", "slack"), ("zh-hans", "店铺运营群（钉钉）", "dingtalk"),
    ("zh-hant", "店鋪營運群（釘釘）", "dingtalk"),
])  # fmt: skip
def test_demo_chats(owner, language, team, provider):
    Group.objects.create(workspace=owner.workspace, name="Purchasing", alias="buy")
    seed_demo_chats(owner, language=language)
    seed_demo_chats(owner, language=language)
    hooks = {h.name: h for h in ChatWebhook.objects.all()}
    assert len(hooks) == 2 and not any(h.is_active for h in hooks.values())
    assert hooks[team].provider == provider and hooks[team].language == language
    assert "replace-with-yours" in unseal(hooks[team], "url")
    assert ChatDelivery.objects.filter(status="failed").count() == 1
    assert ChatDelivery.objects.filter(status="pending").count() == 0
