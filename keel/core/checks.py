"""Keel's own system checks (`keel check`; the deploy ones run with `--deploy`)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Warning, register


@register(deploy=True)
def check_base_url(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """Emails sent by jobs link to KEEL_BASE_URL: without it they would point nowhere."""
    base_url = getattr(settings, "KEEL_BASE_URL", "")
    if not base_url:
        return [
            Warning(
                "KEEL_BASE_URL is not set: links in emails (invitations, notifications, "
                "summaries) would have no host.",
                hint="Set KEEL_BASE_URL to the public address, e.g. https://keel.example.com.",
                id="keel.W001",
            )
        ]
    if not base_url.startswith(("https://", "http://")):
        return [
            Warning(
                f"KEEL_BASE_URL {base_url!r} is not an http(s) address.",
                hint="Give the scheme and host, e.g. https://keel.example.com.",
                id="keel.W002",
            )
        ]
    return []
