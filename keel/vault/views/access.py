"""Vault pages about access: who can access an item and why (and sharing it), categories and
their grants, what a person can access and why, and the rotation queue."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from keel.core.middleware import request_membership
from keel.core.models import Membership
from keel.core.permissions import has_perm, require
from keel.core.services import AuditContext
from keel.ui.forms import submit
from keel.vault import selectors, services
from keel.vault.access import grantee_label, item_audience, require_level
from keel.vault.forms import CategoryForm, GrantForm
from keel.vault.models import Category, Grant, Item, Level


def _grants(**target: Any) -> list[tuple[Grant, Any]]:
    rows = Grant.objects.filter(**target).select_related("member__user", "group", "seat")
    return [(g, grantee_label(g)) for g in rows.order_by("-level", "id")]


@login_required
@require_http_methods(["GET", "POST"])
def item_access(request: HttpRequest, ws: str, item_id: int) -> HttpResponse:
    """Who can access this item and why; its managers share it from here."""
    actor = request_membership(request)
    require(actor, "vault.view")
    item, _level = selectors.get_item_for(actor, item_id)
    require_level(actor, item, Level.MANAGE)
    form = GrantForm(request.POST or None, workspace=actor.workspace)
    context = AuditContext.from_request(request)
    grant = submit(request, form, lambda data: services.grant_create(
        actor=actor, item=item, level=data["level"], context=context,
        **form.grantee_kwargs()))  # fmt: skip
    if grant is not None:
        messages.success(request, _("Shared."))
        return redirect("vault_item_access", ws=ws, item_id=item.pk)
    page = {
        "item": item, "form": form, "audience": item_audience(item),
        "grants": _grants(item=item),
        "category_grants": _grants(category=item.category) if item.category else [],
    }  # fmt: skip
    return render(request, "vault/item_access.html", page, status=400 if form.errors else 200)


@login_required
@require_POST
def grant_delete(request: HttpRequest, ws: str, grant_id: int) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "vault.view")
    grant = (Grant.objects.in_workspace(actor.workspace).select_related("item", "category")
             .filter(pk=grant_id).first())  # fmt: skip
    if grant is None:
        raise Http404
    if grant.item_id is not None:
        selectors.get_item_for(actor, grant.item_id)  # 404 unless the item is theirs to see
    elif not has_perm(actor, "vault.manage"):
        raise Http404
    item_id, category_id = grant.item_id, grant.category_id
    services.grant_delete(actor=actor, grant=grant, context=AuditContext.from_request(request))
    messages.success(request, _("Access taken back."))
    if item_id is not None:
        return redirect("vault_item_access", ws=ws, item_id=item_id)
    return redirect("vault_category", ws=ws, category_id=category_id)


@login_required
@require_http_methods(["GET", "POST"])
def categories(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "vault.manage")
    form = CategoryForm(request.POST or None)
    context = AuditContext.from_request(request)
    category = submit(request, form, lambda data: services.category_create(
        actor=actor, name=data["name"], context=context))  # fmt: skip
    if category is not None:
        messages.success(request, _("Category added."))
        return redirect("vault_categories", ws=ws)
    rows = Category.objects.in_workspace(actor.workspace)
    counts = {c.pk: 0 for c in rows}
    for category_id in Item.objects.in_workspace(actor.workspace).values_list(
        "category_id", flat=True
    ):
        if category_id in counts:
            counts[category_id] += 1
    page = {"form": form, "rows": [(c, counts[c.pk]) for c in rows]}
    return render(request, "vault/categories.html", page, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def category(request: HttpRequest, ws: str, category_id: int) -> HttpResponse:
    """A category's items and grants; sharing the category shares every item in it."""
    actor = request_membership(request)
    require(actor, "vault.manage")
    found = Category.objects.in_workspace(actor.workspace).filter(pk=category_id).first()
    if found is None:
        raise Http404
    form = GrantForm(request.POST or None, workspace=actor.workspace)
    context = AuditContext.from_request(request)
    grant = submit(request, form, lambda data: services.grant_create(
        actor=actor, category=found, level=data["level"], context=context,
        **form.grantee_kwargs()))  # fmt: skip
    if grant is not None:
        messages.success(request, _("Shared."))
        return redirect("vault_category", ws=ws, category_id=found.pk)
    page = {"category": found, "form": form, "grants": _grants(category=found),
            "items": Item.objects.in_workspace(actor.workspace).filter(category=found)}  # fmt: skip
    return render(request, "vault/category.html", page, status=400 if form.errors else 200)


@login_required
@require_POST
def category_delete(request: HttpRequest, ws: str, category_id: int) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "vault.manage")
    found = Category.objects.in_workspace(actor.workspace).filter(pk=category_id).first()
    if found is None:
        raise Http404
    services.category_delete(actor=actor, category=found,
                             context=AuditContext.from_request(request))  # fmt: skip
    messages.success(request, _("Category deleted; its items are kept."))
    return redirect("vault_categories", ws=ws)


@login_required
def people(request: HttpRequest, ws: str) -> HttpResponse:
    """Pick a person to see what they can access (for those who manage the vault)."""
    actor = request_membership(request)
    require(actor, "vault.manage")
    rows = Membership.objects.in_workspace(actor.workspace).active().select_related("user")
    return render(request, "vault/people.html",
                  {"people": sorted(rows, key=lambda m: m.user.display_name.lower())})  # fmt: skip


@login_required
def person(request: HttpRequest, ws: str, membership_id: int) -> HttpResponse:
    """What this person can access and why: owners and admins for anyone, a member for
    themselves."""
    actor = request_membership(request)
    require(actor, "vault.view")
    found = (Membership.objects.in_workspace(actor.workspace).select_related("user")
             .filter(pk=membership_id).first())  # fmt: skip
    if found is None:
        raise Http404
    if found.pk != actor.pk and not has_perm(actor, "vault.manage"):
        raise PermissionDenied(_("Only owners and admins see what others can access."))
    return render(request, "vault/person.html",
                  {"person": found, "rows": selectors.person_access(person=found),
                   "is_me": found.pk == actor.pk})  # fmt: skip


@login_required
def rotations(request: HttpRequest, ws: str) -> HttpResponse:
    """Items whose secrets a leaver could know, until someone changes them."""
    actor = request_membership(request)
    require(actor, "vault.view")
    return render(request, "vault/rotations.html",
                  {"rows": list(selectors.open_rotations(actor=actor))})  # fmt: skip
