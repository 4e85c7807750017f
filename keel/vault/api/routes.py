"""API routes for the vault (mounted in keel/api.py): items (metadata), create and update,
reveal one hidden field (view access, audited), grants and categories.

Thin like the pages: resolve the caller's membership, parse a schema, call one service or
selector (which checks the level, validates and audits). An item the caller may not see is
a 404, like another workspace's.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from keel.accounts.models import Group
from keel.core.api_support import (
    ERROR_RESPONSES,
    Page,
    PageParams,
    api_field_names,
    page_schema,
    paginate,
    workspace_membership,
)
from keel.core.models import Membership
from keel.core.permissions import require
from keel.core.services import AuditContext
from keel.org.models import Seat
from keel.vault import selectors, services
from keel.vault.access import access_map, manages_all, require_level
from keel.vault.api.schemas import (
    CategoryOut,
    GrantIn,
    GrantOut,
    ItemIn,
    ItemOut,
    ItemPatchIn,
    RevealIn,
    RevealOut,
)
from keel.vault.models import Category, Grant, Item, ItemField, Level

router = Router(tags=["vault"])

WS = "/workspaces/{slug}/vault"
FIELD_NAMES = {"category": "category_id", "grantee": "member_id"}
LEVELS = {"use": Level.USE, "view": Level.VIEW, "manage": Level.MANAGE}


def _reader(request: HttpRequest, slug: str) -> Membership:
    membership = workspace_membership(request, slug)
    require(membership, "vault.view")
    return membership


def _item_out(item: Item, level: int, fields: list[ItemField]) -> dict[str, Any]:
    return {
        "id": item.pk, "kind": item.kind, "name": item.name, "category_id": item.category_id,
        "urls": item.urls, "username": item.username, "tags": item.tags,
        "level": Level(level).name.lower(),
        "fields": [{"key": f.key, "label": f.display_label, "hidden": f.hidden,
                    "value": None if f.hidden else f.plain}
                   for f in fields if not f.hidden or level >= Level.VIEW],
    }  # fmt: skip


def _fields_of(items: list[Item]) -> dict[int, list[ItemField]]:
    result: dict[int, list[ItemField]] = {i.pk: [] for i in items}
    rows = ItemField.objects.filter(item_id__in=list(result)).defer("ciphertext")
    for row in rows:
        result[row.item_id].append(row)
    return result


def _one(membership: Membership, model: Any, pk: int | None, field: str) -> Any:
    if pk is None:
        return None
    found = model.objects.filter(workspace_id=membership.workspace_id, pk=pk).first()
    if found is None:
        raise ValidationError({field: _("Choose one of this workspace's.")})
    return found


@router.get(f"{WS}/items", response={200: page_schema(ItemOut), **ERROR_RESPONSES})
def item_list(request: HttpRequest, slug: str, params: Query[PageParams]) -> dict[str, Any]:
    """The items the caller may use, view or manage, with their level; no hidden value."""
    membership = _reader(request, slug)
    items = Item.objects.in_workspace(membership.workspace)
    reached = None if manages_all(membership) else access_map(membership)
    if reached is not None:
        items = items.filter(pk__in=list(reached))
    page: Page[Item] = paginate(items, params, order_by="id")
    fields = _fields_of(page.items)
    return {
        "items": [_item_out(i, Level.MANAGE if reached is None else reached[i.pk].level,
                            fields[i.pk]) for i in page.items],
        "next_cursor": page.next_cursor,
    }  # fmt: skip


@router.get(f"{WS}/items/{{item_id}}", response={200: ItemOut, **ERROR_RESPONSES})
def item_detail(request: HttpRequest, slug: str, item_id: int) -> dict[str, Any]:
    membership = _reader(request, slug)
    item, level = selectors.get_item_for(membership, item_id)
    return _item_out(item, level, _fields_of([item])[item.pk])


def _fields(membership: Membership, payload: Any, base: Item | None) -> services.ItemFields:
    sent = payload.model_dump(exclude_unset=True)
    category = base.category if base is not None else None
    if "category_id" in sent:
        category = _one(membership, Category, sent["category_id"], "category_id")
    custom = None
    if sent.get("custom") is not None:
        custom = [services.CustomField(label=c["label"], value=c.get("value"),
                                       hidden=c.get("hidden", True), source=c.get("source"))
                  for c in sent["custom"]]  # fmt: skip
    pick = lambda key, default: sent[key] if sent.get(key) is not None else default  # noqa: E731
    return services.ItemFields(
        name=pick("name", base.name if base else ""),
        kind=base.kind if base is not None else str(sent.get("kind") or "login"),
        category=category,
        urls=pick("urls", base.urls if base else []),
        username=pick("username", base.username if base else ""),
        tags=pick("tags", base.tags if base else []),
        values=sent.get("values") or {}, custom=custom,
    )  # fmt: skip


@router.post(f"{WS}/items", response={201: ItemOut, **ERROR_RESPONSES})
def item_create(request: HttpRequest, slug: str, payload: ItemIn) -> Status[dict[str, Any]]:
    membership = workspace_membership(request, slug)
    require(membership, "vault.add")
    with api_field_names(FIELD_NAMES):
        item = services.item_create(actor=membership, fields=_fields(membership, payload, None),
                                    context=AuditContext.from_request(request))  # fmt: skip
    return Status(201, _item_out(item, Level.MANAGE, _fields_of([item])[item.pk]))


@router.patch(f"{WS}/items/{{item_id}}", response={200: ItemOut, **ERROR_RESPONSES})
def item_update(request: HttpRequest, slug: str, item_id: int,
                payload: ItemPatchIn) -> dict[str, Any]:  # fmt: skip
    """Change the fields sent; the others keep their value."""
    membership = _reader(request, slug)
    item, level = selectors.get_item_for(membership, item_id)
    with api_field_names(FIELD_NAMES):
        item = services.item_update(actor=membership, item=item,
                                    fields=_fields(membership, payload, item),
                                    context=AuditContext.from_request(request))  # fmt: skip
    return _item_out(item, level, _fields_of([item])[item.pk])


@router.post(f"{WS}/items/{{item_id}}/reveal", response={200: RevealOut, **ERROR_RESPONSES})
def item_reveal(request: HttpRequest, response: HttpResponse, slug: str, item_id: int,
                payload: RevealIn) -> dict[str, str]:  # fmt: skip
    """One hidden field in clear (view access or more). Recorded in the audit log."""
    response["Cache-Control"] = "no-store"
    membership = _reader(request, slug)
    item, _level = selectors.get_item_for(membership, item_id)
    with api_field_names({"field": "field"}):
        value = services.item_reveal(actor=membership, item=item, field_key=payload.field,
                                     context=AuditContext.from_request(request))  # fmt: skip
    return {"field": payload.field, "value": value}


def _grant_out(grant: Grant) -> dict[str, Any]:
    return {"id": grant.pk, "item_id": grant.item_id, "category_id": grant.category_id,
            "member_id": grant.member_id, "group_id": grant.group_id, "seat_id": grant.seat_id,
            "level": Level(grant.level).name.lower()}  # fmt: skip


@router.get(f"{WS}/items/{{item_id}}/grants", response={200: list[GrantOut], **ERROR_RESPONSES})
def grant_list(request: HttpRequest, slug: str, item_id: int) -> list[dict[str, Any]]:
    """The grants on the item itself (a manager's view; category grants are listed on the
    category)."""
    membership = _reader(request, slug)
    item, _level = selectors.get_item_for(membership, item_id)
    require_level(membership, item, Level.MANAGE)
    return [_grant_out(g) for g in Grant.objects.filter(item=item).order_by("id")]


@router.post(f"{WS}/items/{{item_id}}/grants", response={201: GrantOut, **ERROR_RESPONSES})
def grant_create(request: HttpRequest, slug: str, item_id: int,
                 payload: GrantIn) -> Status[dict[str, Any]]:  # fmt: skip
    """Share the item with one person, group or seat (a second grant to the same one
    changes its level)."""
    membership = _reader(request, slug)
    item, _level = selectors.get_item_for(membership, item_id)
    with api_field_names(FIELD_NAMES):
        grant = services.grant_create(
            actor=membership, item=item, level=LEVELS[payload.level],
            member=_one(membership, Membership, payload.member_id, "member_id"),
            group=_one(membership, Group, payload.group_id, "group_id"),
            seat=_one(membership, Seat, payload.seat_id, "seat_id"),
            context=AuditContext.from_request(request),
        )  # fmt: skip
    return Status(201, _grant_out(grant))


@router.delete(f"{WS}/grants/{{grant_id}}", response={204: None, **ERROR_RESPONSES})
def grant_delete(request: HttpRequest, slug: str, grant_id: int) -> Status[None]:
    membership = _reader(request, slug)
    grant = (Grant.objects.filter(workspace_id=membership.workspace_id, pk=grant_id)
             .select_related("item", "category").first())  # fmt: skip
    if grant is None or (grant.item_id is None and not manages_all(membership)):
        raise Http404
    if grant.item_id is not None:
        selectors.get_item_for(membership, grant.item_id)
    services.grant_delete(actor=membership, grant=grant,
                          context=AuditContext.from_request(request))  # fmt: skip
    return Status(204, None)


@router.get(f"{WS}/categories", response={200: list[CategoryOut], **ERROR_RESPONSES})
def category_list(request: HttpRequest, slug: str) -> list[Category]:
    membership = _reader(request, slug)
    return list(Category.objects.in_workspace(membership.workspace))
