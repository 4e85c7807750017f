"""`{% kpi_status cell %}`: a status badge ("On target" green, "Close" amber, "Missed" red, or
grey when the value or target is missing); `{{ month|month_slug }}`: "2026-03" for URLs."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext, pgettext

register = template.Library()


def status_text(cell: Any) -> str:
    if cell.status == "green":
        return gettext("On target")
    if cell.status == "amber":
        return pgettext("kpi status", "Close")
    if cell.status == "red":
        return pgettext("kpi status", "Missed")
    if cell.value is None:
        return gettext("No value yet")
    return gettext("No target")


@register.simple_tag
def kpi_status(cell: Any) -> SafeString:
    return format_html('<span class="badge badge-{}">{}</span>', cell.status or "grey",
                       status_text(cell))  # fmt: skip


@register.filter
def month_slug(month: date) -> str:
    return month.strftime("%Y-%m")
