"""Helpers shared by the tasks pages: the acting membership, htmx partials, service errors."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from keel.core.models import Membership
from keel.core.permissions import has_perm


def is_htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))


def can_create_projects(actor: Membership) -> bool:
    """Only managers and above create projects (the service checks again)."""
    return has_perm(actor, "tasks.project_create")


def flash_errors(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def render_page(
    request: HttpRequest,
    template: str,
    context: dict[str, Any],
    *,
    partial: str | None = None,
    status: int = 200,
) -> HttpResponse:
    """The full page, or only `partial` when htmx asks for a fragment of it."""
    name = partial if partial and is_htmx(request) else template
    return render(request, name, context, status=status)
