"""The password vault: the shop's logins, notes, API keys and cards, encrypted per item
under a workspace key under the master key; shared by grants to people, groups and seats at
three levels (use, view, manage); every reveal audited; a leaver's items queued for rotation.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VaultConfig(AppConfig):
    name = "keel.vault"
    label = "vault"
    verbose_name = _("Vault")

    def ready(self) -> None:
        from keel.vault import wiring

        wiring.connect()
