"""Reads about the signed-in user's own account (not workspace-scoped: a user spans workspaces)."""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from django.db.models import QuerySet

from keel.accounts.models import ApiToken


def needs_email_verification(user: Any) -> bool:
    """True when the user's primary address is known to allauth and still unconfirmed.

    Users created outside allauth (fixtures, `createsuperuser`) have no EmailAddress row and
    get no banner; invitation links mark the address verified. One query at most.
    """
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return bool(EmailAddress.objects.filter(user_id=user.pk, primary=True, verified=False).exists())


def unverified_primary_email(user: Any) -> str:
    """The address the verification banner offers to re-send to ("" when none)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return ""
    return (
        EmailAddress.objects.filter(user_id=user.pk, primary=True, verified=False)
        .values_list("email", flat=True)
        .first()
        or ""
    )


def user_api_tokens(user: Any) -> QuerySet[ApiToken]:
    """The user's usable tokens in every workspace where they are still an active member.

    Deliberately not `in_workspace(ws)`: this is the user's own cross-workspace list, and the
    filter on `membership__user` is the scope.
    """
    return (
        ApiToken.objects.usable()
        .filter(membership__user_id=user.pk, membership__offboarded_at__isnull=True)
        .select_related("workspace")
        .order_by("workspace__name", "-created_at")
    )
