from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import translation
from django.utils.translation import gettext_lazy

from keel.notifications import services
from keel.notifications.models import Notification, NotificationPreference
from keel.notifications.selectors import preferences_for, unread_count

pytestmark = pytest.mark.django_db


def _notify(recipient, kind="member.joined", **kw):
    params = {"name": "Mike", "workspace": "Acme"}
    return services.notify(recipient=recipient, kind=kind, params=params, **kw)


def test_notify_defaults_create_in_app_and_queue_email(owner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notification = _notify(owner, body="Say hello.", url="/acme/members/")
    assert notification is not None
    assert notification.workspace == owner.workspace
    assert unread_count(membership=owner) == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [owner.user.email]
    assert "Mike joined" in message.subject
    assert "Say hello." in message.body
    assert "/acme/members/" in message.body
    assert "/acme/notifications/preferences/" in message.body


def test_email_waits_for_commit(owner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _notify(owner)
    assert mail.outbox == []
    assert len(callbacks) == 1


def test_notify_respects_in_app_preference(owner, django_capture_on_commit_callbacks):
    NotificationPreference.objects.create(
        workspace=owner.workspace, membership=owner, kind="member.joined", in_app=False, email=True
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert _notify(owner) is None
    assert not Notification.objects.filter(recipient=owner).exists()
    assert len(mail.outbox) == 1


def test_notify_respects_email_preference(owner, django_capture_on_commit_callbacks):
    NotificationPreference.objects.create(
        workspace=owner.workspace, membership=owner, kind="member.joined", in_app=True, email=False
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert _notify(owner) is not None
    assert mail.outbox == []


def test_kind_defaults_apply_without_a_row(member, django_capture_on_commit_callbacks):
    # group.message defaults to in-app only.
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(
            recipient=member, kind="group.message", params={"group": "Sales", "subject": "Hi"}
        )
    assert Notification.objects.filter(recipient=member).count() == 1
    assert mail.outbox == []


ROLE_EN = "Your role in Acme Shop is now Manager"
ROLE_ZH = "你在“Acme Shop”的角色已变更为经理"


def test_notification_is_stored_as_kind_and_params(member):
    notification = services.notify(
        recipient=member,
        kind="member.role_changed",
        params={"workspace": "Acme Shop", "role": "manager"},
    )
    assert notification is not None
    notification.refresh_from_db()
    assert notification.params == {"workspace": "Acme Shop", "role": "manager"}


def test_same_notification_reads_in_each_readers_language(member):
    member.user.language = "zh-hans"
    member.user.save(update_fields=["language"])
    notification = services.notify(
        recipient=member,
        kind="member.role_changed",
        params={"workspace": "Acme Shop", "role": "manager"},
    )
    assert notification is not None
    notification = Notification.objects.get(pk=notification.pk)
    with translation.override("zh-hans"):
        assert notification.display_title() == ROLE_ZH
    with translation.override("en"):
        assert notification.display_title() == ROLE_EN
        assert str(notification) == ROLE_EN
    # The rendered fallback is in the recipient's language.
    assert notification.title == ROLE_ZH


def test_email_is_in_recipients_language(member, django_capture_on_commit_callbacks):
    member.user.language = "zh-hans"
    member.user.save(update_fields=["language"])
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        services.notify(
            recipient=member,
            kind="member.role_changed",
            params={"workspace": "Acme Shop", "role": "manager"},
            url="/acme/",
        )
    assert mail.outbox[0].subject.endswith(ROLE_ZH)
    assert "在 Keel 中查看：" in mail.outbox[0].body


def test_translated_text_as_a_parameter_is_refused(member):
    with pytest.raises(TypeError):
        services.notify(
            recipient=member,
            kind="member.role_changed",
            params={"workspace": "Acme Shop", "role": gettext_lazy("Manager")},  # type: ignore[dict-item]
        )
    assert not Notification.objects.exists()


def test_missing_parameters_are_refused_when_sent(member):
    with pytest.raises(ValueError):
        services.notify(recipient=member, kind="member.joined", params={"name": "Mike"})
    assert not Notification.objects.exists()


def test_stored_title_is_shown_when_the_kind_cannot_render(member):
    # A row from before params (or of a retired kind) keeps its stored title.
    old = Notification.objects.create(
        workspace=member.workspace, recipient=member, kind="member.joined", title="Mike joined"
    )
    retired = Notification.objects.create(
        workspace=member.workspace, recipient=member, kind="gone.kind", title="Old news"
    )
    assert old.display_title() == "Mike joined"
    assert retired.display_title() == "Old news"


def test_offboarded_member_is_not_notified(member):
    from django.utils import timezone

    member.offboarded_at = timezone.now()
    member.save(update_fields=["offboarded_at"])
    assert _notify(member) is None
    assert not Notification.objects.exists()


def test_unknown_kind_and_foreign_url_are_refused(owner):
    with pytest.raises(ValueError):
        services.notify(recipient=owner, kind="nope", params={})
    with pytest.raises(ValueError):
        _notify(owner, url="https://evil.example/")
    with pytest.raises(ValueError):
        _notify(owner, url="//evil.example/")
    assert not Notification.objects.exists()


def test_member_cannot_mark_another_members_notification(owner, member):
    notification = _notify(owner)
    with pytest.raises(PermissionDenied):
        services.notification_mark_read(actor=member, notification=notification)
    notification.refresh_from_db()
    assert notification.read_at is None


def test_mark_all_read_touches_only_own(owner, member):
    _notify(owner)
    _notify(member)
    assert services.notifications_mark_all_read(actor=owner) == 1
    assert unread_count(membership=owner) == 0
    assert unread_count(membership=member) == 1


def test_preferences_save_and_read_back(member):
    services.preferences_save(
        actor=member, choices={"member.joined": (False, False), "bogus": (True, True)}
    )
    prefs = preferences_for(membership=member)
    assert prefs["member.joined"] == (False, False)
    assert prefs["member.role_changed"] == (True, True)  # default
    assert "bogus" not in prefs
    assert NotificationPreference.objects.filter(membership=member).count() == 1


def test_prune_job_keeps_unread(owner):
    from datetime import timedelta

    from django.utils import timezone

    from keel.notifications.jobs import prune_read_notifications

    old = timezone.now() - timedelta(days=400)
    read = _notify(owner)
    unread = _notify(owner)
    Notification.objects.filter(pk=read.pk).update(created_at=old, read_at=old)
    Notification.objects.filter(pk=unread.pk).update(created_at=old)
    prune_read_notifications.call()
    assert list(Notification.objects.values_list("pk", flat=True)) == [unread.pk]
