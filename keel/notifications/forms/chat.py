"""The chat webhook form: which chat, its address (and signing secret), whose chat it is
(the workspace's or a group's), what Keel posts there, and in which language."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from keel.accounts.models import Group
from keel.core.models import Workspace
from keel.notifications.chat_topics import default_topics, topic_choices
from keel.notifications.models import ChatProvider, ChatWebhook
from keel.notifications.services import WebhookFields


class ChatWebhookForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=80,
                           help_text=_("The chat's name as your team knows it."))  # fmt: skip
    provider = forms.ChoiceField(label=_("Chat"), choices=ChatProvider.choices)
    url = forms.CharField(
        label=_("Webhook address"), required=False, max_length=1000,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        help_text=_("From the chat's robot or incoming-webhook settings. Kept encrypted; "
                    "Keel never shows it again."),
    )  # fmt: skip
    secret = forms.CharField(
        label=_("Signing secret"), required=False, max_length=200,
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}, render_value=False),
        help_text=_("Feishu/Lark and DingTalk only, when the robot has signing turned on "
                    "(the secret starts with SEC for DingTalk)."),
    )  # fmt: skip
    remove_secret = forms.BooleanField(label=_("Remove the signing secret"), required=False)
    group = forms.TypedChoiceField(label=_("Whose chat"), coerce=int, required=False,
                                   empty_value=None)  # fmt: skip
    topics = forms.MultipleChoiceField(
        label=_("Post"), widget=forms.CheckboxSelectMultiple, required=False
    )  # the service says what is missing
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES,
                                 help_text=_("Keel writes its messages in this chat in this "
                                             "language."))  # fmt: skip
    is_active = forms.BooleanField(
        label=pgettext_lazy("chat", "Active"), required=False, initial=True
    )

    def __init__(self, *args: Any, workspace: Workspace, webhook: ChatWebhook | None = None,
                 group_id: int | None = None, **kwargs: Any) -> None:  # fmt: skip
        if webhook is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "name": webhook.name, "provider": webhook.provider, "group": webhook.group_id,
                "topics": webhook.topics, "language": webhook.language,
                "is_active": webhook.is_active,
            }  # fmt: skip
        elif "initial" not in kwargs:
            kwargs["initial"] = {"language": workspace.language, "is_active": True,
                                 "topics": default_topics(), "group": group_id}  # fmt: skip
        super().__init__(*args, **kwargs)
        self.webhook = webhook
        groups = Group.objects.in_workspace(workspace).order_by("name").values_list("pk", "name")
        group_field: Any = self.fields["group"]
        group_field.choices = [("", _("The whole workspace"))] + [
            (pk, _("Group: %(name)s") % {"name": name}) for pk, name in groups
        ]
        topics_field: Any = self.fields["topics"]
        topics_field.choices = topic_choices()
        if webhook is not None:
            self.fields["url"].help_text = _("Leave empty to keep the address (%(hint)s).") % {
                "hint": webhook.url_hint
            }
            if webhook.secret_sealed:
                self.fields["secret"].help_text = _("Leave empty to keep the secret.")
            else:
                del self.fields["remove_secret"]
        else:
            del self.fields["remove_secret"]

    def fields_for_service(self) -> WebhookFields:
        data = self.cleaned_data
        secret: str | None = data.get("secret") or None
        if data.get("remove_secret"):
            secret = ""
        elif self.webhook is None:
            secret = data.get("secret") or ""
        return WebhookFields(
            name=data["name"], provider=data["provider"], url=data.get("url") or "",
            secret=secret, group_id=data.get("group"), topics=data.get("topics") or [],
            language=data["language"], is_active=bool(data.get("is_active")),
        )  # fmt: skip
