"""Errors of the URLs anyone may call without a session (calendar feeds): never Django's debug
page, whatever DEBUG is — an empty 404, a 503 while the database is away, else a problem."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from keel.core.api_support import problem_response

logger = logging.getLogger("keel.api")

V = TypeVar("V", bound=Callable[..., HttpResponse])


def public_errors(view: V) -> V:
    """For URLs anyone may call without a session (calendar feeds): an unknown object is an
    empty 404 and a failure a problem document, whatever DEBUG is, so a calendar client never
    receives Django's debug page (it lists the URL patterns and settings)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except Http404:
            return HttpResponse(status=404)
        except Exception as exc:
            from keel.core.outage import is_outage, unavailable_response

            if is_outage(exc):
                return unavailable_response(request)
            logger.exception("Public endpoint failed: %s %s", request.method, request.path)
            return problem_response(
                500, code="server-error", detail=_("Something went wrong on our side.")
            )

    return wrapped  # type: ignore[return-value]
