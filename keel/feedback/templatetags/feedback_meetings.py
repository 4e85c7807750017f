"""`{% upcoming_meetings as rows %}`: the viewer's next meetings, for the feedback home page's
"Upcoming meetings" block (feedback/partials/home_meetings.html)."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def upcoming_meetings(context: Any, limit: int = 5) -> list[Any]:
    from keel.feedback.selectors.meetings import upcoming_for

    member = context.get("membership")
    if member is None:
        member = getattr(context.get("request"), "membership", None)
    if member is None or not member.is_active:
        return []
    return upcoming_for(member, limit=limit)
