"""Vault pages for items: the list with search, an item (hidden fields masked, revealed one at
a time by a POST that is audited), the add and edit forms, and delete."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from keel.core.middleware import request_membership
from keel.core.permissions import has_perm, require
from keel.core.services import AuditContext
from keel.ui.forms import submit
from keel.vault import selectors, services
from keel.vault.access import require_level
from keel.vault.forms import ItemForm
from keel.vault.models import AccessEvent, Category, Item, ItemField, Kind, Level


def _fields(item: Item) -> list[ItemField]:
    return list(ItemField.objects.filter(item=item).only(
        "key", "label", "hidden", "plain", "position", "item_id"))  # fmt: skip


@login_required
def item_list(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "vault.view")
    categories = list(Category.objects.in_workspace(actor.workspace))
    category = request.GET.get("category", "")
    category_id = next((c.pk for c in categories if str(c.pk) == category), None)
    query = request.GET.get("q", "")[:100]
    tag = request.GET.get("tag", "")[:40]
    rows = selectors.item_rows(actor=actor, query=query, category_id=category_id, tag=tag)
    context = {
        "rows": rows,
        "truncated": len(rows) >= selectors.LIST_LIMIT,
        "categories": categories,
        "category_id": category_id,
        "query": query,
        "tag": tag,
        "can_add": has_perm(actor, "vault.add"),
        "can_manage_all": has_perm(actor, "vault.manage"),
        "filtered": bool(query or tag or category_id),
    }
    return render(request, "vault/list.html", context)


def _item_page(
    request: HttpRequest,
    item: Item,
    level: int,
    *,
    revealed: dict[str, str] | None = None,
    status: int = 200,
) -> HttpResponse:
    actor = request_membership(request)
    fields = _fields(item)
    if level < Level.VIEW:
        # Use-level: the hidden fields' very existence is all they learn, never a value.
        fields = [f for f in fields if not f.hidden]
    last = (
        AccessEvent.objects.filter(item=item, membership=actor).order_by("-created_at").first()
        if level >= Level.VIEW else None
    )  # fmt: skip
    context: dict[str, Any] = {
        "item": item, "level": level,
        "field_rows": [(f, (revealed or {}).get(f.key)) for f in fields],
        "can_view": level >= Level.VIEW, "can_manage": level >= Level.MANAGE,
        "last_reveal": last,
    }  # fmt: skip
    return render(request, "vault/item.html", context, status=status)


@login_required
def item_detail(request: HttpRequest, ws: str, item_id: int) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "vault.view")
    item, level = selectors.get_item_for(actor, item_id)
    return _item_page(request, item, level)


@login_required
@require_POST
@never_cache  # a revealed value must not stay in the browser's or a proxy's cache
def item_reveal(request: HttpRequest, ws: str, item_id: int) -> HttpResponse:
    """Reveal one hidden field: the page again with that value shown (an htmx request gets
    just the field's fragment)."""
    actor = request_membership(request)
    require(actor, "vault.view")
    item, level = selectors.get_item_for(actor, item_id)
    key = request.POST.get("field", "")[:20]
    try:
        value = services.item_reveal(actor=actor, item=item, field_key=key,
                                     context=AuditContext.from_request(request))  # fmt: skip
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _item_page(request, item, level, status=400)
    if getattr(request, "htmx", False):
        field = next(f for f in _fields(item) if f.key == key)
        return render(request, "vault/_field.html",
                      {"item": item, "field": field, "value": value, "can_view": True})  # fmt: skip
    return _item_page(request, item, level, revealed={key: value})


def _form_page(request: HttpRequest, form: ItemForm, item: Item | None) -> HttpResponse:
    return render(request, "vault/item_form.html", {"form": form, "item": item,
                  "kind_label": Kind(form.kind).label},
                  status=400 if form.errors else 200)  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def item_new(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "vault.add")
    kind = request.GET.get("kind", Kind.LOGIN)
    if kind not in Kind.values:
        kind = Kind.LOGIN
    form = ItemForm(request.POST or None, workspace=actor.workspace, kind=kind)
    context = AuditContext.from_request(request)
    item = submit(request, form, lambda data: services.item_create(
        actor=actor, fields=form.fields_for_service(), context=context))  # fmt: skip
    if item is not None:
        messages.success(request, _("“%(name)s” is in the vault.") % {"name": item.name})
        return redirect("vault_item", ws=ws, item_id=item.pk)
    return _form_page(request, form, None)


@login_required
@require_http_methods(["GET", "POST"])
def item_edit(request: HttpRequest, ws: str, item_id: int) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "vault.view")
    item, _level = selectors.get_item_for(actor, item_id)
    require_level(actor, item, Level.MANAGE)
    form = ItemForm(request.POST or None, workspace=actor.workspace, kind=item.kind, item=item,
                    fields=_fields(item))  # fmt: skip
    context = AuditContext.from_request(request)
    saved = submit(request, form, lambda data: services.item_update(
        actor=actor, item=item, fields=form.fields_for_service(), context=context))  # fmt: skip
    if saved is not None:
        messages.success(request, _("Saved."))
        return redirect("vault_item", ws=ws, item_id=item.pk)
    return _form_page(request, form, item)


@login_required
@require_POST
def item_delete(request: HttpRequest, ws: str, item_id: int) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "vault.view")
    item, _level = selectors.get_item_for(actor, item_id)
    name = item.name
    services.item_delete(actor=actor, item=item, context=AuditContext.from_request(request))
    messages.success(request, _("“%(name)s” is deleted from the vault.") % {"name": name})
    return redirect("vault_list", ws=ws)
