"""Request plumbing: workspace resolution, the user's language and time zone, CSP."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone, translation

from keel.core.language import session_language, set_language_cookie
from keel.core.models import Membership

Handler = Callable[[HttpRequest], HttpResponse]


def request_membership(request: HttpRequest) -> Membership:
    """The caller's membership, set by WorkspaceMiddleware on every `/<ws>/…` view."""
    return request.membership  # type: ignore[attr-defined,no-any-return]


class WorkspaceMiddleware:
    """Resolves `/<ws>/...` once: sets request.workspace and request.membership.

    An unknown workspace and a workspace the user is not an active member of both give 404,
    so workspace names never leak. Anonymous visitors are sent to sign in first.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.workspace = None  # type: ignore[attr-defined]
        request.membership = None  # type: ignore[attr-defined]
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Any, args: Any, kwargs: dict[str, Any]
    ) -> HttpResponse | None:
        slug = kwargs.get("ws")
        if slug is None:
            return None
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        membership = (
            Membership.objects.select_related("workspace", "user")
            .filter(workspace__slug=slug, user=request.user, offboarded_at__isnull=True)
            .first()
        )
        if membership is None:
            raise Http404
        request.workspace = membership.workspace  # type: ignore[attr-defined]
        request.membership = membership  # type: ignore[attr-defined]
        tz = request.user.timezone or membership.workspace.timezone
        timezone.activate(tz)
        return None


class UserLanguageMiddleware:
    """A signed-in user's saved language wins over the browser's cookie and Accept-Language.

    Runs before LocaleMiddleware: it only sets the language cookie value LocaleMiddleware reads.
    The session holds the account's language from sign-in (accounts.adapter) and the language
    switch; when the browser's cookie says otherwise, the response corrects it, so the sign-in
    page after signing out is in the person's language too.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        name = settings.LANGUAGE_COOKIE_NAME
        lang = self._user_language(request)
        sent = request.COOKIES.get(name)
        if lang:
            request.COOKIES[name] = lang
        response = self.get_response(request)
        # Still signed in with the same choice (not signed out, not switched by this request).
        still = lang and self._user_language(request) == lang
        if still and sent != lang and name not in response.cookies:
            set_language_cookie(response, lang)
        timezone.deactivate()
        translation.deactivate()
        return response

    @staticmethod
    def _user_language(request: HttpRequest) -> str:
        # Reading the session's user id (not request.user) avoids a query here.
        session = getattr(request, "session", None)
        if session is None or SESSION_KEY not in session:
            return ""
        return session_language(request)


class ContentSecurityPolicyMiddleware:
    """CSP without inline scripts or styles; everything is served by Keel itself."""

    POLICY = (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
        "frame-ancestors 'none'; form-action 'self'"
    )
    # Swagger UI sets inline styles; its page has no user content.
    DOCS_POLICY = POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            docs = request.path.startswith("/api/v1/docs")
            response["Content-Security-Policy"] = self.DOCS_POLICY if docs else self.POLICY
        return response
