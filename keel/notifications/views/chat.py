"""Chat webhook pages (admins): the list with each chat's last delivery and last error, the
form to connect or change one, a test message sent while you wait, and removal."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from keel.core.middleware import request_membership
from keel.core.permissions import require
from keel.core.services import AuditContext
from keel.notifications import selectors, services
from keel.notifications.chat_topics import CHAT_TOPICS
from keel.notifications.forms import ChatWebhookForm
from keel.notifications.models import ChatDeliveryStatus, ChatWebhook
from keel.ui.forms import submit


def topic_labels(webhook: ChatWebhook) -> list[str]:
    return [str(CHAT_TOPICS[t].label) for t in webhook.topics if t in CHAT_TOPICS]


def shows_error(webhook: ChatWebhook) -> bool:
    """The last error matters until a later message went through."""
    return bool(webhook.last_error_at) and (
        webhook.last_sent_at is None or webhook.last_error_at > webhook.last_sent_at  # type: ignore[operator]
    )


def _int(text: str | None) -> int | None:
    return int(text) if text and text.isdigit() and len(text) < 19 else None


@login_required
def chat_webhooks(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "chat.manage")
    rows = [{"hook": hook, "topics": topic_labels(hook), "error": shows_error(hook),
             "error_text": _(hook.last_error) if hook.last_error else ""}
            for hook in selectors.webhooks_of(workspace=actor.workspace)]  # fmt: skip
    return render(request, "notifications/chat/list.html", {"rows": rows})


def _form_page(request: HttpRequest, form: ChatWebhookForm, hook: ChatWebhook | None,
               extra: dict[str, Any] | None = None) -> HttpResponse:  # fmt: skip
    context = {"form": form, "hook": hook, **(extra or {})}
    return render(request, "notifications/chat/form.html", context,
                  status=400 if form.errors else 200)  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def chat_webhook_new(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "chat.manage")
    form = ChatWebhookForm(
        request.POST or None, workspace=actor.workspace, group_id=_int(request.GET.get("group"))
    )  # from a group's page
    hook = submit(request, form, lambda data: services.chat_webhook_create(
        actor=actor, fields=form.fields_for_service(),
        context=AuditContext.from_request(request)))  # fmt: skip
    if hook is not None:
        messages.success(request, _("Chat connected. Send it a test message to check."))
        return redirect("chat_webhook_edit", ws=ws, webhook_id=hook.pk)
    return _form_page(request, form, None)


@login_required
@require_http_methods(["GET", "POST"])
def chat_webhook_edit(request: HttpRequest, ws: str, webhook_id: int) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "chat.manage")
    hook = selectors.get_webhook_for(actor, webhook_id)
    form = ChatWebhookForm(request.POST or None, workspace=actor.workspace, webhook=hook)
    saved = submit(request, form, lambda data: services.chat_webhook_update(
        actor=actor, webhook=hook, fields=form.fields_for_service(),
        context=AuditContext.from_request(request)))  # fmt: skip
    if saved is not None:
        messages.success(request, _("Chat saved."))
        return redirect("chat_webhooks", ws=ws)
    # Keel's own errors are stored in English (the worker has no reader) and read here in
    # the admin's language; a chat's own answer has no translation and shows as it said.
    deliveries = [(d, _(d.last_error) if d.last_error else "")
                  for d in selectors.recent_deliveries(webhook=hook)]  # fmt: skip
    extra = {"deliveries": deliveries, "error_text": _(hook.last_error) if hook.last_error else "",
             "topics": {key: spec.label for key, spec in CHAT_TOPICS.items()},
             "error": shows_error(hook)}  # fmt: skip
    return _form_page(request, form, hook, extra)


@login_required
@require_POST
def chat_webhook_test(request: HttpRequest, ws: str, webhook_id: int) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "chat.manage")
    hook = selectors.get_webhook_for(actor, webhook_id)
    delivery = services.chat_webhook_test(actor=actor, webhook=hook,
                                          context=AuditContext.from_request(request))  # fmt: skip
    if delivery.status == ChatDeliveryStatus.SENT:
        messages.success(request, _("Test message sent to %(name)s.") % {"name": hook.name})
    else:
        messages.error(request, _("%(name)s did not take the test message: %(error)s")
                       % {"name": hook.name, "error": _(delivery.last_error)})  # fmt: skip
    return redirect("chat_webhook_edit", ws=ws, webhook_id=hook.pk)


@login_required
@require_POST
def chat_webhook_delete(request: HttpRequest, ws: str, webhook_id: int) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "chat.manage")
    hook = selectors.get_webhook_for(actor, webhook_id)
    services.chat_webhook_delete(actor=actor, webhook=hook,
                                 context=AuditContext.from_request(request))  # fmt: skip
    messages.success(request, _("Chat removed; Keel no longer posts there."))
    return redirect("chat_webhooks", ws=ws)
