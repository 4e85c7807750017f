"""Demo content for chats: the demo shop's team chat (DingTalk in Chinese, Slack in English)
and the purchasing group's Feishu chat, connected but paused — the demo has no real chat to
post to — with a few past messages, one of which failed, so the page shows how it looks.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from keel.accounts.models import Group
from keel.core.models import Membership
from keel.notifications.models import ChatDelivery, ChatDeliveryStatus, ChatWebhook
from keel.notifications.services import WebhookFields, chat_webhook_create

NAMES = {
    "en": ("Shop team (Slack)", "Purchasing (Feishu)"),
    "zh-hans": ("店铺运营群（钉钉）", "采购群（飞书）"),
    "zh-hant": ("店鋪營運群（釘釘）", "採購群（飛書）"),
}
TEAM_TOPICS = ["tasks.status_update", "wiki.review_due", "kpis.scorecard"]


def seed_demo_chats(owner: Membership, *, language: str = "en") -> None:
    ws = owner.workspace
    if ChatWebhook.objects.in_workspace(ws).exists():
        return
    team_name, group_name = NAMES.get(language, NAMES["en"])
    team_provider, team_url = (
        ("slack", "https://hooks.slack.com/services/T0DEMO/B0DEMO/replace-with-yours")
        if language == "en"
        else ("dingtalk", "https://oapi.dingtalk.com/robot/send?access_token=replace-with-yours")
    )
    from keel.notifications.chat_topics import CHAT_TOPICS

    team = chat_webhook_create(actor=owner, fields=WebhookFields(
        name=team_name, provider=team_provider, url=team_url, language=language,
        topics=[t for t in TEAM_TOPICS if t in CHAT_TOPICS], is_active=False,
    ))  # fmt: skip
    # The purchasing group's chat (its alias is the same in every demo language).
    groups = Group.objects.in_workspace(ws).order_by("id")
    group = groups.filter(alias="purchasing").first() or groups.first()
    hooks = [team]
    if group is not None:
        hooks.append(chat_webhook_create(actor=owner, fields=WebhookFields(
            name=group_name, provider="feishu", group_id=group.pk, language=language,
            url="https://open.feishu.cn/open-apis/bot/v2/hook/replace-with-yours",
            topics=["group.message", "task.mentioned", "wiki.mentioned"], is_active=False,
        )))  # fmt: skip
    now = timezone.now()
    for hook in hooks:
        sent = ChatDelivery.objects.create(
            workspace=ws, webhook=hook, topic="chat.test", status=ChatDeliveryStatus.SENT,
            params={"actor": owner.user.display_name}, attempts=1, sent_at=now - timedelta(days=9),
        )  # fmt: skip
        ChatDelivery.objects.filter(pk=sent.pk).update(created_at=now - timedelta(days=9))
    failed = ChatDelivery.objects.create(
        workspace=ws, webhook=team, topic="chat.test", status=ChatDeliveryStatus.FAILED,
        params={"actor": owner.user.display_name}, attempts=1,
        last_error="error 310000: sign not match",
    )  # fmt: skip
    ChatDelivery.objects.filter(pk=failed.pk).update(created_at=now - timedelta(days=10))
    ChatWebhook.objects.filter(pk__in=[h.pk for h in hooks]).update(
        last_sent_at=now - timedelta(days=9)
    )
