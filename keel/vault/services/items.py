"""Writes for vault items: create, update, delete, and reveal one hidden field.

Each checks the actor's level on the item (keel/vault/access.py), validates every field at
once (a {field: message} ValidationError the pages and the API show beside the fields),
encrypts hidden fields before they touch the database, and audits — the audit records
names and field keys, never a value. Revealing is a write: it leaves an audit event and an
AccessEvent, which offboarding orders rotations by.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from keel.core.models import Membership
from keel.core.permissions import require
from keel.core.services import AuditContext, audit_event, same_workspace
from keel.core.validators import clean_line
from keel.vault.access import manages_all, require_level
from keel.vault.crypto import ItemCipher, active_workspace_key
from keel.vault.models import (
    AccessEvent,
    Category,
    FieldKey,
    Grant,
    Item,
    ItemField,
    Kind,
    Level,
    Rotation,
)

NAME_MAX = 120
USERNAME_MAX = 200
URL_MAX = 500
URLS_MAX = 10
TAG_MAX = 40
TAGS_MAX = 10
SECRET_MAX = 10_000
PLAIN_MAX = 500
LABEL_MAX = 80
CUSTOM_MAX = 20

# The fixed fields of each kind, in display order; True = hidden (encrypted).
KIND_FIELDS: dict[str, list[tuple[str, bool]]] = {
    Kind.LOGIN: [(FieldKey.PASSWORD, True), (FieldKey.NOTES, True)],
    Kind.NOTE: [(FieldKey.NOTES, True)],
    Kind.API_KEY: [(FieldKey.API_KEY, True), (FieldKey.NOTES, True)],
    Kind.CARD: [(FieldKey.CARD_HOLDER, False), (FieldKey.CARD_NUMBER, True),
                (FieldKey.CARD_EXPIRY, False), (FieldKey.CARD_CVC, True),
                (FieldKey.NOTES, True)],
}  # fmt: skip


@dataclass(frozen=True)
class CustomField:
    """A custom field as typed. `value` None keeps a hidden field's stored value."""

    label: str
    value: str | None
    hidden: bool = True
    source: str | None = None  # the stored field's key it was shown as, for keeping


@dataclass(frozen=True)
class ItemFields:
    """An item as typed: the page form, the API schema and the demo build one.

    `values` holds the kind's fixed fields by key; a key that is absent (or None) keeps
    what is stored, "" clears it. `custom` replaces the custom fields when not None.
    """

    name: str
    kind: str = Kind.LOGIN
    category: Category | None = None
    urls: list[str] = field(default_factory=list)
    username: str = ""
    tags: list[str] = field(default_factory=list)
    values: dict[str, str | None] = field(default_factory=dict)
    custom: list[CustomField] | None = None


def clean_url(text: str) -> str:
    """An http(s) address with a host; a clear message for anything else."""
    url = text.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ValidationError(
            _("“%(url)s” is not a web address: write it in full, starting with https://.")
            % {"url": url[:80]}
        )
    if len(url) > URL_MAX:
        raise ValidationError(_("Use at most %(max)d characters.") % {"max": URL_MAX})
    return url


def _validated(actor: Membership, fields: ItemFields, item: Item | None) -> ItemFields:
    errors: dict[str, str] = {}
    name = ""
    try:
        name = clean_line(fields.name, field="name", max_length=NAME_MAX,
                          required=_("Give the item a name."))  # fmt: skip
    except ValidationError as error:
        errors.update({k: v[0] for k, v in error.message_dict.items()})
    if fields.kind not in Kind.values:
        errors["kind"] = _("Choose one of the options.")
    if item is not None and fields.kind != item.kind:
        errors["kind"] = _("An item's kind can't change: add a new item instead.")
    urls = []
    for text in fields.urls:
        if text.strip():
            try:
                urls.append(clean_url(text))
            except ValidationError as error:
                errors["urls"] = error.messages[0]
    if len(urls) > URLS_MAX:
        errors["urls"] = _("Use at most %(max)d addresses.") % {"max": URLS_MAX}
    username = (fields.username or "").strip()
    if len(username) > USERNAME_MAX or "\x00" in username:
        errors["username"] = _("Use at most %(max)d characters.") % {"max": USERNAME_MAX}
    tags = sorted({t.strip() for t in fields.tags if t.strip()})
    if len(tags) > TAGS_MAX or any(len(t) > TAG_MAX or "\x00" in t for t in tags):
        errors["tags"] = _("Use at most %(count)d tags of %(max)d characters each.") % {
            "count": TAGS_MAX, "max": TAG_MAX}  # fmt: skip
    allowed = {key for key, _hidden in KIND_FIELDS.get(fields.kind, [])}
    values: dict[str, str | None] = {}
    for key, value in fields.values.items():
        if key not in allowed:
            errors[key] = _("This kind of item has no such field.")
        elif value is not None and (len(value) > SECRET_MAX or "\x00" in value):
            errors[key] = _("Use at most %(max)d characters.") % {"max": SECRET_MAX}
        else:
            values[key] = value
    custom = fields.custom
    if custom is not None:
        if len(custom) > CUSTOM_MAX:
            errors["custom"] = _("Use at most %(max)d custom fields.") % {"max": CUSTOM_MAX}
        for entry in custom:
            limit = SECRET_MAX if entry.hidden else PLAIN_MAX
            if not entry.label.strip() or len(entry.label) > LABEL_MAX:
                errors["custom"] = _("Give each custom field a label of at most %(max)d "
                                     "characters.") % {"max": LABEL_MAX}  # fmt: skip
            elif entry.value is not None and (len(entry.value) > limit or "\x00" in entry.value):
                errors["custom"] = _("Use at most %(max)d characters.") % {"max": limit}
    same_workspace(actor, fields.category)
    if errors:
        raise ValidationError(errors)
    return ItemFields(name=name, kind=fields.kind, category=fields.category, urls=urls,
                      username=username, tags=tags, values=values, custom=custom)  # fmt: skip


def _write_fields(item: Item, cipher: ItemCipher, clean: ItemFields) -> bool:
    """Store the fields anew; True when a hidden value changed (the secrets' age restarts).

    Rows are rewritten whole (an item has a handful): a custom field that moved keeps its
    value under its new key, sealed again for that key, so no ciphertext outlives its place.
    """
    existing = {f.key: f for f in ItemField.objects.filter(item=item)}
    old = {key: cipher.open(key, f.ciphertext) if f.hidden else f.plain
           for key, f in existing.items()}  # fmt: skip
    wanted: list[tuple[str, str, bool, str | None, str | None]] = [
        (key, "", hidden, clean.values.get(key), key) for key, hidden in KIND_FIELDS[clean.kind]
    ]
    if clean.custom is not None:
        wanted += [(f"custom-{n}", c.label.strip(), c.hidden, c.value, c.source)
                   for n, c in enumerate(clean.custom, start=1)]  # fmt: skip
    else:
        wanted += [(f.key, f.label, f.hidden, None, f.key) for f in existing.values()
                   if f.key.startswith("custom-")]  # fmt: skip
    rows = []
    for position, (key, label, hidden, value, source) in enumerate(wanted):
        if value is None:
            value = old.get(source or "")
        if value is None or (not value and not key.startswith("custom-")):
            continue  # an empty fixed field is not stored
        rows.append(ItemField(
            workspace_id=item.workspace_id, item=item, key=key, label=label, hidden=hidden,
            plain="" if hidden else value, ciphertext=cipher.seal(key, value) if hidden else "",
            position=position,
        ))  # fmt: skip
    before = {key: old[key] for key, f in existing.items() if f.hidden}
    after = {row.key: cipher.open(row.key, row.ciphertext) for row in rows if row.hidden}
    ItemField.objects.filter(item=item).delete()
    ItemField.objects.bulk_create(rows)
    return sorted(before.values()) != sorted(after.values())


@transaction.atomic
def item_create(*, actor: Membership, fields: ItemFields,
                context: AuditContext | None = None) -> Item:  # fmt: skip
    """Add an item; the adder manages it (a grant to them), unless they manage all already."""
    require(actor, "vault.add")
    clean = _validated(actor, fields, None)
    item = Item(
        workspace=actor.workspace, kind=clean.kind, name=clean.name, category=clean.category,
        urls=clean.urls, username=clean.username, tags=clean.tags, created_by=actor,
        workspace_key=active_workspace_key(actor.workspace), secrets_changed_at=timezone.now(),
    )  # fmt: skip
    try:
        with transaction.atomic():
            item.save()
    except IntegrityError:
        raise ValidationError({"name": _("An item with this name exists already.")}) from None
    cipher = ItemCipher.for_new_item(item)
    _write_fields(item, cipher, clean)
    if not manages_all(actor):
        Grant.objects.create(workspace=actor.workspace, item=item, member=actor,
                             level=Level.MANAGE, created_by=actor)  # fmt: skip
    audit_event(actor, "vault.item_created", item, context, name=item.name, kind=item.kind)
    return item


@transaction.atomic
def item_update(*, actor: Membership, item: Item, fields: ItemFields,
                context: AuditContext | None = None) -> Item:  # fmt: skip
    """Change an item; a changed hidden field restarts its age and closes open rotations."""
    same_workspace(actor, item)
    require_level(actor, item, Level.MANAGE)
    clean = _validated(actor, fields, item)
    item.name, item.category, item.urls = clean.name, clean.category, clean.urls
    item.username, item.tags = clean.username, clean.tags
    cipher = ItemCipher.for_item(item)
    changed = _write_fields(item, cipher, clean)
    update = ["name", "category", "urls", "username", "tags", "updated_at"]
    if changed:
        item.secrets_changed_at = timezone.now()
        update.append("secrets_changed_at")
    try:
        with transaction.atomic():
            item.save(update_fields=update)
    except IntegrityError:
        raise ValidationError({"name": _("An item with this name exists already.")}) from None
    closed = 0
    if changed:
        closed = Rotation.objects.filter(item=item, done_at__isnull=True).update(
            done_at=timezone.now(), updated_at=timezone.now()
        )
    audit_event(actor, "vault.item_updated", item, context, name=item.name,
                hidden_fields_changed=changed, rotations_closed=closed)  # fmt: skip
    return item


@transaction.atomic
def item_delete(*, actor: Membership, item: Item, context: AuditContext | None = None) -> None:
    same_workspace(actor, item)
    require_level(actor, item, Level.MANAGE)
    audit_event(actor, "vault.item_deleted", item, context, name=item.name)
    item.delete()


@transaction.atomic
def item_reveal(*, actor: Membership, item: Item, field_key: str,
                context: AuditContext | None = None) -> str:  # fmt: skip
    """One hidden field in clear, for a member with view access or more; audited."""
    same_workspace(actor, item)
    require_level(actor, item, Level.VIEW)
    row = ItemField.objects.filter(item=item, key=field_key, hidden=True).first()
    if row is None:
        raise ValidationError({"field": _("This item has no such hidden field.")})
    value = ItemCipher.for_item(item).open(row.key, row.ciphertext)
    AccessEvent.objects.create(workspace=actor.workspace, item=item, membership=actor,
                               action=AccessEvent.Action.REVEAL, field_key=row.key)  # fmt: skip
    audit_event(actor, "vault.revealed", item, context, name=item.name, field=row.key)
    return value
