"""Django's admin, behind Keel's own sign-in (issue 12).

The stock admin has its own password form: no two-factor step, no rate limits. Here it is
served only when KEEL_ADMIN is on, its login page hands over to allauth's, and a staff user
with an authenticator must have passed it in this session.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache


def session_passed_mfa(request: HttpRequest) -> bool:
    """True unless the user has an authenticator this session's sign-in did not use.

    allauth records each step of a sign-in in the session; "mfa" is the two-factor step.
    """
    # Imported here: this module is loaded with the app registry, before any model.
    from allauth.account.authentication import get_authentication_records
    from allauth.mfa.utils import is_mfa_enabled

    user = request.user
    if not user.is_authenticated or not is_mfa_enabled(user):
        return True
    return any(r.get("method") == "mfa" for r in get_authentication_records(request, user))


def _admin_enabled() -> None:
    if not getattr(settings, "KEEL_ADMIN", False):
        raise Http404


class KeelAdminSite(AdminSite):
    def admin_view(self, view: Callable[..., Any], cacheable: bool = False) -> Any:
        # Every admin page but login goes through here; off means 404, as if absent.
        inner = super().admin_view(view, cacheable)

        @wraps(inner)
        def gated(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            _admin_enabled()
            return inner(request, *args, **kwargs)

        return gated

    def has_permission(self, request: HttpRequest) -> bool:
        return super().has_permission(request) and session_passed_mfa(request)

    @method_decorator(never_cache)
    def login(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> Any:
        """No password form here: allauth's sign-in (two-factor, rate limits), then back."""
        _admin_enabled()
        index = reverse("admin:index", current_app=self.name)
        target = request.GET.get(REDIRECT_FIELD_NAME, "")
        if not url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            target = index
        query = urlencode({REDIRECT_FIELD_NAME: target})
        if not request.user.is_authenticated:
            return HttpResponseRedirect(f"{reverse('account_login')}?{query}")
        if not session_passed_mfa(request):
            # Signed in without the second factor (e.g. before adding it): ask for it now.
            return HttpResponseRedirect(f"{reverse('mfa_reauthenticate')}?{query}")
        if self.has_permission(request):
            return HttpResponseRedirect(target)
        raise PermissionDenied  # signed in, but not staff


class KeelAdminConfig(AdminConfig):
    default_site = "keel.accounts.admin_site.KeelAdminSite"


__all__ = ["KeelAdminConfig", "KeelAdminSite", "session_passed_mfa"]
