"""Template helpers for the vision pages: `{% load goals_tags %}`."""

from __future__ import annotations

from typing import Any

from django import template

from keel.org.models import SeatStatus

register = template.Library()

# UI.md: green filled, amber open (hiring now), grey planned.
SEAT_TONE: dict[str, str] = {
    SeatStatus.FILLED: "green",
    SeatStatus.OPEN: "amber",
    SeatStatus.PLANNED: "grey",
}


@register.filter
def seat_tone(seat: Any) -> str:
    """`{{ seat|seat_tone }}`: the badge tone for a seat's status."""
    return SEAT_TONE.get(getattr(seat, "status", ""), "grey")


@register.filter
def quarter(date: Any) -> str:
    """`{{ seat.planned_for|quarter }}` → "2027 Q3" (the first day of the target quarter)."""
    if not date:
        return ""
    return f"{date.year} Q{(date.month - 1) // 3 + 1}"
