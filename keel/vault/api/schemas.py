"""API shapes for the vault. Item answers carry metadata only (name, addresses, username,
plain fields, the caller's level): a hidden field's value leaves the server only through the
reveal route, to a caller with view access, and that is audited."""

from __future__ import annotations

from ninja import Field, Schema

from keel.core.api_support import Id, InputSchema
from keel.vault.models import Kind
from keel.vault.services.items import (
    CUSTOM_MAX,
    LABEL_MAX,
    NAME_MAX,
    SECRET_MAX,
    TAGS_MAX,
    URLS_MAX,
    USERNAME_MAX,
)


class FieldOut(Schema):
    key: str
    label: str
    hidden: bool
    value: str | None = Field(description="Plain fields only; null for a hidden field.")


class ItemOut(Schema):
    id: int
    kind: Kind
    name: str
    category_id: int | None
    urls: list[str]
    username: str
    tags: list[str]
    level: str = Field(description="The caller's access: use, view or manage.")
    fields: list[FieldOut]


class CustomFieldIn(InputSchema):
    label: str = Field(max_length=LABEL_MAX)
    value: str | None = Field(None, max_length=SECRET_MAX,
                              description="null keeps the stored value of `source`.")  # fmt: skip
    hidden: bool = True
    source: str | None = Field(
        None, max_length=20, description="The key of the stored custom field it replaces."
    )


class ItemIn(InputSchema):
    kind: Kind = Kind.LOGIN
    name: str = Field(max_length=NAME_MAX)
    category_id: Id | None = None
    urls: list[str] = Field(default_factory=list, max_length=URLS_MAX)
    username: str = Field("", max_length=USERNAME_MAX)
    tags: list[str] = Field(default_factory=list, max_length=TAGS_MAX)
    values: dict[str, str | None] = Field(
        default_factory=dict, max_length=10,
        description="The kind's fixed fields by key (password, notes, api_key, card_number, "
        "card_cvc, card_holder, card_expiry); null or absent keeps, \"\" clears.",
    )  # fmt: skip
    custom: list[CustomFieldIn] | None = Field(None, max_length=CUSTOM_MAX)


class ItemPatchIn(InputSchema):
    name: str | None = Field(None, max_length=NAME_MAX)
    category_id: Id | None = None
    urls: list[str] | None = Field(None, max_length=URLS_MAX)
    username: str | None = Field(None, max_length=USERNAME_MAX)
    tags: list[str] | None = Field(None, max_length=TAGS_MAX)
    values: dict[str, str | None] | None = Field(None, max_length=10)
    custom: list[CustomFieldIn] | None = Field(None, max_length=CUSTOM_MAX)


class RevealIn(InputSchema):
    field: str = Field(max_length=20, description="A hidden field's key, e.g. password.")


class RevealOut(Schema):
    field: str
    value: str


class GrantOut(Schema):
    id: int
    item_id: int | None
    category_id: int | None
    member_id: int | None
    group_id: int | None
    seat_id: int | None
    level: str


class GrantIn(InputSchema):
    member_id: Id | None = None
    group_id: Id | None = None
    seat_id: Id | None = None
    level: str = Field(pattern="^(use|view|manage)$")


class CategoryOut(Schema):
    id: int
    name: str
