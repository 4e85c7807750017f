"""Reads for the contact directory: outside contacts and the workspace's members in one list,
filtered; one contact (404 across workspaces); and the CSV and vCard exports.

Members are not stored as contacts: they come from accounts (name, seat title, email) each
time, so the directory never goes stale when someone joins, changes seat or leaves. Guests
are not listed (they are people outside the company given a look at one thing).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from keel.accounts.titles import display_title, prepare_titles
from keel.core.models import Membership, Role
from keel.core.permissions import has_perm
from keel.org.models import Department, Seat
from keel.wiki.models import Contact, ContactKind

MEMBERS = "members"  # the kind filter's value for workspace members
EXPORT_COLUMNS = ["kind", "company", "name", "role", "email", "phone", "tags", "notes",
                  "department"]  # fmt: skip
_PHONE_LIKE = re.compile(r"^[+-][\d\s().-]*$")


@dataclass
class ContactFilters:
    kind: str = ""  # "" all, "members", or a ContactKind
    department: Department | None = None
    tag: str = ""
    q: str = ""


@dataclass
class DirectoryEntry:
    """One row of the directory: an outside contact or a member."""

    company: str
    name: str
    role: str
    email: str
    phone: str = ""
    kind: str = MEMBERS
    tags: list[str] = field(default_factory=list)
    department: Department | None = None
    contact: Contact | None = None
    membership: Membership | None = None

    @property
    def is_member(self) -> bool:
        return self.membership is not None

    @property
    def title(self) -> str:
        return self.company or self.name or self.email


def require_view(actor: Membership) -> None:
    if not has_perm(actor, "wiki.contacts_view"):
        raise Http404  # guests: the directory does not exist for them


def get_contact_for(actor: Membership, contact_id: int | str) -> Contact:
    """A contact of the actor's workspace they may see, else 404."""
    require_view(actor)
    try:
        pk = int(contact_id)
    except (TypeError, ValueError):
        raise Http404 from None
    contact = (
        Contact.objects.in_workspace(actor.workspace)
        .select_related("department", "created_by__user")
        .filter(pk=pk)
        .first()
    )
    if contact is None:
        raise Http404
    return contact


def require_manage(actor: Membership) -> None:
    if not has_perm(actor, "wiki.contacts_manage"):
        raise PermissionDenied


def contacts_queryset(actor: Membership, filters: ContactFilters) -> QuerySet[Contact]:
    """Stored contacts matching `filters` (tags are matched in Python: JSON lists are not
    searchable alike on SQLite and PostgreSQL, and a directory is hundreds of rows)."""
    require_view(actor)
    rows = Contact.objects.in_workspace(actor.workspace).select_related("department")
    if filters.kind == MEMBERS:
        return rows.none()
    if filters.kind:
        rows = rows.filter(kind=filters.kind)
    if filters.department is not None:
        rows = rows.filter(department=filters.department)
    tag = filters.tag.strip().casefold()
    q = filters.q.strip()
    if tag or q:
        tagged = Contact.objects.in_workspace(actor.workspace).values_list("pk", "tags")
        if tag:
            rows = rows.filter(pk__in=[pk for pk, tags in tagged
                                       if tag in {t.casefold() for t in tags or []}])  # fmt: skip
        if q:
            needle = q.casefold()
            by_tag = [pk for pk, tags in tagged if any(needle in t.casefold() for t in tags or [])]
            text = Q()
            for name in ("company", "name", "role", "email", "phone", "notes"):
                text |= Q(**{f"{name}__icontains": q})
            rows = rows.filter(text | Q(pk__in=by_tag))
    return rows.order_by("company", "name", "id")


def _members(actor: Membership, filters: ContactFilters) -> list[DirectoryEntry]:
    if filters.kind not in ("", MEMBERS) or filters.tag:
        return []
    members = list(
        Membership.objects.filter(workspace=actor.workspace, offboarded_at__isnull=True)
        .exclude(role=Role.GUEST)
        .select_related("user")
        .order_by("user__full_name", "user__email")
    )
    members = [m for m in members if m.user.is_active]
    seats = Seat.objects.in_workspace(actor.workspace).filter(
        holder__in=members, department__isnull=False
    )
    departments: dict[int, Department] = {}
    for seat in seats.select_related("department"):
        assert seat.holder_id is not None and seat.department is not None
        departments.setdefault(seat.holder_id, seat.department)
    if filters.department is not None:
        members = [m for m in members if (d := departments.get(m.pk)) and
                   d.pk == filters.department.pk]  # fmt: skip
    prepare_titles(members)
    entries = [
        DirectoryEntry(company="", name=m.user.display_name, role=display_title(m),
                       email=m.user.email, membership=m, department=departments.get(m.pk))
        for m in members
    ]  # fmt: skip
    q = filters.q.strip().casefold()
    if q:
        entries = [e for e in entries
                   if any(q in x.casefold() for x in (e.name, e.role, e.email))]  # fmt: skip
    return entries


def directory(actor: Membership, filters: ContactFilters) -> list[DirectoryEntry]:
    """Outside contacts, then members, matching the filters (a fixed number of queries)."""
    contacts = [
        DirectoryEntry(company=c.company, name=c.name, role=c.role, email=c.email,
                       phone=c.phone, kind=c.kind, tags=list(c.tags or []),
                       department=c.department, contact=c)
        for c in contacts_queryset(actor, filters)
    ]  # fmt: skip
    # By what the card shows first (company, else name), so a contact without a company
    # does not jump to the top.
    contacts.sort(key=lambda e: (e.title.casefold(), e.name.casefold()))
    return contacts + _members(actor, filters)


def all_tags(actor: Membership) -> list[str]:
    """Every tag used in the directory, for the filter (sorted, each once)."""
    seen: dict[str, str] = {}
    for tags in Contact.objects.in_workspace(actor.workspace).values_list("tags", flat=True):
        for tag in tags or []:
            seen.setdefault(tag.casefold(), tag)
    return sorted(seen.values(), key=str.casefold)


# --- Exports -----------------------------------------------------------------------------


def _cell(value: str) -> str:
    """A spreadsheet would run “=…” as a formula: prefix it (phone numbers stay as they are)."""
    if value[:1] in ("=", "@", "\t", "\r") or (
        value[:1] in ("+", "-") and not _PHONE_LIKE.match(value)
    ):
        return "'" + value
    return value


def contacts_csv(contacts: QuerySet[Contact]) -> Iterator[str]:
    """The contacts as CSV, UTF-8 with BOM (so Excel opens Chinese right), one chunk per row.

    The columns are those the import reads, so an export can be edited and imported back.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow(EXPORT_COLUMNS)
    yield "\ufeff" + flush()
    for c in contacts.select_related("department").iterator(chunk_size=500):
        values = [c.kind, c.company, c.name, c.role, c.email, c.phone, ", ".join(c.tags or []),
                  c.notes, c.department.name if c.department else ""]  # fmt: skip
        writer.writerow([_cell(v) for v in values])
        yield flush()


def _vcard_escape(value: str) -> str:
    return (
        value.replace("\\", "\\\\").replace("\r\n", "\n").replace("\n", "\\n")
        .replace(",", "\\,").replace(";", "\\;")
    )  # fmt: skip


def _fold(line: str) -> str:
    """RFC 2425 folding: lines of at most 75 octets, never splitting a UTF-8 character."""
    out: list[str] = []
    current, size, limit = "", 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def vcard(contact: Contact) -> str:
    """One contact as a vCard 3.0 (CRLF line ends)."""
    full_name = contact.name or contact.company or contact.email
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"N:{_vcard_escape(contact.name)};;;;",
             f"FN:{_vcard_escape(full_name)}"]  # fmt: skip
    if contact.company:
        lines.append(f"ORG:{_vcard_escape(contact.company)}")
    if contact.role:
        lines.append(f"TITLE:{_vcard_escape(contact.role)}")
    if contact.email:
        lines.append(f"EMAIL;TYPE=INTERNET:{_vcard_escape(contact.email)}")
    if contact.phone:
        lines.append(f"TEL;TYPE=WORK,VOICE:{_vcard_escape(contact.phone)}")
    categories = [str(ContactKind(contact.kind).label), *(contact.tags or [])]
    lines.append("CATEGORIES:" + ",".join(_vcard_escape(c) for c in categories))
    if contact.notes:
        lines.append(f"NOTE:{_vcard_escape(contact.notes)}")
    lines.append("END:VCARD")
    return "".join(_fold(line) + "\r\n" for line in lines)


def contacts_vcards(contacts: QuerySet[Contact]) -> Iterator[str]:
    for contact in contacts.iterator(chunk_size=500):
        yield vcard(contact)
