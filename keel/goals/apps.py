"""The five-year vision: statement, core values, long-term goals and yearly milestones.

Milestones point at the seats they need (the future org chart) and, later, at KPIs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from keel.org.models import Seat


def seat_milestones(seat: Seat) -> list[tuple[str, str]]:
    """Seat-ownership provider: the milestones this seat answers for (one query)."""
    from django.urls import reverse

    from keel.goals.selectors import milestones_owned_by_seat

    items = []
    for milestone in milestones_owned_by_seat(seat=seat):
        url = reverse("goals_vision", kwargs={"ws": milestone.workspace.slug})
        items.append((f"{milestone.year}: {milestone.title}", f"{url}#milestone-{milestone.pk}"))
    return items


class GoalsConfig(AppConfig):
    name = "keel.goals"
    label = "goals"
    verbose_name = _("Vision")

    def ready(self) -> None:
        from keel.core.audit import register_action_labels
        from keel.core.seeding import register_demo_seeder
        from keel.goals.audit_labels import GOALS_ACTION_LABELS
        from keel.goals.demo import seed_demo_vision
        from keel.org.ownership import register_seat_ownership

        register_demo_seeder(seed_demo_vision)
        register_action_labels(GOALS_ACTION_LABELS)
        register_seat_ownership("goals.milestones", _("Vision milestones"), seat_milestones)
