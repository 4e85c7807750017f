"""Template helpers for the vision pages: `{% load goals_tags %}` (seat tones, quarters, a
milestone's KPI progress)."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, pgettext

from keel.goals.selectors import progress_of
from keel.kpis.templatetags.kpis_tags import status_text
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


@register.simple_tag
def milestone_kpi(milestone: Any, ws: str) -> SafeString:
    """`{% milestone_kpi m ws %}`: the milestone's KPI over its year — the KPI's name (a link
    to its page), "¥2,450,000 of ¥3,000,000 (82%)" and a status badge ("On target",
    "Close", "Missed"; judged by pace in the current year). Empty without a KPI."""
    progress = progress_of(milestone)
    kpi = milestone.kpi
    if kpi is None or progress is None:
        return mark_safe("")
    # The KPI's page (its trend and months): every reader of the vision may open it; the
    # year grid is for those who set targets or enter values.
    url = reverse("kpis_detail", kwargs={"ws": ws, "kpi_id": kpi.pk})
    if progress.value is None:
        figure = gettext("no value yet for %(year)d") % {"year": milestone.year}
    elif progress.target is None:
        figure = progress.value_text
    elif progress.share is None:
        figure = gettext("%(value)s of %(target)s") % {
            "value": progress.value_text, "target": progress.target_text,
        }  # fmt: skip
    else:
        figure = gettext("%(value)s of %(target)s (%(share)s%%)") % {
            "value": progress.value_text, "target": progress.target_text,
            "share": progress.share,
        }  # fmt: skip
    if progress.by_pace and progress.status:
        # 40% of the year's target in May can be on target: say what the badge judged
        figure = gettext("%(figure)s · judged by the pace so far") % {"figure": figure}
    badge = status_text(progress.status, has_value=progress.value is not None)
    state = pgettext("kpi state", "archived")
    archived = (format_html(' <span class="muted small">({})</span>', state)
                if kpi.archived_at else "")  # fmt: skip
    return format_html(
        '<div class="milestone-kpi"><a href="{}">{}</a>{} <span class="badge badge-{}">{}</span>'
        '<br><span class="muted small">{}</span></div>',
        url, kpi.name, archived, progress.status or "grey", badge, figure,
    )  # fmt: skip
