"""`{% kpi_status cell %}`: a status badge ("On target" green, "Close" amber, "Missed" red, or
grey when the value or target is missing); `{% kpi_score_rows rows ws %}`: the scorecard's
rows; `{{ month|month_slug }}`: "2026-03" for URLs."""

from __future__ import annotations

from datetime import date
from html import escape as html_escape
from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext, pgettext

from keel.ui.rows import id_url

register = template.Library()


def status_text(status: str | None, *, has_value: bool) -> str:
    if status == "green":
        return gettext("On target")
    if status == "amber":
        return pgettext("kpi status", "Close")
    if status == "red":
        return pgettext("kpi status", "Missed")
    return gettext("No target") if has_value else gettext("No value yet")


@register.simple_tag
def kpi_status(cell: Any) -> SafeString:
    text = status_text(cell.status, has_value=cell.value is not None)
    return format_html('<span class="badge badge-{}">{}</span>', cell.status or "grey", text)


@register.filter
def month_slug(month: date) -> str:
    return month.strftime("%Y-%m")


def _badges() -> dict[tuple[str | None, bool], str]:
    """Every status badge's markup, worded once per page: (status, has a value) → HTML."""
    out = {}
    for status in ("green", "amber", "red", None):
        for has_value in (True, False):
            text = escape(status_text(status, has_value=has_value))
            out[(status, has_value)] = f'<span class="badge badge-{status or "grey"}">{text}</span>'
    return out


@register.simple_tag
def kpi_score_rows(rows: list[Any], ws: str) -> SafeString:
    """The scorecard's rows, written in Python: 200 KPIs through a Django template cost
    ~0.4 ms each (docs/architecture.md, "Busy rows are rendered in Python"). This replaces
    the row markup of scorecard.html, cell for cell. Every text goes through the standard
    library's html.escape: what Django's escape() calls, without its lazy-text check."""
    if not rows:
        return mark_safe("")
    detail = id_url("kpis_detail", ws, "kpi_id")
    month = reverse("kpis_month", kwargs={"ws": ws, "kpi_id": 0, "month": "2000-01"})
    month_head, month_tail = month.rsplit("/0/months/2000-01/", 1)
    heading = gettext("heading for %(pace)s")
    on_pace = gettext("on pace for %(share)s%% of target")
    of_target = gettext("%(share)s%% of target")
    badges = _badges()
    html = []
    for row in rows:
        cell, kpi = row.cell, row.kpi
        slug = month_slug(cell.month)
        pace = ""
        if row.pace_text:
            pace = f'<br><span class="muted small">{html_escape(heading % {"pace": row.pace_text})}'
            pace += "</span>"
        share = ""
        if cell.share is not None:
            text = (on_pace if cell.by_pace else of_target) % {"share": cell.share}
            share = f'<br><span class="muted small">{html_escape(text)}</span>'
        if row.week_text:  # a weekly KPI's latest week under its month
            pace += f'<br><span class="muted small">{html_escape(row.week_text)}</span>'
        comment = html_escape(Truncator(cell.comment).chars(140)) if cell.comment else ""
        html.append(
            f'<tr><td><a class="kpi-name" href="{detail(kpi.pk)}">'
            f"{html_escape(kpi.name)}</a></td>"
            f"<td>{badges[(cell.status, cell.value is not None)]}</td>"
            f"<td>{html_escape(row.owner or '–')}</td>"
            f'<td class="num"><a href="{month_head}/{kpi.pk}/months/{slug}/{month_tail}">'
            f"{html_escape(cell.value_text)}</a>{pace}</td>"
            f'<td class="num">{html_escape(cell.target_text)}{share}</td>'
            f'<td class="num">{html_escape(row.previous.value_text)}</td>'
            f'<td class="kpi-comment">{comment}</td></tr>'
        )
    return mark_safe("".join(html))  # every text went through html_escape()
