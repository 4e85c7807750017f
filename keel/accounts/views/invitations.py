"""/invitations/<token>/: where an emailed invitation link lands.

Every state gets a page that says what to do: bad link, sign up, sign in, wrong account,
already a member, or accept. Nothing here needs a workspace membership yet.
"""

from __future__ import annotations

from typing import Any

from allauth.account.utils import perform_login
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods

from keel.accounts import services
from keel.accounts.forms.people import InvitationSignupForm
from keel.accounts.models import Invitation, User
from keel.core.models import Membership
from keel.core.services import AuditContext
from keel.ui.forms import submit
from keel.ui.nav import front_url

TEMPLATE = "accounts/invitations/accept.html"


def _page(
    request: HttpRequest, invitation: Invitation, state: str, status: int = 200, **extra: Any
) -> HttpResponse:
    context = {"invitation": invitation, "workspace": invitation.workspace, "state": state}
    context.update(extra)
    return render(request, TEMPLATE, context, status=status)


@require_http_methods(["GET", "POST"])
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = services.invitation_find(token)
    problem = services.invitation_problem(invitation)
    if invitation is None or problem:
        # 404 for a link that never existed, 410 for one that did but is no longer usable.
        return render(
            request,
            "accounts/invitations/problem.html",
            {"problem": problem},
            status=404 if invitation is None else 410,
        )
    user = request.user
    if user.is_authenticated:
        assert isinstance(user, User)
        return _signed_in(request, invitation, user)
    if User.objects.filter(email__iexact=invitation.email).exists():
        login_url = reverse("account_login") + "?" + urlencode({"next": request.path})
        return _page(request, invitation, "sign_in", login_url=login_url)
    return _sign_up(request, invitation)


def _signed_in(request: HttpRequest, invitation: Invitation, user: User) -> HttpResponse:
    if user.email.lower() != invitation.email.lower():
        return _page(request, invitation, "wrong_account", status=403)
    already = Membership.objects.active().filter(workspace=invitation.workspace, user=user).exists()
    if already:
        return _page(request, invitation, "already_member")
    error = ""
    if request.method == "POST":
        try:
            services.invitation_accept(
                invitation=invitation, user=user, context=AuditContext.from_request(request)
            )
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            return redirect(front_url(invitation.workspace.slug))
    return _page(request, invitation, "accept", status=400 if error else 200, error=error)


def _sign_up(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    form = InvitationSignupForm(request.POST or None, email=invitation.email)
    membership = submit(request, form, lambda data: services.invitation_signup(
        invitation=invitation, full_name=data["full_name"], password=data["password1"],
        language=getattr(request, "LANGUAGE_CODE", ""), context=AuditContext.from_request(request),
    ))  # fmt: skip
    if membership is not None:
        # allauth's sign-in, like every other way in: the session is tracked (offboarding and
        # "my sessions" can end it), the account's language is kept (KeelAccountAdapter.login),
        # and the sign-in is audited.
        return perform_login(
            request, membership.user, redirect_url=front_url(invitation.workspace.slug),
            signup=True, email=membership.user.email,
        )  # fmt: skip
    return _page(request, invitation, "sign_up", status=400 if form.errors else 200, form=form)
