"""Forms of goals. Import from here: `from keel.goals import forms`."""

from keel.goals.forms.vision import (
    SEAT_STATUS_LABELS,
    GoalForm,
    MilestoneForm,
    MoveForm,
    SeatChoiceField,
    SeatMultipleChoiceField,
    StatusForm,
    ValueForm,
    VisionForm,
    seat_label,
)

__all__ = [
    "SEAT_STATUS_LABELS",
    "GoalForm",
    "MilestoneForm",
    "MoveForm",
    "SeatChoiceField",
    "SeatMultipleChoiceField",
    "StatusForm",
    "ValueForm",
    "VisionForm",
    "seat_label",
]
