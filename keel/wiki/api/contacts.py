"""API routes for the contact directory and email templates, under /workspaces/{slug}/wiki/.

Contacts: list (filters as on the page; stored contacts only — members are the members
API's), create, read, change the fields sent, delete. Templates: the ones the caller may
read, and `render` — the renderer service the pages and the assistants' inbox use. Something
of another workspace, or a page the caller may not read, is a 404 like a missing one.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from keel.core.api_support import (
    ERROR_RESPONSES,
    Id,
    InputSchema,
    Page,
    PageParams,
    page_schema,
    paginate,
    workspace_membership,
)
from keel.core.models import Membership
from keel.core.permissions import require
from keel.core.services import AuditContext
from keel.org.models import Department
from keel.wiki import selectors, services
from keel.wiki.models import Contact
from keel.wiki.selectors.contacts import ContactFilters, require_view
from keel.wiki.services.contacts import (
    NOTES_MAX,
    PHONE_MAX,
    TAG_MAX,
    TAGS_MAX,
    TEXT_MAX,
    ContactFields,
)
from keel.wiki.services.templates import TEMPLATE_BODY_MAX

router = Router(tags=["wiki"])

WS = "/workspaces/{slug}/wiki"
Kind = Literal["supplier", "manufacturer", "marketplace", "carrier", "service", "other"]
Tag = Annotated[str, Field(min_length=1, max_length=TAG_MAX)]
Value = Annotated[str, Field(max_length=TEMPLATE_BODY_MAX)]


# --- Schemas -------------------------------------------------------------------------------


class ContactOut(Schema):
    id: int
    kind: str
    company: str
    name: str
    role: str
    email: str
    phone: str
    tags: list[str]
    notes: str
    department_id: int | None
    created_at: datetime
    updated_at: datetime


class ContactIn(InputSchema):
    kind: Kind = "other"
    company: str = Field("", max_length=TEXT_MAX)
    name: str = Field("", max_length=TEXT_MAX)
    role: str = Field("", max_length=TEXT_MAX)
    email: str = Field("", max_length=254)
    phone: str = Field("", max_length=PHONE_MAX)
    tags: list[Tag] = Field(default_factory=list, max_length=TAGS_MAX)
    notes: str = Field("", max_length=NOTES_MAX)
    department_id: Id | None = None


class ContactPatchIn(InputSchema):
    """Only the fields sent change; `department_id: null` clears the department."""

    kind: Kind | None = None
    company: str | None = Field(None, max_length=TEXT_MAX)
    name: str | None = Field(None, max_length=TEXT_MAX)
    role: str | None = Field(None, max_length=TEXT_MAX)
    email: str | None = Field(None, max_length=254)
    phone: str | None = Field(None, max_length=PHONE_MAX)
    tags: list[Tag] | None = Field(None, max_length=TAGS_MAX)
    notes: str | None = Field(None, max_length=NOTES_MAX)
    department_id: Id | None = None


class ContactQuery(Schema):
    kind: Kind | None = None
    department_id: Id | None = None
    tag: str | None = Field(None, max_length=TAG_MAX)
    q: str | None = Field(None, max_length=200)


class TemplateOut(Schema):
    id: int
    title: str
    space_id: int
    space: str
    languages: list[str]


class RenderIn(InputSchema):
    language: str = Field(..., min_length=2, max_length=10)
    values: dict[str, Value] = Field(default_factory=dict)
    strict: bool = Field(False, description="Refuse (422) when a variable has no value.")


class RenderOut(Schema):
    subject: str
    body: str
    missing: list[str]
    language: str


# --- Helpers -------------------------------------------------------------------------------


def _department(membership: Membership, department_id: int | None) -> Department | None:
    if department_id is None:
        return None
    department = (
        Department.objects.in_workspace(membership.workspace).filter(pk=department_id).first()
    )
    if department is None:
        raise ValidationError({"department_id": _("Choose a department of this workspace.")})
    return department


def _api_errors(error: ValidationError) -> ValidationError:
    if not hasattr(error, "error_dict"):
        return error
    rename = {"department": "department_id"}
    return ValidationError({rename.get(k, k): v for k, v in error.error_dict.items()})


def _contact(membership: Membership, contact_id: int) -> Contact:
    return selectors.get_contact_for(membership, contact_id)


# --- Contacts ------------------------------------------------------------------------------


@router.get(f"{WS}/contacts", response={200: page_schema(ContactOut), **ERROR_RESPONSES})
def contact_list(
    request: HttpRequest, slug: str, params: Query[PageParams], filters: Query[ContactQuery]
) -> Page[Contact]:
    """The directory's stored contacts, by company (members: see the members API)."""
    membership = workspace_membership(request, slug)
    require_view(membership)  # guests: 404
    found = ContactFilters(
        kind=filters.kind or "", tag=filters.tag or "", q=filters.q or "",
        department=_department(membership, filters.department_id),
    )  # fmt: skip
    return paginate(selectors.contacts_queryset(membership, found), params, order_by="company")


@router.post(f"{WS}/contacts", response={201: ContactOut, **ERROR_RESPONSES})
def contact_create(request: HttpRequest, slug: str, payload: ContactIn) -> Status[Contact]:
    membership = workspace_membership(request, slug)
    require_view(membership)  # guests: 404
    require(membership, "wiki.contacts_manage")
    data = payload.model_dump(exclude={"department_id"})
    fields = ContactFields(**data, department=_department(membership, payload.department_id))
    try:
        contact = services.contact_create(actor=membership, fields=fields,
                                          context=AuditContext.from_request(request))  # fmt: skip
    except ValidationError as error:
        raise _api_errors(error) from error
    return Status(201, contact)


@router.get(f"{WS}/contacts/{{contact_id}}", response={200: ContactOut, **ERROR_RESPONSES})
def contact_detail(request: HttpRequest, slug: str, contact_id: int) -> Contact:
    return _contact(workspace_membership(request, slug), contact_id)


@router.patch(f"{WS}/contacts/{{contact_id}}", response={200: ContactOut, **ERROR_RESPONSES})
def contact_update(
    request: HttpRequest, slug: str, contact_id: int, payload: ContactPatchIn
) -> Contact:
    membership = workspace_membership(request, slug)
    contact = _contact(membership, contact_id)
    require(membership, "wiki.contacts_manage")
    fields = ContactFields.of(contact)
    sent: dict[str, Any] = payload.model_dump(exclude_unset=True)
    if "department_id" in sent:
        fields.department = _department(membership, sent.pop("department_id"))
    for name, value in sent.items():
        if value is None:
            raise ValidationError({name: _("This field cannot be empty (null).")})
        setattr(fields, name, value)
    try:
        return services.contact_update(actor=membership, contact=contact, fields=fields,
                                       context=AuditContext.from_request(request))  # fmt: skip
    except ValidationError as error:
        raise _api_errors(error) from error


@router.delete(f"{WS}/contacts/{{contact_id}}", response={204: None, **ERROR_RESPONSES})
def contact_delete(request: HttpRequest, slug: str, contact_id: int) -> Status[None]:
    membership = workspace_membership(request, slug)
    contact = _contact(membership, contact_id)
    services.contact_delete(actor=membership, contact=contact,
                            context=AuditContext.from_request(request))  # fmt: skip
    return Status(204, None)


# --- Email templates -----------------------------------------------------------------------


@router.get(f"{WS}/templates", response={200: list[TemplateOut], **ERROR_RESPONSES})
def template_list(request: HttpRequest, slug: str) -> list[dict[str, Any]]:
    """Every email template the caller may read, by space, with its languages."""
    membership = workspace_membership(request, slug)
    require(membership, "wiki.view")
    return [
        {"id": row.page.pk, "title": row.page.title, "space_id": group.space.pk,
         "space": group.space.name, "languages": row.languages}
        for group in selectors.templates_for(membership)
        for row in group.templates
    ]  # fmt: skip


@router.post(f"{WS}/templates/{{page_id}}/render", response={200: RenderOut, **ERROR_RESPONSES})
def template_render(
    request: HttpRequest, slug: str, page_id: int, payload: RenderIn
) -> services.RenderedEmail:
    """Subject and body in `language` (else the workspace's, else any) with `values` filled.

    Variables without a value stay as `{{name}}` and are listed in `missing`; with
    `strict` they are a 422 instead. Writes nothing.
    """
    membership = workspace_membership(request, slug)
    page, _level = selectors.get_template_for(membership, page_id)
    return services.render_template(page=page, language=payload.language,
                                     values=payload.values, strict=payload.strict)  # fmt: skip
