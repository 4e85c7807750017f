"""Writes for the contact directory: create, edit, delete.

Only staff keep the directory (`wiki.contacts_manage`). Every write re-indexes the contacts
it touched for search after commit. The CSV import lives in `contacts_import.py` and cleans
each row with `clean_contact`, so a row and the form accept exactly the same contacts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from keel.core.models import Membership
from keel.core.permissions import require
from keel.core.services import AuditContext, audit_event, same_workspace
from keel.org.models import Department
from keel.wiki.models import Contact, ContactKind

TEXT_MAX = 200
PHONE_MAX = 50
NOTES_MAX = 5_000
TAGS_MAX = 20
TAG_MAX = 40
TAG_SEPARATORS = (",", "，", "、", ";", "；")


@dataclass
class ContactFields:
    """Everything a person types about a contact (the service cleans it)."""

    kind: str = ContactKind.OTHER
    company: str = ""
    name: str = ""
    role: str = ""
    email: str = ""
    phone: str = ""
    tags: list[str] = field(default_factory=list)
    notes: str = ""
    department: Department | None = None

    @property
    def kind_label(self) -> str:
        return str(ContactKind(self.kind).label) if self.kind in ContactKind.values else ""

    @classmethod
    def of(cls, contact: Contact) -> ContactFields:
        return cls(kind=contact.kind, company=contact.company, name=contact.name,
                   role=contact.role, email=contact.email, phone=contact.phone,
                   tags=list(contact.tags or []), notes=contact.notes,
                   department=contact.department)  # fmt: skip


def split_tags(text: str) -> list[str]:
    """“supplier, 包装、 urgent” → ["supplier", "包装", "urgent"] (English or Chinese commas)."""
    for separator in TAG_SEPARATORS[1:]:
        text = text.replace(separator, ",")
    return [t for t in (part.strip() for part in text.split(",")) if t]


def _clean_tags(tags: Iterable[str]) -> tuple[list[str], str | None]:
    seen: dict[str, str] = {}
    for tag in tags:
        tag = " ".join(str(tag).split())
        if tag and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    cleaned = list(seen.values())
    if len(cleaned) > TAGS_MAX:
        return cleaned, _("Use at most %(n)s tags.") % {"n": TAGS_MAX}
    long = [t for t in cleaned if len(t) > TAG_MAX]
    if long:
        return cleaned, _("Keep each tag to %(n)s characters: “%(tag)s” is longer.") % {
            "n": TAG_MAX, "tag": long[0][:TAG_MAX] + "…"}  # fmt: skip
    return cleaned, None


def clean_contact(actor: Membership, fields: ContactFields) -> ContactFields:
    """The fields trimmed and checked; every problem at once, by field."""
    errors: dict[str, str] = {}
    data = replace(
        fields,
        company=" ".join((fields.company or "").split()),
        name=" ".join((fields.name or "").split()),
        role=" ".join((fields.role or "").split()),
        email=(fields.email or "").strip(),
        phone=" ".join((fields.phone or "").split()),
        notes=(fields.notes or "").replace("\r\n", "\n").strip(),
    )
    if data.kind not in ContactKind.values:
        errors["kind"] = _("Choose a kind of contact.")
    if not data.company and not data.name:
        errors["company"] = _("Give at least a company or a name.")
    for name in ("company", "name", "role"):
        if len(getattr(data, name)) > TEXT_MAX:
            errors[name] = _("Use at most %(n)s characters.") % {"n": TEXT_MAX}
    if data.email:
        try:
            validate_email(data.email)
        except ValidationError:
            errors["email"] = _("“%(email)s” is not an email address.") % {
                "email": data.email[:80]}  # fmt: skip
        else:
            local, _at, domain = data.email.rpartition("@")
            data.email = f"{local}@{domain.lower()}"
    if len(data.phone) > PHONE_MAX:
        errors["phone"] = _("Use at most %(n)s characters.") % {"n": PHONE_MAX}
    if len(data.notes) > NOTES_MAX:
        errors["notes"] = _("Use at most %(n)s characters.") % {"n": f"{NOTES_MAX:,}"}
    data.tags, tag_error = _clean_tags(fields.tags or [])
    if tag_error:
        errors["tags"] = tag_error
    if data.department is not None and data.department.workspace_id != actor.workspace_id:
        errors["department"] = _("Choose a department of this workspace.")
    if errors:
        raise ValidationError(errors)
    return data


def index_contacts(ids: Iterable[int], workspace_id: int) -> None:
    from keel.wiki.search import index_contacts_later

    index_contacts_later(ids, workspace_id)


def apply_fields(contact: Contact, data: ContactFields) -> list[str]:
    changed = []
    for name, value in asdict(data).items():
        if name == "department":
            if contact.department_id != (data.department.pk if data.department else None):
                contact.department = data.department
                changed.append(name)
        elif getattr(contact, name) != value:
            setattr(contact, name, value)
            changed.append(name)
    return changed


@transaction.atomic
def contact_create(
    *, actor: Membership, fields: ContactFields, context: AuditContext | None = None
) -> Contact:
    require(actor, "wiki.contacts_manage")
    data = clean_contact(actor, fields)
    contact = Contact(workspace=actor.workspace, created_by=actor)
    apply_fields(contact, data)
    contact.save()
    audit_event(actor, "wiki.contact_created", contact, context, kind=contact.kind)
    index_contacts([contact.pk], contact.workspace_id)
    return contact


@transaction.atomic
def contact_update(
    *,
    actor: Membership,
    contact: Contact,
    fields: ContactFields,
    context: AuditContext | None = None,
) -> Contact:
    """Replace the contact's fields by `fields` (start from `ContactFields.of(contact)`)."""
    require(actor, "wiki.contacts_manage")
    same_workspace(actor, contact)
    data = clean_contact(actor, fields)
    changed = apply_fields(contact, data)
    if changed:
        contact.save(update_fields=[*changed, "updated_at"])
        audit_event(actor, "wiki.contact_updated", contact, context, fields=sorted(changed))
        index_contacts([contact.pk], contact.workspace_id)
    return contact


@transaction.atomic
def contact_delete(
    *, actor: Membership, contact: Contact, context: AuditContext | None = None
) -> None:
    require(actor, "wiki.contacts_manage")
    same_workspace(actor, contact)
    pk, workspace_id = contact.pk, contact.workspace_id
    audit_event(actor, "wiki.contact_deleted", contact, context,
                name=str(contact)[:200])  # fmt: skip
    contact.delete()
    index_contacts([pk], workspace_id)  # a missing object is dropped from the index
