"""What every page's shell needs: the current workspace, membership, switcher, unread count."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def shell(request: HttpRequest) -> dict[str, Any]:
    membership = getattr(request, "membership", None)
    return {
        "workspace": getattr(request, "workspace", None),
        "membership": membership,
    }
