"""The org chart: departments, seats (positions) that own work, and the headcount plan."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgConfig(AppConfig):
    name = "keel.org"
    label = "org"
    verbose_name = _("Org chart")

    def ready(self) -> None:
        from keel.org import wiring

        wiring.connect()
