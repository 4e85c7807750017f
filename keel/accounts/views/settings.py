"""The signed-in user's own settings: profile (name, language, time zone, theme), API tokens.

Email, password, two-factor and sessions are allauth's pages, shown in the same settings
layout by the template overrides in `templates/allauth/`.
"""

from __future__ import annotations

from typing import cast

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from keel.accounts import services
from keel.accounts.forms import ProfileForm, TokenCreateForm
from keel.accounts.models import ApiToken, User
from keel.accounts.selectors.user import user_api_tokens
from keel.accounts.tokens import token_create, token_revoke
from keel.core.language import remember_session_language, set_language_cookie
from keel.core.services import AuditContext
from keel.ui.forms import submit


def _apply_language(request: HttpRequest, response: HttpResponse, language: str) -> None:
    """Switch the UI language now: the session for this login, the cookie for LocaleMiddleware."""
    remember_session_language(request, language)
    set_language_cookie(response, language)


def remember_language(request: HttpRequest, language: str) -> None:
    """The language switch's hook (ui.language): the signed-in person's choice is their
    account's, and this login's from now on (the session UserLanguageMiddleware reads)."""
    if not request.user.is_authenticated:
        return
    services.user_language_set(
        user=request.user, language=language, context=AuditContext.from_request(request)
    )
    remember_session_language(request, language)


@login_required
def account_settings(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)
    if request.method == "POST":
        form = ProfileForm(request.POST)
    else:
        form = ProfileForm(initial={f: getattr(user, f) for f in services.PROFILE_FIELDS})
    changed = submit(request, form, lambda data: services.user_profile_update(
        user=user, context=AuditContext.from_request(request), **data))  # fmt: skip
    if changed is not None:
        response = redirect("account_settings")
        _apply_language(request, response, form.cleaned_data["language"])
        messages.success(request, _("Your settings were saved."))
        return response
    return render(request, "accounts/settings/profile.html", {"form": form})


def _tokens_page(
    request: HttpRequest, form: TokenCreateForm, created: tuple[ApiToken, str] | None = None
) -> HttpResponse:
    context = {
        "form": form,
        "tokens": list(user_api_tokens(request.user)),
        "has_workspaces": form.fields["membership"].queryset.exists(),  # type: ignore[attr-defined]
        "created_token": created[0] if created else None,
        "raw_token": created[1] if created else "",
    }
    response = render(request, "accounts/settings/tokens.html", context)
    if created:
        # The raw token lives only in this one response: never cached, never stored.
        response["Cache-Control"] = "no-store"
    return response


@login_required
def api_tokens(request: HttpRequest) -> HttpResponse:
    return _tokens_page(request, TokenCreateForm(user=request.user))


@require_POST
@login_required
@reauthentication_required
def api_token_create(request: HttpRequest) -> HttpResponse:
    """Create a token and show it once. Re-authentication keeps a stolen session from minting
    a long-lived credential; allauth replays this POST after the password is confirmed."""
    form = TokenCreateForm(request.POST, user=request.user)
    if not form.is_valid():
        return _tokens_page(request, form)
    created = token_create(
        membership=form.cleaned_data["membership"], name=form.cleaned_data["name"]
    )
    return _tokens_page(request, TokenCreateForm(user=request.user), created=created)


@require_POST
@login_required
def api_token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = (
        ApiToken.objects.usable()
        .select_related("membership__workspace", "membership__user")
        .filter(pk=pk, membership__user_id=cast(User, request.user).pk)
        .first()
    )
    if token is None:  # someone else's token, or already revoked: the same 404
        raise Http404
    token_revoke(membership=token.membership, token=token)
    messages.success(request, _("The token “%(name)s” was revoked.") % {"name": token.name})
    return redirect("api_tokens")
