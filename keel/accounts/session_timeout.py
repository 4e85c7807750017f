"""Browser sessions end after KEEL_SESSION_IDLE_HOURS without a request, and KEEL_SESSION_MAX_DAYS
after sign-in however active they are (ASVS 3.3.1/3.3.2).

Django alone cannot do either: a session's expiry moves forward each time it is saved. The
session keeps its sign-in time and its last activity; activity is written at most once a
minute, so a busy page does not save the session on every request. Requests with an API token
(`Authorization: Bearer`) are not session-based and pass untouched.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from keel.accounts.session_activity import forget

SIGNED_IN_AT = "keel_signed_in_at"  # epoch seconds
SEEN_AT = "keel_seen_at"
SEEN_EVERY = 60  # seconds between writes of the last activity


def _now() -> float:
    """The clock, in one place so tests can move it."""
    return time.time()


def _uses_token(request: HttpRequest) -> bool:
    return request.META.get("HTTP_AUTHORIZATION", "").lower().startswith("bearer ")


def expired(session: SessionBase, now: float) -> bool:
    """Idle too long or signed in too long ago. A session without stamps (see _stamp) is
    left to Django's own expiry until it has them."""
    idle = settings.KEEL_SESSION_IDLE_HOURS * 3600
    longest = settings.KEEL_SESSION_MAX_DAYS * 86400
    seen = session.get(SEEN_AT)
    signed_in = session.get(SIGNED_IN_AT)
    return (seen is not None and now - seen > idle) or (
        signed_in is not None and now - signed_in > longest
    )


def _sign_out(request: HttpRequest) -> None:
    key = request.session.session_key
    logout(request)  # flushes the session and records auth.logout
    if key:
        # The "my sessions" row would otherwise linger until allauth purges it.
        UserSession.objects.filter(session_key=key).delete()
        forget(key)
    if not request.path.startswith("/api/"):
        messages.info(request, _("Your session has ended. Please sign in again."))


def _stamp(request: HttpRequest, key_before: str | None, now: float) -> None:
    session = request.session
    if SESSION_KEY not in session:
        return
    # Signing in always gives the session a new key (Django's login cycles it), and that
    # request saves the session anyway: the clocks start there at no cost. A session without
    # stamps that nothing else modifies (one from before this middleware, or a test's
    # force_login) is stamped on its next save rather than costing a write of its own.
    if session.session_key != key_before or (SIGNED_IN_AT not in session and session.modified):
        session[SIGNED_IN_AT] = session[SEEN_AT] = int(now)
        return
    seen = session.get(SEEN_AT)
    if seen is not None and now - seen >= SEEN_EVERY:
        session[SEEN_AT] = int(now)


class SessionTimeoutMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = getattr(request, "session", None)
        if session is None or _uses_token(request):
            return self.get_response(request)
        now = _now()
        if SESSION_KEY in session and expired(session, now):
            _sign_out(request)
        key_before = session.session_key
        response = self.get_response(request)
        _stamp(request, key_before, now)
        return response
