"""Selectors of org. Import from here: `from keel.org import selectors`."""

from keel.org.selectors.structure import (
    OVERLOAD_SEATS,
    DepartmentRow,
    SeatGroup,
    SeatPage,
    department_choices,
    departments_tree,
    get_department_for,
    get_seat_for,
    holder_seat_counts,
    is_overloaded,
    member_choices,
    overloaded_members,
    seat_choices,
    seat_page,
    seats_by_department,
    seats_list,
)

__all__ = [
    "OVERLOAD_SEATS",
    "DepartmentRow",
    "SeatGroup",
    "SeatPage",
    "department_choices",
    "departments_tree",
    "get_department_for",
    "get_seat_for",
    "holder_seat_counts",
    "is_overloaded",
    "member_choices",
    "overloaded_members",
    "seat_choices",
    "seat_page",
    "seats_by_department",
    "seats_list",
]
