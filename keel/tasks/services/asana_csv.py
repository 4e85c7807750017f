"""Reading an Asana CSV export: `parse` reads and checks the file into a Preview, with every
problem by line number; nothing is written (services.asana_import writes a Preview).

Asana's export columns: Task ID, Created At, Completed At, Last Modified, Name,
Section/Column, Assignee, Assignee Email, Start Date, Due Date, Tags, Notes, Projects,
Parent task. Other columns are ignored. Only Name is required. People are matched by Assignee
Email to active members; parents by Task ID, else by Name, within the same file.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import io
from dataclasses import dataclass, field
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from keel.core.models import Membership
from keel.tasks.models import Label, Project, Section
from keel.tasks.services._common import workspace_tz

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 10_000
REQUIRED = ("Name",)
KNOWN_COLUMNS = (
    "Task ID", "Created At", "Completed At", "Last Modified", "Name", "Section/Column",
    "Assignee", "Assignee Email", "Start Date", "Due Date", "Tags", "Notes", "Projects",
    "Parent task",
)  # fmt: skip
# Limits of the model fields the values land in.
TITLE_MAX, SECTION_MAX, LABEL_MAX = 300, 80, 40


@dataclass
class LineError:
    line: int  # 1 = the header row; 0 = the file as a whole
    message: str


@dataclass
class ImportRow:
    line: int
    task_id: str
    name: str
    section: str
    assignee_name: str
    assignee_email: str
    assignee_id: int | None
    start: datetime.date | None
    due: datetime.date | None
    created_at: datetime.datetime | None
    completed_at: datetime.datetime | None
    tags: list[str]
    notes: str
    parent_ref: str
    parent_line: int | None = None  # the parent's line, once resolved

    @property
    def done(self) -> bool:
        return self.completed_at is not None


@dataclass
class Preview:
    rows: list[ImportRow] = field(default_factory=list)
    errors: list[LineError] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    sections_new: list[str] = field(default_factory=list)
    sections_existing: list[str] = field(default_factory=list)
    labels_new: list[str] = field(default_factory=list)
    labels_existing: list[str] = field(default_factory=list)
    people: list[tuple[str, str]] = field(default_factory=list)  # (email, member's name)
    unknown_emails: list[str] = field(default_factory=list)
    project_names: list[str] = field(default_factory=list)  # the Projects column's values

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def subtasks(self) -> int:
        return sum(1 for r in self.rows if r.parent_line is not None)

    @property
    def completed(self) -> int:
        return sum(1 for r in self.rows if r.done)


# --- Reading the file ----------------------------------------------------------------------


def decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (Chinese Excel)."""
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8) :].decode("utf-8")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            _("The file is not text in UTF-8 or GB18030. Save it as “CSV UTF-8” and try again."),
            code="encoding",
        ) from exc


def check_upload(name: str, size: int) -> None:
    """The file's name and size, before reading it."""
    if not name.lower().endswith(".csv"):
        raise ValidationError(
            _("Choose a .csv file (Asana: Export/Print → CSV)."), code="file_type"
        )
    if size > MAX_BYTES:
        raise ValidationError(
            _("The file is %(size)s MB; the limit is %(limit)s MB.")
            % {"size": f"{size / 1024 / 1024:.1f}", "limit": MAX_BYTES // 1024 // 1024},
            code="file_size",
        )


def read_upload(upload: IO[bytes] | Any) -> bytes:
    """At most MAX_BYTES + 1 bytes, so an oversized file is refused without reading it all."""
    raw = upload.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        check_upload(".csv", len(raw))
    if b"\x00" in raw[:4096] and not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ValidationError(_("This is not a CSV text file."), code="file_type")
    return bytes(raw)


def _date(value: str, column: str, line: int, errors: list[LineError]) -> datetime.date | None:
    value = value.strip()
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        errors.append(
            LineError(
                line,
                _("%(column)s on line %(line)d: “%(value)s” is not a date (YYYY-MM-DD).")
                % {"column": column, "line": line, "value": value[:40]},
            )
        )
        return None


def _moment(
    value: str, column: str, line: int, errors: list[LineError], tz: datetime.tzinfo
) -> datetime.datetime | None:
    """A date (→ midnight in the workspace's zone) or an ISO date-time (naive → that zone)."""
    value = value.strip()
    if not value:
        return None
    try:
        if len(value) <= 10:
            day = datetime.date.fromisoformat(value)
            return datetime.datetime.combine(day, datetime.time(), tzinfo=tz)
        moment = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        errors.append(
            LineError(
                line,
                _("%(column)s on line %(line)d: “%(value)s” is not a date (YYYY-MM-DD).")
                % {"column": column, "line": line, "value": value[:40]},
            )
        )
        return None
    return moment if timezone.is_aware(moment) else moment.replace(tzinfo=tz)


def _split_tags(value: str) -> list[str]:
    seen: dict[str, str] = {}
    for part in value.split(","):
        name = part.strip()
        if name and name.lower() not in seen:
            seen[name.lower()] = name
    return list(seen.values())


def parse(raw: bytes | str, *, actor: Membership, project: Project | None = None) -> Preview:
    """Read an Asana CSV into a Preview with every problem found, by line number.

    `project` is the project imported into (its sections count as existing); None for a new
    project. Reads the database only to map people, sections and labels.
    """
    preview = Preview()
    text = decode(raw) if isinstance(raw, bytes) else raw.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        preview.errors.append(LineError(0, _("The file is empty.")))
        return preview
    except csv.Error as exc:
        preview.errors.append(LineError(1, _("Line 1 is not valid CSV: %(e)s") % {"e": exc}))
        return preview
    columns = [c.strip() for c in header]
    preview.columns = columns
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        preview.errors.append(
            LineError(
                1,
                ngettext(
                    "The file has no %(missing)s column, so it is not an Asana export. "
                    "Expected columns such as %(expected)s; found: %(found)s.",
                    "The file lacks the columns %(missing)s, so it is not an Asana export. "
                    "Expected columns such as %(expected)s; found: %(found)s.",
                    len(missing),
                )
                % {
                    "missing": ", ".join(missing),
                    "expected": ", ".join(KNOWN_COLUMNS[:12]),
                    "found": ", ".join(c for c in columns if c)[:300] or "—",
                },
            )
        )
        return preview
    index = {name: i for i, name in reversed(list(enumerate(columns)))}
    preview.ignored_columns = [c for c in columns if c and c not in KNOWN_COLUMNS]
    tz = workspace_tz(actor.workspace)
    errors = preview.errors

    people = {
        m.user.email.lower(): m
        for m in Membership.objects.in_workspace(actor.workspace).active().select_related("user")
    }
    projects: dict[str, None] = {}
    line = 1
    while True:
        start_line = reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            errors.append(
                LineError(start_line, _("Line %(line)d is not valid CSV: %(e)s")
                          % {"line": start_line, "e": exc})
            )  # fmt: skip
            break
        line = start_line
        if not any(cell.strip() for cell in record):
            continue
        if len(preview.rows) >= MAX_ROWS:
            errors.append(
                LineError(line, _("The file has more than %(max)d tasks. Split it and import "
                                  "each part.") % {"max": MAX_ROWS})
            )  # fmt: skip
            break

        def cell(name: str, record: list[str] = record) -> str:
            i = index.get(name)
            return record[i].strip() if i is not None and i < len(record) else ""

        name = cell("Name")
        if not name:
            errors.append(LineError(line, _("Name on line %(line)d is empty.") % {"line": line}))
        elif len(name) > TITLE_MAX:
            errors.append(
                LineError(line, _("Name on line %(line)d is longer than %(max)d characters.")
                          % {"line": line, "max": TITLE_MAX})
            )  # fmt: skip
        section = cell("Section/Column")
        if len(section) > SECTION_MAX:
            errors.append(
                LineError(line, _("Section/Column on line %(line)d is longer than %(max)d "
                                  "characters.") % {"line": line, "max": SECTION_MAX})
            )  # fmt: skip
        start = _date(cell("Start Date"), "Start Date", line, errors)
        due = _date(cell("Due Date"), "Due Date", line, errors)
        if start and due and start > due:
            errors.append(
                LineError(line, _("Line %(line)d: the start date %(start)s is after the due "
                                  "date %(due)s.") % {"line": line, "start": start, "due": due})
            )  # fmt: skip
        tags = _split_tags(cell("Tags"))
        for tag in tags:
            if len(tag) > LABEL_MAX:
                errors.append(
                    LineError(line, _("Tag “%(tag)s…” on line %(line)d is longer than %(max)d "
                                      "characters.") % {"tag": tag[:20], "line": line,
                                                        "max": LABEL_MAX})
                )  # fmt: skip
        email = cell("Assignee Email")
        member = people.get(email.lower()) if email else None
        if email and member is None and email not in preview.unknown_emails:
            preview.unknown_emails.append(email)
        if cell("Projects"):
            projects.setdefault(cell("Projects").split(",")[0].strip(), None)
        preview.rows.append(
            ImportRow(
                line=line,
                task_id=cell("Task ID"),
                name=name,
                section=section,
                assignee_name=cell("Assignee"),
                assignee_email=email,
                assignee_id=member.pk if member else None,
                start=start,
                due=due,
                created_at=_moment(cell("Created At"), "Created At", line, errors, tz),
                completed_at=_moment(cell("Completed At"), "Completed At", line, errors, tz),
                tags=tags,
                notes=cell("Notes"),
                parent_ref=cell("Parent task"),
            )
        )
    if not preview.rows and not errors:
        errors.append(LineError(0, _("The file has the right columns but no tasks.")))
    preview.project_names = [p for p in projects if p]
    _resolve_parents(preview)
    _map_names(preview, actor=actor, project=project, people=people)
    preview.errors.sort(key=lambda e: e.line)
    return preview


def _resolve_parents(preview: Preview) -> None:
    by_id = {r.task_id: r for r in preview.rows if r.task_id}
    by_name: dict[str, list[ImportRow]] = {}
    for r in preview.rows:
        by_name.setdefault(r.name, []).append(r)
    for row in preview.rows:
        ref = row.parent_ref
        if not ref:
            continue
        parent = by_id.get(ref)
        if parent is None:
            named = by_name.get(ref, [])
            if len(named) > 1:
                preview.errors.append(
                    LineError(row.line, _("Parent task on line %(line)d: “%(ref)s” matches "
                                          "several tasks (lines %(lines)s).") % {
                        "line": row.line, "ref": ref[:80],
                        "lines": ", ".join(str(r.line) for r in named)})
                )  # fmt: skip
                continue
            parent = named[0] if named else None
        if parent is None:
            preview.errors.append(
                LineError(row.line, _("Parent task on line %(line)d: “%(ref)s” is not in the "
                                      "file.") % {"line": row.line, "ref": ref[:80]})
            )  # fmt: skip
        elif parent is row:
            preview.errors.append(
                LineError(row.line, _("Line %(line)d is its own parent task.")
                          % {"line": row.line})
            )  # fmt: skip
        else:
            row.parent_line = parent.line
    # A loop of parents (A under B under A) cannot be imported.
    parent_of = {r.line: r.parent_line for r in preview.rows if r.parent_line}
    for row in preview.rows:
        seen = {row.line}
        current = parent_of.get(row.line)
        while current is not None:
            if current in seen:
                preview.errors.append(
                    LineError(row.line, _("Line %(line)d: its parent tasks form a loop.")
                              % {"line": row.line})
                )  # fmt: skip
                break
            seen.add(current)
            current = parent_of.get(current)


def _map_names(
    preview: Preview, *, actor: Membership, project: Project | None, people: dict[str, Membership]
) -> None:
    sections = list(dict.fromkeys(r.section for r in preview.rows if r.section))
    existing_sections: set[str] = set()
    if project is not None:
        existing_sections = {
            s.lower()
            for s in Section.objects.in_workspace(actor.workspace)
            .filter(project=project)
            .values_list("name", flat=True)
        }
    preview.sections_existing = [s for s in sections if s.lower() in existing_sections]
    preview.sections_new = [s for s in sections if s.lower() not in existing_sections]
    tags = list(dict.fromkeys(t for r in preview.rows for t in r.tags))
    existing_labels = {
        n.lower()
        for n in Label.objects.in_workspace(actor.workspace).values_list("name", flat=True)
    }
    preview.labels_existing = [t for t in tags if t.lower() in existing_labels]
    preview.labels_new = [t for t in tags if t.lower() not in existing_labels]
    emails = dict.fromkeys(r.assignee_email.lower() for r in preview.rows if r.assignee_id)
    preview.people = [
        (people[e].user.email, people[e].user.full_name or people[e].user.email) for e in emails
    ]
