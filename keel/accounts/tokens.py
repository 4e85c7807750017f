"""Personal API tokens: create (shown once), authenticate, revoke."""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from keel.accounts.models import ApiToken, hash_secret
from keel.core.audit import audit
from keel.core.models import Membership

# Writing last_used_at on every request would turn each API read into a write.
LAST_USED_PRECISION = timedelta(minutes=1)


@transaction.atomic
def token_create(*, membership: Membership, name: str) -> tuple[ApiToken, str]:
    raw = ApiToken.new_secret()
    token = ApiToken.objects.create(
        workspace=membership.workspace,
        membership=membership,
        name=name.strip()[:80] or "API token",
        token_hash=hash_secret(raw),
        hint=raw[:9],
    )
    audit(
        action="token.created",
        actor=membership.user,
        workspace=membership.workspace,
        target=token,
    )
    return token, raw


def token_authenticate(raw: str) -> ApiToken | None:
    """The token's active membership, or None. Offboarded members' tokens never work."""
    if not raw:
        return None
    token = (
        ApiToken.objects.usable()
        .select_related("membership__workspace", "membership__user")
        .filter(
            token_hash=hash_secret(raw),
            membership__offboarded_at__isnull=True,
            membership__user__is_active=True,
        )
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


@transaction.atomic
def token_revoke(*, membership: Membership, token: ApiToken) -> None:
    if token.membership_id != membership.pk:
        raise PermissionDenied
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit(
            action="token.revoked",
            actor=membership.user,
            workspace=membership.workspace,
            target=token,
        )
