"""Last-seen tracking for "my sessions", without a database write on every request.

allauth's UserSessionsMiddleware runs a transaction with a SELECT and an UPDATE of the
session's row on every request (five queries, and on SQLite a write lock) just to move
`last_seen_at`. This middleware does the same sync at most once per SEEN_EVERY seconds per
session and process, and at once when the session's IP address or browser changes (that
change is what allauth's `session_client_changed` signal reports, so it must not wait).
"Last seen" on the sessions page is therefore accurate to five minutes.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from allauth.account.adapter import get_adapter
from allauth.usersessions.models import UserSession
from django.http import HttpRequest, HttpResponse

SEEN_EVERY = 300.0  # seconds
_MAX_REMEMBERED = 10_000  # sessions remembered per process before the memory is cleared

# session key → (monotonic time of the last sync, IP address, user agent)
_synced: dict[str, tuple[float, str, str]] = {}


def _needs_sync(request: HttpRequest, key: str, now: float) -> bool:
    client = (get_adapter().get_client_ip(request), request.META.get("HTTP_USER_AGENT", ""))
    last = _synced.get(key)
    if last is not None and now - last[0] < SEEN_EVERY and last[1:] == client:
        return False
    if len(_synced) >= _MAX_REMEMBERED:
        _synced.clear()
    _synced[key] = (now, *client)
    return True


def forget(session_key: str) -> None:
    """Drop what this process remembers of a session (tests; a signed-out session)."""
    _synced.pop(session_key, None)


class SessionActivityMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        key = session.session_key if session is not None else None
        signed_in = bool(key) and user is not None and user.is_authenticated
        if signed_in and _needs_sync(request, str(key), time.monotonic()):
            UserSession.objects.create_from_request(request)
        return self.get_response(request)
