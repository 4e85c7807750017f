"""KPIs: monthly targets and values per team and for the company, scorecards with charts.

Definitions are owned by a seat (the holder answers for it), a group or a person; values
are typed in a year grid, imported from a CSV file, pushed through the API with a token, or
computed from Keel itself (tasks on time, overdue work, report participation and mood).
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KpisConfig(AppConfig):
    name = "keel.kpis"
    label = "kpis"
    verbose_name = _("KPIs")

    def ready(self) -> None:
        from keel.kpis import wiring

        wiring.connect()
