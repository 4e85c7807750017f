from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse

from keel.notifications import services
from keel.notifications.models import Notification, NotificationPreference

pytestmark = pytest.mark.django_db


def _n(recipient, title="Your role changed"):
    params = {"group": "Sales", "subject": title}
    return services.notify(recipient=recipient, kind="group.message", params=params)


def test_list_shows_unread_first_and_count_in_header(login, member):
    old = _n(member, "Older and read")
    services.notification_mark_read(actor=member, notification=old)
    _n(member, "Newest unread")
    response = login(member).get(reverse("notifications", kwargs={"ws": "acme"}))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Newest unread") < html.index("Older and read")
    assert 'id="unread-count"' in html
    assert "1 unread" in html


def test_mark_read_by_plain_post_redirects(login, member):
    notification = _n(member)
    url = reverse("notification_read", kwargs={"ws": "acme", "pk": notification.pk})
    response = login(member).post(url)
    assert response.status_code == 302
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_mark_read_by_htmx_returns_row_and_count(login, member):
    notification = _n(member)
    _n(member, "Another")
    url = reverse("notification_read", kwargs={"ws": "acme", "pk": notification.pk})
    response = login(member).post(url, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="notification-{notification.pk}"' in html
    assert 'hx-swap-oob="true"' in html
    assert "1 unread" in html


def test_mark_read_needs_post(login, member):
    notification = _n(member)
    url = reverse("notification_read", kwargs={"ws": "acme", "pk": notification.pk})
    assert login(member).get(url).status_code == 405


def test_member_cannot_mark_another_members_notification(login, owner, member):
    notification = _n(owner)
    url = reverse("notification_read", kwargs={"ws": "acme", "pk": notification.pk})
    assert login(member).post(url).status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_outsider_gets_404(login, owner, outsider):
    notification = _n(owner)
    client = login(outsider)
    for url in (
        reverse("notifications", kwargs={"ws": "acme"}),
        reverse("notification_preferences", kwargs={"ws": "acme"}),
    ):
        assert client.get(url).status_code == 404
    for url in (
        reverse("notification_read", kwargs={"ws": "acme", "pk": notification.pk}),
        reverse("notifications_read_all", kwargs={"ws": "acme"}),
    ):
        assert client.post(url).status_code == 404
    # Nor by asking in their own workspace for acme's id.
    url = reverse("notification_read", kwargs={"ws": "other", "pk": notification.pk})
    assert client.post(url).status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_anonymous_is_sent_to_sign_in(client, workspace):
    response = client.get(reverse("notifications", kwargs={"ws": "acme"}))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_mark_all_read(login, member, owner):
    _n(member)
    _n(member)
    _n(owner)
    response = login(member).post(reverse("notifications_read_all", kwargs={"ws": "acme"}))
    assert response.status_code == 302
    assert Notification.objects.filter(recipient=member, read_at__isnull=True).count() == 0
    assert Notification.objects.filter(recipient=owner, read_at__isnull=True).count() == 1


def test_mark_all_read_by_htmx_returns_list_and_zero_count(login, member):
    _n(member)
    response = login(member).post(
        reverse("notifications_read_all", kwargs={"ws": "acme"}), headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert 'id="notification-list"' in html
    assert 'id="unread-count"' in html and "unread" not in html.split('id="unread-count"')[1]


def test_empty_list_says_what_to_do(login, member):
    html = login(member).get(reverse("notifications", kwargs={"ws": "acme"})).content.decode()
    assert "No notifications yet" in html
    assert reverse("notification_preferences", kwargs={"ws": "acme"}) in html


def test_preferences_grid_saves(login, member):
    url = reverse("notification_preferences", kwargs={"ws": "acme"})
    client = login(member)
    page = client.get(url).content.decode()
    assert 'name="email:member.joined"' in page and 'name="in_app:group.message"' in page
    response = client.post(url, {"in_app:member.joined": "on"})
    assert response.status_code == 302
    pref = NotificationPreference.objects.get(membership=member, kind="member.joined")
    assert (pref.in_app, pref.email) == (True, False)
    group = NotificationPreference.objects.get(membership=member, kind="group.message")
    assert (group.in_app, group.email) == (False, False)


def test_list_is_rendered_in_the_readers_language(login, member):
    services.notify(
        recipient=member,
        kind="member.role_changed",
        params={"workspace": "Acme Shop", "role": "manager"},
    )
    client = login(member)
    url = reverse("notifications", kwargs={"ws": "acme"})
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    assert "你在“Acme Shop”的角色已变更为经理" in client.get(url).content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "Your role in Acme Shop is now Manager" in client.get(url).content.decode()
