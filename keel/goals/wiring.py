"""What the vision app registers at start-up (called from GoalsConfig.ready): audit labels,
the demo seeder (and its KPI links, after the KPI demo), the milestones a seat answers for
(seat ownership) and the sidebar link.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from keel.org.models import Seat


GOALS_ACTION_LABELS: dict[str, Any] = {
    "vision.updated": _("Vision edited"),
    "vision.value_created": _("Core value added"),
    "vision.value_updated": _("Core value edited"),
    "vision.value_deleted": _("Core value deleted"),
    "vision.value_moved": _("Core value moved"),
    "vision.goal_created": _("Goal added"),
    "vision.goal_updated": _("Goal edited"),
    "vision.goal_deleted": _("Goal deleted"),
    "vision.milestone_created": _("Milestone added"),
    "vision.milestone_updated": _("Milestone edited"),
    "vision.milestone_status": _("Milestone status changed"),
    "vision.milestone_deleted": _("Milestone deleted"),
}


def seat_milestones(seat: Seat) -> list[tuple[str, str]]:
    """Seat-ownership provider: the milestones this seat answers for (one query)."""
    from django.urls import reverse

    from keel.goals.selectors import milestones_owned_by_seat

    items = []
    for milestone in milestones_owned_by_seat(seat=seat):
        url = reverse("goals_vision", kwargs={"ws": milestone.workspace.slug})
        items.append((f"{milestone.year}: {milestone.title}", f"{url}#milestone-{milestone.pk}"))
    return items


def connect() -> None:
    from keel.core.audit import register_action_labels
    from keel.core.seeding import register_demo_seeder
    from keel.goals.demo import link_demo_kpis, seed_demo_vision
    from keel.kpis.demo import register_after_demo_kpis
    from keel.org.ownership import register_seat_ownership
    from keel.ui.nav import NavItem, register_nav

    register_demo_seeder(seed_demo_vision)
    register_after_demo_kpis(link_demo_kpis)  # the KPI demo seeds after the vision's
    register_action_labels(GOALS_ACTION_LABELS)
    register_seat_ownership("goals.milestones", _("Vision milestones"), seat_milestones)
    register_nav(NavItem(key="vision", label=_("Vision"), url_name="goals_vision",
                         permission="goals.view", order=60))  # fmt: skip
