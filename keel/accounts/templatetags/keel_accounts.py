"""Template tags for the shell: whether to show the "confirm your email" banner."""

from __future__ import annotations

from typing import Any

from django import template

from keel.accounts.selectors.user import unverified_primary_email

register = template.Library()


@register.simple_tag(takes_context=True)
def unverified_email(context: template.Context) -> str:
    """The signed-in user's unconfirmed primary address, or "" (one query, signed-in only)."""
    request: Any = context.get("request")
    user = getattr(request, "user", None)
    return unverified_primary_email(user)
