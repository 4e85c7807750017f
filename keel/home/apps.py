"""The workspace's front page: the owner's cockpit (what needs attention, recent activity).

Home is the top layer: it summarises the apps below it (accounts, notifications), so no app
imports it; it only registers its sidebar link.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "keel.home"
    label = "home"
    verbose_name = _("Home")

    def ready(self) -> None:
        from keel.home import wiring

        wiring.connect()
