"""Selectors of goals. Import from here: `from keel.goals import selectors`."""

from keel.goals.selectors.kpis import attach_kpi_progress, kpis_for_picker, progress_of
from keel.goals.selectors.vision import (
    SEAT_STATUS_ORDER,
    TimelineYear,
    VisionPage,
    get_goal_for,
    get_milestone_for,
    get_value_for,
    goals_list,
    milestones_owned_by_seat,
    milestones_qs,
    seats_for_picker,
    timeline_years,
    values_list,
    vision_get,
    vision_page,
)

__all__ = [
    "SEAT_STATUS_ORDER",
    "TimelineYear",
    "VisionPage",
    "attach_kpi_progress",
    "get_goal_for",
    "get_milestone_for",
    "get_value_for",
    "goals_list",
    "kpis_for_picker",
    "milestones_owned_by_seat",
    "milestones_qs",
    "progress_of",
    "seats_for_picker",
    "timeline_years",
    "values_list",
    "vision_get",
    "vision_page",
]
