"""The chat webhook API: admins connect, change, test and remove chats; the address and the
secret go in and never come out; everyone else gets 403."""

from __future__ import annotations

import pytest
from django.test import override_settings

from keel.notifications.models import ChatWebhook
from keel.notifications.tests.fake_chat import fake_chat

pytestmark = pytest.mark.django_db

BASE = "/workspaces/acme/chat-webhooks"
BODY = {"name": "Ops", "provider": "feishu", "secret": "fs-secret", "topics": ["group.message"],
        "url": "https://open.feishu.cn/open-apis/bot/v2/hook/hidden-token"}  # fmt: skip


def test_connect_list_change_and_remove(api_for, admin):
    api = api_for(admin)
    created = api.post(BASE, BODY)
    assert created.status_code == 201, created.content
    data = created.json()
    assert data["url_hint"] == "open.feishu.cn …oken" and data["has_secret"] is True
    assert "hidden-token" not in created.content.decode()
    assert "fs-secret" not in created.content.decode()
    hook_url = f"{BASE}/{data['id']}"
    assert [h["name"] for h in api.get(BASE).json()["items"]] == ["Ops"]
    changed = api.patch(hook_url, {"name": "Operations", "secret": ""})
    assert changed.status_code == 200 and changed.json()["has_secret"] is False
    assert changed.json()["url_hint"] == data["url_hint"]  # kept
    assert api.delete(hook_url).status_code == 204
    assert not ChatWebhook.objects.exists()


def test_bad_input_is_a_422_naming_the_field(api_for, admin):
    response = api_for(admin).post(
        BASE, {**BODY, "url": "https://10.1.2.3/open-apis/bot/v2/hook/x"}
    )
    assert response.status_code == 422
    assert "url" in response.content.decode()
    response = api_for(admin).post(BASE, {**BODY, "topics": ["nonsense"]})
    assert response.status_code == 422 and "topics" in response.content.decode()


@pytest.mark.parametrize("who", ["manager", "member"])
def test_non_admins_are_refused(api_for, request, who):
    api = api_for(request.getfixturevalue(who))
    assert api.get(BASE).status_code == 403
    assert api.post(BASE, BODY).status_code == 403


@override_settings(KEEL_CHAT_ALLOW_PRIVATE_HOSTS=True)
def test_the_test_endpoint_reports_the_chats_answer(api_for, admin):
    api = api_for(admin)
    with fake_chat() as chat:
        hook = api.post(BASE, {**BODY, "provider": "wecom", "secret": "",
                               "url": chat.url("wecom")}).json()  # fmt: skip
        result = api.post(f"{BASE}/{hook['id']}/test", {})
    assert result.status_code == 200 and result.json()["status"] == "sent"
    assert len(chat.received) == 1
    deliveries = api.get(f"{BASE}/{hook['id']}/deliveries").json()
    assert [d["topic"] for d in deliveries] == ["chat.test"]
