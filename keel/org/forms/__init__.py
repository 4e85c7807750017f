"""Forms of org. Import from here: `from keel.org import forms`."""

from keel.org.forms.structure import (
    COLOUR_NAMES,
    QUARTERS_AHEAD,
    DepartmentForm,
    FillForm,
    MemberChoiceField,
    SeatChoiceField,
    SeatForm,
    VacateForm,
    quarter_choices,
)

__all__ = [
    "COLOUR_NAMES",
    "QUARTERS_AHEAD",
    "DepartmentForm",
    "FillForm",
    "MemberChoiceField",
    "SeatChoiceField",
    "SeatForm",
    "VacateForm",
    "quarter_choices",
]
