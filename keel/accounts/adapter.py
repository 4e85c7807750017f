"""allauth adapter: where to go after sign-in or sign-up, and the user's saved language."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest
from django.urls import reverse

from keel.core.language import remember_session_language
from keel.core.models import Membership, Role
from keel.ui.nav import front_url


class KeelAccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request: HttpRequest) -> str:
        return reverse("home")

    def get_signup_redirect_url(self, request: HttpRequest) -> str:
        """Straight into the workspace the sign-up form just created."""
        user = request.user
        membership = (
            Membership.objects.active()
            .filter(user_id=user.pk, role=Role.OWNER)
            .select_related("workspace")
            .order_by("-created_at", "-pk")
            .first()
            if user.is_authenticated
            else None
        )
        if membership is None:
            return reverse("home")
        return front_url(membership.workspace.slug)

    def login(self, request: HttpRequest, user: Any) -> None:
        super().login(request, user)
        if user.language:
            remember_session_language(request, user.language)
