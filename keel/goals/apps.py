"""The five-year vision: statement, core values, long-term goals and yearly milestones.

Milestones point at the seats they need (the future org chart) and, later, at KPIs.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GoalsConfig(AppConfig):
    name = "keel.goals"
    label = "goals"
    verbose_name = _("Vision")

    def ready(self) -> None:
        from keel.goals import wiring

        wiring.connect()
