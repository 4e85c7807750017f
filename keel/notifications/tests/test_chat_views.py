"""The chat webhook pages: admins connect, test, change and remove a chat; nobody else
reaches them; the address is never shown again; bad input keeps what was typed."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import override_settings

from keel.core.models import AuditEvent
from keel.notifications.models import ChatDelivery, ChatWebhook
from keel.notifications.tests.fake_chat import fake_chat

pytestmark = pytest.mark.django_db

URL = "https://oapi.dingtalk.com/robot/send?access_token=tok-very-secret"


def _form(**kw):
    data = {"name": "运营群", "provider": "dingtalk", "url": URL, "secret": "SECsecret",
            "group": "", "topics": ["tasks.status_update", "wiki.review_due"],
            "language": "zh-hans", "is_active": "on"}  # fmt: skip
    data.update(kw)
    return data


def test_an_admin_connects_a_chat_and_never_sees_its_address_again(login, admin):
    client = login(admin)
    assert "No chat connected yet" in client.get("/acme/notifications/chat/").content.decode()
    response = client.post("/acme/notifications/chat/new/", _form())
    hook = ChatWebhook.objects.get()
    assert response.status_code == 302 and response.url == f"/acme/notifications/chat/{hook.pk}/"
    assert hook.topics == ["tasks.status_update", "wiki.review_due"] and hook.language == "zh-hans"
    for page in ("/acme/notifications/chat/", f"/acme/notifications/chat/{hook.pk}/"):
        html = client.get(page).content.decode()
        assert "运营群" in html and "tok-very-secret" not in html and "SECsecret" not in html
    assert AuditEvent.objects.filter(action="chat.webhook_created").exists()


def test_bad_input_is_explained_and_kept(login, admin):
    bad = _form(url="https://oapi.dingtalk.com/robot/send", topics=[])
    response = login(admin).post("/acme/notifications/chat/new/", bad)
    html = response.content.decode()
    assert response.status_code == 400
    assert "access_token" in html and "运营群" in html
    assert not ChatWebhook.objects.exists()


@pytest.mark.parametrize("who", ["manager", "member", "assistant"])
def test_only_admins_reach_the_chat_pages(login, request, who):
    client = login(request.getfixturevalue(who))
    assert client.get("/acme/notifications/chat/").status_code == 403
    assert client.post("/acme/notifications/chat/new/", _form()).status_code == 403
    assert not ChatWebhook.objects.exists()


@override_settings(KEEL_CHAT_ALLOW_PRIVATE_HOSTS=True)
def test_the_test_button_shows_the_chats_answer(login, admin):
    client = login(admin)
    with fake_chat(secret="SECright") as chat:
        client.post("/acme/notifications/chat/new/", _form(url=chat.url("dingtalk"),
                                                          secret="SECwrong"))  # fmt: skip
        hook = ChatWebhook.objects.get()
        response = client.post(f"/acme/notifications/chat/{hook.pk}/test/", follow=True)
        html = response.content.decode()
        assert "sign not match" in html  # the chat's own words, on the page
        client.post(f"/acme/notifications/chat/{hook.pk}/", _form(url="", secret="SECright"))
        response = client.post(f"/acme/notifications/chat/{hook.pk}/test/", follow=True)
    assert len(chat.received) == 2
    assert ChatDelivery.objects.filter(status="sent").count() == 1
    assert "Recent messages" in response.content.decode()


def test_remove(login, admin):
    client = login(admin)
    client.post("/acme/notifications/chat/new/", _form())
    hook = ChatWebhook.objects.get()
    assert client.post(f"/acme/notifications/chat/{hook.pk}/delete/").status_code == 302
    assert not ChatWebhook.objects.exists()
    assert AuditEvent.objects.filter(action="chat.webhook_deleted").exists()


def test_the_preferences_page_links_admins_to_chats(login, admin, member):
    assert (
        "/acme/notifications/chat/"
        in login(admin).get("/acme/notifications/preferences/").content.decode()
    )
    assert (
        "/acme/notifications/chat/"
        not in login(member).get("/acme/notifications/preferences/").content.decode()
    )


def test_the_form_can_start_with_a_group_chosen(login, admin):
    from keel.accounts.models import Group

    group = Group.objects.create(workspace=admin.workspace, name="Buyers", alias="buyers")
    form = login(admin).get(f"/acme/notifications/chat/new/?group={group.pk}").content.decode()
    assert f'<option value="{group.pk}" selected>' in form


def test_keels_own_errors_are_read_in_the_admins_language(login, admin):
    from django.utils import timezone

    from keel.notifications.services.chat_delivery import INSIDE

    login(admin).post("/acme/notifications/chat/new/", _form())
    ChatWebhook.objects.update(last_error=INSIDE, last_error_at=timezone.now())
    client = login(admin)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    html = client.get("/acme/notifications/chat/").content.decode()
    assert INSIDE not in html and "该地址位于内网" in html
