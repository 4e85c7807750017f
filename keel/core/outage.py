"""Database outages answer 503 "try again", not a bare 500: a page, or problem+json under /api/.

A lost connection, a database that refuses connections, or SQLite's "database is locked" are
transient; the request did nothing (its transaction rolled back), so the visitor is told
exactly that. Django reconnects by itself on a later request: `close_old_connections` runs at
the start and end of each request and drops a connection that saw an error and is no longer
usable (and CONN_HEALTH_CHECKS pings a reused one first on PostgreSQL).
"""

from __future__ import annotations

import json
import logging
import sys
from typing import Any

from django.conf import settings
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from keel.core.api_support import PROBLEM_CONTENT_TYPE
from keel.core.middleware import Handler

logger = logging.getLogger("keel.outage")

RETRY_AFTER_SECONDS = 10


def _outage_exceptions() -> tuple[type[BaseException], ...]:
    # Django wraps driver errors raised through its cursors; a few paths (e.g. a connection
    # pool) can let psycopg's own classes through, so those count too.
    classes: list[type[BaseException]] = [OperationalError, InterfaceError]
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a dependency
        pass
    else:
        classes += [psycopg.OperationalError, psycopg.InterfaceError]
    return tuple(classes)


OUTAGE_EXCEPTIONS = _outage_exceptions()

# Set on the request when an outage error escaped another middleware (seen through
# got_request_exception), so the outer OutageMiddleware can replace Django's 500.
_MARK = "_keel_database_outage"


def is_outage(exc: BaseException | None) -> bool:
    return isinstance(exc, OUTAGE_EXCEPTIONS)


def unavailable_response(request: HttpRequest) -> HttpResponse:
    """The 503 answer: problem+json for the API, a standalone page (no shell: it queries the
    database) for everything else. Both ask the client to retry after a few seconds."""
    # The language as LocaleMiddleware chose it, or (when the error came before it ran) from
    # the cookie and Accept-Language alone: the account's language needs the database.
    language = getattr(request, "LANGUAGE_CODE", None) or translation.get_language_from_request(
        request
    )
    with translation.override(language):
        response = _unavailable(request)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def _unavailable(request: HttpRequest) -> HttpResponse:
    if request.path.startswith("/api/"):
        body = {
            "type": "about:blank",
            "title": _("Service unavailable"),
            "status": 503,
            "detail": _(
                "Keel is temporarily unavailable. "
                "Nothing you sent was lost — try again in a moment."
            ),
        }
        response = HttpResponse(
            json.dumps(body, ensure_ascii=False), status=503, content_type=PROBLEM_CONTENT_TYPE
        )
    else:
        # No request: context processors (the shell's) would query the database.
        response = HttpResponse(render_to_string("core/unavailable.html"), status=503)
    return response


class OutageMiddleware:
    """Turns database outage errors into a 503 "try again" answer.

    Placed right after SecurityMiddleware so that it also covers errors raised inside the
    middleware below it (sessions, auth, workspace resolution), not only in views. In
    DEBUG the error goes through to Django's debug page: a developer wants the traceback.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == 500 and getattr(request, _MARK, False) and not settings.DEBUG:
            replacement = unavailable_response(request)
            # Headers the inner middleware put on Django's 500 still apply to our page.
            for header in ("Content-Security-Policy", "X-Frame-Options"):
                if header in response:
                    replacement[header] = response[header]
            return replacement
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if settings.DEBUG or not is_outage(exception):
            return None
        logger.error(
            "database unavailable: %s on %s",
            type(exception).__name__,
            request.path,
            exc_info=exception,
        )
        return unavailable_response(request)


@receiver(got_request_exception, dispatch_uid="keel.core.outage.mark")
def _mark_outage(sender: Any, request: HttpRequest | None = None, **kwargs: Any) -> None:
    """Django is turning an uncaught exception into a 500: note whether it was an outage."""
    if request is not None and is_outage(sys.exc_info()[1]):
        setattr(request, _MARK, True)
