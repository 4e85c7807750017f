"""Template helpers for the shell and components: `{% load ui %}`.

`membership|can:"audit.view"` only hides what `core.permissions` already refuses on the server.
"""

from __future__ import annotations

from typing import Any

from django import template

from keel.core.permissions import PERMISSIONS, has_perm

register = template.Library()


@register.filter
def can(membership: Any, perm: str) -> bool:
    """`{% if membership|can:"audit.view" %}`. An unknown permission name fails loudly."""
    if perm not in PERMISSIONS:
        raise template.TemplateSyntaxError(f"Unknown permission {perm!r}")
    return has_perm(membership, perm)


@register.filter
def elided_pages(page_obj: Any) -> Any:
    """`{% for n in page_obj|elided_pages %}`: page numbers around the current one, with "…"."""
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)


@register.simple_tag
def front_url(slug: str) -> str:
    """`{% front_url workspace.slug %}`: the workspace's front page (keel.ui.nav), so apps below
    the home page link to it without naming another app's URL."""
    from keel.ui.nav import front_url as nav_front_url

    return nav_front_url(slug)


@register.filter
def money(amount: Any, currency: str) -> str:
    """`{{ seat.cost_per_month|money:seat.cost_currency }}`: every page's money (keel.ui.money)."""
    from keel.ui.money import format_money

    return format_money(amount, currency)
