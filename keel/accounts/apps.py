from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "keel.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from keel.accounts import receivers  # noqa: F401  (allauth sign-in audit hooks)
        from keel.accounts.audit_labels import AUDIT_ACTION_LABELS
        from keel.core.audit import register_action_labels

        register_action_labels(AUDIT_ACTION_LABELS)
