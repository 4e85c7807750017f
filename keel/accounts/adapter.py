"""allauth adapter: where to go after sign-in or sign-up, the user's saved language, growing
delays for failed sign-ins (accounts.throttle), and workspaces held until the address is
confirmed (accounts.forms.settings)."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.http import HttpRequest
from django.urls import reverse
from django.utils.crypto import get_random_string
from django.utils.translation import ngettext

from keel.accounts import throttle
from keel.core.language import remember_session_language
from keel.core.models import Membership, Role
from keel.ui.nav import front_url


def _login_email(credentials: dict[str, Any]) -> str:
    return str(credentials.get("email") or credentials.get("username") or "")


class KeelAccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request: HttpRequest) -> str:
        return reverse("home")

    def get_signup_redirect_url(self, request: HttpRequest) -> str:
        """Straight into the workspace the sign-up form just created."""
        user = request.user
        membership = (
            Membership.objects.active()
            .filter(user_id=user.pk, role=Role.OWNER)
            .select_related("workspace")
            .order_by("-created_at", "-pk")
            .first()
            if user.is_authenticated
            else None
        )
        if membership is None:
            return reverse("home")
        return front_url(membership.workspace.slug)

    def login(self, request: HttpRequest, user: Any) -> None:
        super().login(request, user)
        if user.language:
            remember_session_language(request, user.language)

    def get_client_ip(self, request: HttpRequest) -> str:
        """The client address the per-IP limits and the sessions page use (proxy-aware)."""
        try:
            return super().get_client_ip(request)
        except ImproperlyConfigured:
            # Fewer X-Forwarded-For entries than KEEL_TRUSTED_PROXY_COUNT: the request did not
            # pass through all our proxies, so its header is not ours to trust. Key it on the
            # connecting address rather than answer 500.
            remote = request.META.get("REMOTE_ADDR")
            if not remote:
                raise
            return str(remote)

    # --- Failed sign-ins: a growing delay per address, not a lockout (issue 12) -------------

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        # allauth's per-IP limit first, so attempts refused here still count against the IP.
        super().pre_authenticate(request, **credentials)
        email = _login_email(credentials)
        wait = throttle.wait_seconds(email) if email else 0
        if wait:
            # The same answer whether or not the address has an account.
            raise ValidationError(
                ngettext(
                    "Too many failed sign-ins for this account; try again in %(n)d second.",
                    "Too many failed sign-ins for this account; try again in %(n)d seconds.",
                    wait,
                )
                % {"n": wait},
                code="too_many_login_attempts",
            )

    def authenticate(self, request: HttpRequest, **credentials: Any) -> Any:
        user = super().authenticate(request, **credentials)
        if user is not None and (email := _login_email(credentials)):
            throttle.clear(email)
        return user

    def authentication_failed(self, request: HttpRequest, **credentials: Any) -> None:
        super().authentication_failed(request, **credentials)
        if email := _login_email(credentials):
            throttle.record_failure(email)

    def _delete_login_attempts_cached_email(self, request: HttpRequest, **credentials: Any) -> None:
        # allauth calls this after a successful password reset; the reset proves the owner.
        super()._delete_login_attempts_cached_email(request, **credentials)
        if email := _login_email(credentials):
            throttle.clear(email)

    # --- Sign-up under mandatory verification: both answers look and take the same ---------

    def send_account_already_exists_mail(self, email: str) -> None:
        # A new account costs a password hash (the slowest step by far); spend the same on
        # this path so the response time does not tell a known address from a new one.
        make_password(get_random_string(24))
        super().send_account_already_exists_mail(email)

    def confirm_email(self, request: HttpRequest, email_address: Any) -> bool:
        from keel.accounts.forms.settings import create_held_workspace

        confirmed = super().confirm_email(request, email_address)
        if confirmed:
            create_held_workspace(request=request, user=email_address.user)
        return bool(confirmed)
