"""How the vision's audit events read for people (registered in GoalsConfig.ready)."""

from typing import Any

from django.utils.translation import gettext_lazy as _

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
