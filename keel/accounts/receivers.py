"""Audit events for allauth's sign-in, MFA and account changes (allauth only offers signals).

These receivers only record what happened; no domain logic hangs off a signal.
"""

from __future__ import annotations

from typing import Any

from allauth.account import signals as account_signals
from allauth.mfa import signals as mfa_signals
from django.contrib.auth import signals as auth_signals
from django.dispatch import receiver

from keel.core.audit import audit
from keel.core.services import AuditContext


def _audit(request: Any, action: str, **fields: Any) -> None:
    # allauth and Django pass the request (None for some failed sign-ins).
    audit(action=action, context=AuditContext.from_request(request), **fields)


@receiver(auth_signals.user_logged_in)
def _logged_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    _audit(request, "auth.login", actor=user)


@receiver(auth_signals.user_login_failed)
def _login_failed(sender: Any, credentials: dict[str, Any], request: Any = None, **kw: Any) -> None:
    # Only the address typed is kept; the password never reaches the event.
    email = str(credentials.get("email") or credentials.get("username") or "")[:254]
    _audit(request, "auth.login_failed", actor_email=email)


@receiver(auth_signals.user_logged_out)
def _logged_out(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        _audit(request, "auth.logout", actor=user)


@receiver(account_signals.user_signed_up)
def _signed_up(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    _audit(request, "auth.signed_up", actor=user)


@receiver(account_signals.password_changed)
@receiver(account_signals.password_reset)
def _password_changed(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    _audit(request, "auth.password_changed", actor=user)


@receiver(account_signals.password_set)
def _password_set(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    _audit(request, "auth.password_set", actor=user)


@receiver(account_signals.email_changed)
def _email_changed(
    sender: Any,
    request: Any,
    user: Any,
    from_email_address: Any = None,
    to_email_address: Any = None,
    **kwargs: Any,
) -> None:
    data = {
        "from": from_email_address.email if from_email_address is not None else "",
        "to": to_email_address.email if to_email_address is not None else "",
    }
    _audit(request, "auth.email_changed", actor=user, data=data)


@receiver(account_signals.email_added)
def _email_added(sender: Any, request: Any, user: Any, email_address: Any, **kw: Any) -> None:
    _audit(request, "auth.email_added", actor=user,
          data={"email": email_address.email})  # fmt: skip


@receiver(account_signals.email_removed)
def _email_removed(sender: Any, request: Any, user: Any, email_address: Any, **kw: Any) -> None:
    _audit(request, "auth.email_removed", actor=user,
          data={"email": email_address.email})  # fmt: skip


@receiver(account_signals.email_confirmed)
def _email_confirmed(sender: Any, request: Any, email_address: Any, **kwargs: Any) -> None:
    _audit(request, "auth.email_confirmed", actor=email_address.user,
          data={"email": email_address.email})  # fmt: skip


@receiver(mfa_signals.authenticator_added)
def _mfa_added(sender: Any, request: Any, user: Any, authenticator: Any, **kwargs: Any) -> None:
    _audit(request, "mfa.added", actor=user, data={"type": authenticator.type})


@receiver(mfa_signals.authenticator_removed)
def _mfa_removed(sender: Any, request: Any, user: Any, authenticator: Any, **kwargs: Any) -> None:
    _audit(request, "mfa.removed", actor=user, data={"type": authenticator.type})


@receiver(mfa_signals.authenticator_reset)
def _mfa_reset(sender: Any, request: Any, user: Any, authenticator: Any, **kwargs: Any) -> None:
    _audit(request, "mfa.recovery_codes_regenerated", actor=user,
          data={"type": authenticator.type})  # fmt: skip


@receiver(mfa_signals.authentication_failed)
def _mfa_failed(sender: Any, request: Any, user: Any, authenticator: Any, **kw: Any) -> None:
    # The code typed is never recorded, only which kind of authenticator was tried.
    _audit(request, "mfa.failed", actor=user,
          data={"type": authenticator.type if authenticator else ""})  # fmt: skip
