"""Template tags for the shell (whether to show the "confirm your email" banner) and for
people: the title shown for a member (`member_title`, their seat's when they hold one)."""

from __future__ import annotations

from typing import Any

from django import template

from keel.accounts.selectors.user import unverified_primary_email
from keel.accounts.titles import display_title, prepare_titles

register = template.Library()


@register.simple_tag(takes_context=True)
def unverified_email(context: template.Context) -> str:
    """The signed-in user's unconfirmed primary address, or "" (one query, signed-in only)."""
    request: Any = context.get("request")
    user = getattr(request, "user", None)
    return unverified_primary_email(user)


@register.filter
def member_title(membership: Any) -> str:
    """The member's seat title(s) when they hold a seat, else their own free-text title."""
    return display_title(membership)


@register.simple_tag
def prepare_member_titles(items: Any, attribute: str = "") -> str:
    """Resolve the titles of a list in one query before its rows use `member_title`.

    `items` are memberships, or rows (objects or dicts) whose `attribute` is one
    (`{% prepare_member_titles rows "membership" %}`).
    """

    def membership(item: Any) -> Any:
        if not attribute:
            return item
        return item.get(attribute) if isinstance(item, dict) else getattr(item, attribute)

    prepare_titles(membership(item) for item in items or ())
    return ""
