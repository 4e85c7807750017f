"""allauth adapter: where to go after sign-in, and the user's saved language."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest
from django.urls import reverse


class KeelAccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request: HttpRequest) -> str:
        return reverse("home")

    def login(self, request: HttpRequest, user: Any) -> None:
        super().login(request, user)
        if user.language:
            request.session["keel_language"] = user.language
