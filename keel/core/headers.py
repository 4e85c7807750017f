"""Response headers every page shares: no caching of dynamic responses, and the browser
features Keel never uses switched off (Permissions-Policy).

Runs outside WhiteNoise so static files get Permissions-Policy too, but keep their own
long-lived Cache-Control (they are public and content-hashed).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

Handler = Callable[[HttpRequest], HttpResponse]

# Features a workspace tool has no use for, denied to Keel's pages and any frame they might
# embed. Only names Chromium and Firefox recognise (an unknown one is a console error).
# fullscreen stays allowed to Keel itself: wiki videos have a full-screen button.
PERMISSIONS_POLICY = ", ".join(
    [
        "accelerometer=()",
        "camera=()",
        "display-capture=()",
        "fullscreen=(self)",
        "geolocation=()",
        "gyroscope=()",
        "magnetometer=()",
        "microphone=()",
        "midi=()",
        "payment=()",
        "usb=()",
    ]
)

NO_STORE = "no-store"


def _keeps_own_policy(request: HttpRequest, value: str) -> bool:
    """A view may choose its own caching (wiki images, the workspace logo: `private,
    max-age=3600`), but a response to a signed-in person must never be cached by a shared
    proxy: without `private` or `no-store` it is overridden."""
    directives = {d.strip().split("=")[0].lower() for d in value.split(",")}
    if directives & {"private", "no-store"}:
        return True
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


class SecurityHeadersMiddleware:
    """`Cache-Control: no-store` on every dynamic response, `Permissions-Policy` on all.

    no-store covers anonymous pages too: the sign-in and sign-up pages carry a CSRF token and
    messages, and no public page of Keel gains from a shared cache. So a signed-out browser's
    back button never shows a signed-in page from its cache either.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if "Permissions-Policy" not in response:
            response["Permissions-Policy"] = PERMISSIONS_POLICY
        if not request.path.startswith(settings.STATIC_URL or "/static/"):
            own = response.get("Cache-Control")
            if not own or not _keeps_own_policy(request, own):
                response["Cache-Control"] = NO_STORE
        return response
