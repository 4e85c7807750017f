"""Services of goals. Import from here: `from keel.goals import services`."""

from keel.goals.services.vision import (
    HORIZON_YEARS,
    MAX_YEARS_AHEAD,
    current_date,
    current_year,
    goal_create,
    goal_delete,
    goal_update,
    milestone_create,
    milestone_delete,
    milestone_set_status,
    milestone_update,
    value_create,
    value_delete,
    value_move,
    value_update,
    vision_update,
)

__all__ = [
    "HORIZON_YEARS",
    "MAX_YEARS_AHEAD",
    "current_date",
    "current_year",
    "goal_create",
    "goal_delete",
    "goal_update",
    "milestone_create",
    "milestone_delete",
    "milestone_set_status",
    "milestone_update",
    "value_create",
    "value_delete",
    "value_move",
    "value_update",
    "vision_update",
]
