"""Services of org (departments, seats). Import from here: `from keel.org import services`."""

from keel.org.services.departments import (
    department_create,
    department_delete,
    department_move,
    department_template_apply,
    department_update,
)
from keel.org.services.seats import (
    MAX_RESPONSIBILITIES,
    seat_create,
    seat_delete,
    seat_fill,
    seat_update,
    seat_vacate,
    seats_vacate_for_offboarding,
)

__all__ = [
    "MAX_RESPONSIBILITIES",
    "department_create",
    "department_delete",
    "department_move",
    "department_template_apply",
    "department_update",
    "seat_create",
    "seat_delete",
    "seat_fill",
    "seat_update",
    "seat_vacate",
    "seats_vacate_for_offboarding",
]
