"""Where a person's UI language lives between requests, in one place so sign-in, the
language switch, the settings page and UserLanguageMiddleware agree: the session (the
account's language for this login, which the middleware makes win over the browser) and the
language cookie LocaleMiddleware reads (settings.LANGUAGE_COOKIE_*).
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse

# The session key UserLanguageMiddleware reads.
SESSION_LANGUAGE_KEY = "keel_language"


def remember_session_language(request: HttpRequest, language: str) -> None:
    """This login's language from now on; "" forgets it (the cookie and browser decide)."""
    if language:
        request.session[SESSION_LANGUAGE_KEY] = language
    else:
        request.session.pop(SESSION_LANGUAGE_KEY, None)


def session_language(request: HttpRequest) -> str:
    """The language remembered for this login, "" when none."""
    return str(request.session.get(SESSION_LANGUAGE_KEY, ""))


def set_language_cookie(response: HttpResponse, language: str) -> None:
    """Set the language cookie with the LANGUAGE_COOKIE_* settings; "" deletes it."""
    if language:
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    else:
        response.delete_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
