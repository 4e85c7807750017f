"""The contact directory's CSV import: `contacts_import_preview` parses a file and says, per
spreadsheet row, what importing it would do (nothing saved); `contacts_import` writes the good
rows in one transaction. A row whose email matches a contact already in the directory
updates that contact instead of adding a second one.

Encoding is decided by trying, not guessing: UTF-8 (BOM or not), UTF-16 with BOM, else
GB18030 (a superset of GBK, what Chinese Excel writes). Measured on short contact files,
charset-normalizer took a mostly-Latin GBK file for Big5-HKSCS; a strict UTF-8 decode
practically never succeeds on GB18030 bytes, so the order above is reliable. Big5 files are
not supported (they decode as GB18030 nonsense): the help text asks for CSV UTF-8.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from keel.core.encoding import decode_text
from keel.core.models import Membership
from keel.core.permissions import require
from keel.core.services import AuditContext, audit_event
from keel.org.models import Department
from keel.wiki.models import Contact, ContactKind
from keel.wiki.services.contacts import (
    ContactFields,
    apply_fields,
    clean_contact,
    index_contacts,
    split_tags,
)

IMPORT_MAX_BYTES = 2 * 1024 * 1024
IMPORT_MAX_ROWS = 5_000

# --- CSV import --------------------------------------------------------------------------

# Column headers people use, in the three languages (compared case-insensitively).
HEADERS: dict[str, tuple[str, ...]] = {
    "kind": ("kind", "type", "类型", "類型", "种类", "種類"),
    "company": ("company", "organization", "organisation", "公司", "单位", "單位"),
    "name": ("name", "contact", "contact name", "姓名", "名字", "联系人", "聯絡人"),
    "role": ("role", "title", "job title", "position", "职位", "職位", "角色"),
    "email": ("email", "e-mail", "email address", "邮箱", "电子邮件", "電子郵件", "郵箱"),
    "phone": ("phone", "telephone", "mobile", "电话", "電話", "手机", "手機"),
    "tags": ("tags", "tag", "标签", "標籤"),
    "notes": ("notes", "note", "备注", "備註"),
    "department": ("department", "部门", "部門"),
}

# Words people write in a "kind" column, besides the codes and the labels in each language.
KIND_ALIASES: dict[str, tuple[str, ...]] = {
    "supplier": ("vendor", "供应商", "供應商", "供货商", "供貨商"),
    "manufacturer": ("factory", "制造商", "製造商", "工厂", "工廠", "厂家", "廠家"),
    "marketplace": ("marketplace", "platform", "平台", "平台客户经理", "平台客戶經理"),
    "carrier": ("logistics", "承运商", "承運商", "物流", "快递", "快遞", "货代", "貨代"),
    "service": ("service", "服务商", "服務商"),
    "other": ("其他", "其它"),
}


@dataclass
class ImportRow:
    row_number: int  # as the spreadsheet shows it: the header is row 1
    fields: ContactFields | None
    errors: list[str]
    existing_id: int | None = None  # the contact this row updates (same email)

    @property
    def ok(self) -> bool:
        return not self.errors and self.fields is not None


@dataclass
class ImportPreview:
    rows: list[ImportRow]
    columns: list[str]  # the recognised columns, in the file's order
    ignored_columns: list[str]

    @property
    def valid(self) -> list[ImportRow]:
        return [r for r in self.rows if r.ok]

    @property
    def invalid(self) -> list[ImportRow]:
        return [r for r in self.rows if not r.ok]


@dataclass
class ImportResult:
    created: int
    updated: int
    errors: list[tuple[int, list[str]]]


def decode_csv(raw: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (keel.core.encoding)."""
    return decode_text(raw)


def read_csv(raw: bytes) -> list[tuple[int, dict[str, str]]]:
    """The file's rows as (spreadsheet row number, {header: value}); refuses what is not a
    CSV of contacts. Blank lines are skipped but counted, as a spreadsheet counts them."""
    if len(raw) > IMPORT_MAX_BYTES:
        raise ValidationError(
            _("The file is larger than %(n)s MB.") % {"n": IMPORT_MAX_BYTES // 1024 // 1024},
            code="file_size",
        )
    if b"\x00" in raw[:4096] and not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ValidationError(_("This is not a CSV text file."), code="file_type")
    text = decode_csv(raw)
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect=dialect)
    rows: list[tuple[int, dict[str, str]]] = []
    try:
        header = next(reader, None)
        if not header:
            raise ValidationError(_("The file is empty."), code="empty")
        for number, values in enumerate(reader, start=2):
            if not any(v.strip() for v in values):
                continue
            rows.append((number, dict(zip(header, values, strict=False))))
            if len(rows) > IMPORT_MAX_ROWS:
                raise ValidationError(
                    _("The file has more than %(n)s rows: split it.") % {"n": IMPORT_MAX_ROWS},
                    code="too_many_rows",
                )
    except csv.Error as exc:
        raise ValidationError(_("This file is not a readable CSV file."), code="csv") from exc
    if not rows:
        raise ValidationError(_("The file has a header but no contacts."), code="empty")
    return rows


def _column_map(headers: Sequence[str]) -> tuple[dict[str, str], list[str]]:
    """{file header: field}, and the headers nobody recognised."""
    lookup = {alias.casefold(): name for name, aliases in HEADERS.items() for alias in aliases}
    found: dict[str, str] = {}
    ignored = []
    for header in headers:
        name = lookup.get(header.strip().casefold())
        if name and name not in found.values():
            found[header] = name
        elif header.strip():
            ignored.append(header)
    return found, ignored


def _kind_lookup() -> dict[str, str]:
    """Kind codes and their labels in every language → code."""
    from django.conf import settings

    lookup = {code.casefold(): code for code in ContactKind.values}
    lookup.update({alias: code for code, aliases in KIND_ALIASES.items() for alias in aliases})
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for code, label in ContactKind.choices:
                lookup[str(label).casefold()] = code
    return lookup


def _unformula(value: str) -> str:
    """Undo the export's guard against spreadsheet formulas ('=…)."""
    if value.startswith("'") and value[1:2] in ("=", "+", "-", "@"):
        return value[1:]
    return value


def contacts_import_preview(
    *, actor: Membership, rows_or_file: bytes | Sequence[Mapping[str, str]]
) -> ImportPreview:
    """What importing the file would do, row by row; saves nothing."""
    require(actor, "wiki.contacts_manage")
    rows = (
        read_csv(rows_or_file)
        if isinstance(rows_or_file, bytes)
        else [(index + 2, dict(row)) for index, row in enumerate(rows_or_file)]
    )
    headers = list(rows[0][1].keys()) if rows else []
    columns, ignored = _column_map(headers)
    if "company" not in columns.values() and "name" not in columns.values():
        raise ValidationError(
            _("The file needs a “company” or a “name” column (and may have kind, role, email, "
              "phone, tags, notes, department)."), code="columns",
        )  # fmt: skip
    kinds = _kind_lookup()
    departments = {d.name.casefold(): d for d in Department.objects.in_workspace(actor.workspace)}
    existing = {
        email.casefold(): pk
        for pk, email in Contact.objects.in_workspace(actor.workspace)
        .exclude(email="")
        .values_list("pk", "email")
    }
    seen_emails: dict[str, int] = {}
    result: list[ImportRow] = []
    for row_number, raw_row in rows:
        values = {columns[h]: _unformula((v or "").strip()) for h, v in raw_row.items()
                  if h in columns}  # fmt: skip
        if not any(values.values()):
            continue  # a blank line in a spreadsheet is not a contact
        problems: list[str] = []
        kind_text = values.get("kind", "")
        kind = kinds.get(kind_text.casefold(), "") if kind_text else ContactKind.OTHER
        if not kind:
            problems.append(_("Unknown kind “%(kind)s”.") % {"kind": kind_text[:40]})
            kind = ContactKind.OTHER
        department = None
        if values.get("department"):
            department = departments.get(values["department"].casefold())
            if department is None:
                problems.append(_("No department is called “%(name)s”.") % {
                    "name": values["department"][:80]})  # fmt: skip
        fields = ContactFields(
            kind=kind, company=values.get("company", ""), name=values.get("name", ""),
            role=values.get("role", ""), email=values.get("email", ""),
            phone=values.get("phone", ""), tags=split_tags(values.get("tags", "")),
            notes=values.get("notes", ""), department=department,
        )  # fmt: skip
        cleaned: ContactFields | None = None
        try:
            cleaned = clean_contact(actor, fields)
        except ValidationError as error:
            problems += [str(m) for messages in error.message_dict.values() for m in messages]
        existing_id = None
        if cleaned is not None and cleaned.email:
            key = cleaned.email.casefold()
            if key in seen_emails:
                problems.append(_("The same email address as row %(row)s.") % {
                    "row": seen_emails[key]})  # fmt: skip
            else:
                seen_emails[key] = row_number
            existing_id = existing.get(key)
        result.append(ImportRow(row_number=row_number, fields=cleaned if not problems else None,
                                errors=problems, existing_id=existing_id))  # fmt: skip
    return ImportPreview(rows=result, columns=list(columns.values()), ignored_columns=ignored)


@transaction.atomic
def contacts_import(
    *,
    actor: Membership,
    rows_or_file: bytes | Sequence[Mapping[str, str]],
    keep_valid: bool,
    file_name: str = "",
    context: AuditContext | None = None,
) -> ImportResult:
    """Import the file's contacts in one transaction.

    With `keep_valid` the good rows are saved and the others reported; without it, any bad
    row refuses the whole file (nothing saved). The file is parsed again here, so what is
    written is checked against the directory as it is now, not as it was at the preview.
    """
    preview = contacts_import_preview(actor=actor, rows_or_file=rows_or_file)
    errors = [(row.row_number, row.errors) for row in preview.invalid]
    if errors and not keep_valid:
        raise ValidationError(
            _("%(n)s rows have problems: fix them or import only the good rows.")
            % {"n": len(errors)},
            code="invalid_rows",
        )
    if not preview.valid:
        raise ValidationError(_("No row can be imported."), code="nothing")
    to_update = {
        c.pk: c
        for c in Contact.objects.in_workspace(actor.workspace)
        .select_for_update()
        .filter(pk__in=[r.existing_id for r in preview.valid if r.existing_id])
    }
    created: list[Contact] = []
    updated: list[Contact] = []
    for row in preview.valid:
        assert row.fields is not None
        contact = to_update.get(row.existing_id or 0)
        if contact is None:
            contact = Contact(workspace=actor.workspace, created_by=actor)
            apply_fields(contact, row.fields)
            created.append(contact)
        elif apply_fields(contact, row.fields):
            updated.append(contact)
    Contact.objects.bulk_create(created)
    for contact in updated:
        contact.save()
    audit_event(actor, "wiki.contacts_imported", None, context, created=len(created),
                updated=len(updated), skipped=len(errors), file=file_name[:200])  # fmt: skip
    ids = [c.pk for c in created if c.pk] + [c.pk for c in updated]
    if len(ids) < len(created) + len(updated):  # a backend that returns no ids on bulk_create
        ids = list(Contact.objects.in_workspace(actor.workspace).values_list("pk", flat=True))
    index_contacts(ids, actor.workspace_id)
    return ImportResult(created=len(created), updated=len(updated), errors=errors)
