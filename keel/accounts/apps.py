from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "keel.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from keel.accounts import wiring

        wiring.connect()
