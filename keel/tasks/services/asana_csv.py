"""Reading an Asana CSV export: `parse` reads and checks the file into a Preview, with every
problem by the spreadsheet's row number; nothing is written (services.asana_import writes a
Preview).

Rows are numbered as Excel or Sheets shows them: the header is row 1, the first task row 2,
one row per CSV record (a quoted cell spanning several lines is still one row). A problem in
the file as a whole (not CSV, wrong columns, too large) refuses it; a problem in a row skips
that row only (and its subtasks), and the preview lists it so the good rows can be imported.

Asana's export columns: Task ID, Created At, Completed At, Last Modified, Name,
Section/Column, Assignee, Assignee Email, Start Date, Due Date, Tags, Notes, Projects,
Parent task, Blocked By (Dependencies), Blocking (Dependencies). Other columns are ignored.
Only Name is required. People are matched by Assignee Email to active members; parents and
dependencies by Task ID, else by Name, within the same file.
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

from keel.core.encoding import decode_text
from keel.core.models import Membership
from keel.tasks.models import Label, Project, Section
from keel.tasks.services import asana_links
from keel.tasks.services._common import workspace_tz

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 10_000
REQUIRED = ("Name",)
KNOWN_COLUMNS = (
    "Task ID", "Created At", "Completed At", "Last Modified", "Name", "Section/Column",
    "Assignee", "Assignee Email", "Start Date", "Due Date", "Tags", "Notes", "Projects",
    "Parent task", "Blocked By (Dependencies)", "Blocking (Dependencies)",
)  # fmt: skip
# Limits of the model fields the values land in.
TITLE_MAX, SECTION_MAX, LABEL_MAX = 300, 80, 40


@dataclass
class LineError:
    line: int  # the row; 1 = the header row; 0 = the file as a whole
    message: str


@dataclass
class SkippedRow:
    """A row with problems: not imported, listed in the preview and on the result page."""

    line: int
    name: str
    problems: list[str]


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
    parent_line: int | None = None  # the parent's row, once resolved
    blocked_by: str = ""  # Asana's Blocked By (Dependencies): names or ids, comma-separated
    blocking: str = ""  # Blocking (Dependencies)
    problems: list[str] = field(default_factory=list)

    @property
    def done(self) -> bool:
        return self.completed_at is not None


@dataclass
class Preview:
    rows: list[ImportRow] = field(default_factory=list)  # the rows that will be imported
    errors: list[LineError] = field(default_factory=list)  # the file's: nothing is imported
    skipped: list[SkippedRow] = field(default_factory=list)
    warnings: list[LineError] = field(default_factory=list)  # imported anyway
    dependencies: list[tuple[int, int]] = field(default_factory=list)  # (row, blocked by row)
    columns: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    sections_new: list[str] = field(default_factory=list)
    sections_existing: list[str] = field(default_factory=list)
    labels_new: list[str] = field(default_factory=list)
    labels_existing: list[str] = field(default_factory=list)
    people: list[tuple[str, str]] = field(default_factory=list)  # (email, member's name)
    unknown_emails: list[str] = field(default_factory=list)
    mapped_emails: int = 0  # unknown emails given a member at confirm (asana_import)
    project_names: list[str] = field(default_factory=list)  # the Projects column's values

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def importable(self) -> bool:
        """No problem with the file as a whole and at least one good row."""
        return not self.errors and bool(self.rows)

    @property
    def subtasks(self) -> int:
        return sum(1 for r in self.rows if r.parent_line is not None)

    @property
    def completed(self) -> int:
        return sum(1 for r in self.rows if r.done)


# --- Reading the file ----------------------------------------------------------------------


def decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (keel.core.encoding)."""
    return decode_text(raw)


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


def _not_a_date(column: str, value: str) -> str:
    return _("%(column)s “%(value)s” is not a date (YYYY-MM-DD)") % {
        "column": column, "value": value[:40],
    }  # fmt: skip


def _date(value: str, column: str, problems: list[str]) -> datetime.date | None:
    value = value.strip()
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        problems.append(_not_a_date(column, value))
        return None


def _moment(
    value: str, column: str, problems: list[str], tz: datetime.tzinfo
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
        problems.append(_not_a_date(column, value))
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
    rows: list[ImportRow] = []
    line = 1  # the header's row; each CSV record is the next row, however many lines it spans
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            errors.append(
                LineError(line + 1, _("Line %(line)d is not valid CSV: %(e)s")
                          % {"line": line + 1, "e": exc})
            )  # fmt: skip
            break
        line += 1
        if not any(cell.strip() for cell in record):
            continue
        if len(rows) >= MAX_ROWS:
            errors.append(
                LineError(line, _("The file has more than %(max)d tasks. Split it and import "
                                  "each part.") % {"max": MAX_ROWS})
            )  # fmt: skip
            break

        def cell(name: str, record: list[str] = record) -> str:
            i = index.get(name)
            return record[i].strip() if i is not None and i < len(record) else ""

        problems: list[str] = []
        name = cell("Name")
        if not name:
            problems.append(_("no name"))
        elif len(name) > TITLE_MAX:
            problems.append(_("name longer than %(max)d characters") % {"max": TITLE_MAX})
        section = cell("Section/Column")
        if len(section) > SECTION_MAX:
            problems.append(
                _("Section/Column longer than %(max)d characters") % {"max": SECTION_MAX}
            )
        start = _date(cell("Start Date"), "Start Date", problems)
        due = _date(cell("Due Date"), "Due Date", problems)
        if start and due and start > due:
            problems.append(
                _("due before start (start %(start)s, due %(due)s)") % {"start": start, "due": due}
            )
        tags = _split_tags(cell("Tags"))
        for tag in tags:
            if len(tag) > LABEL_MAX:
                problems.append(
                    _("tag “%(tag)s…” longer than %(max)d characters")
                    % {"tag": tag[:20], "max": LABEL_MAX}
                )
        email = cell("Assignee Email")
        member = people.get(email.lower()) if email else None
        if cell("Projects"):
            projects.setdefault(cell("Projects").split(",")[0].strip(), None)
        rows.append(
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
                created_at=_moment(cell("Created At"), "Created At", problems, tz),
                completed_at=_moment(cell("Completed At"), "Completed At", problems, tz),
                tags=tags,
                notes=cell("Notes"),
                parent_ref=cell("Parent task"),
                blocked_by=cell("Blocked By (Dependencies)"),
                blocking=cell("Blocking (Dependencies)"),
                problems=problems,
            )
        )
    if not rows and not errors:
        errors.append(LineError(0, _("The file has the right columns but no tasks.")))
    preview.project_names = [p for p in projects if p]
    asana_links.resolve_parents(rows)
    _skip_bad_rows(preview, rows)
    preview.dependencies, warnings = asana_links.resolve_dependencies(rows, preview.rows)
    preview.warnings = [LineError(line, message) for line, message in warnings]
    for row in preview.rows:
        email = row.assignee_email
        if email and row.assignee_id is None and email not in preview.unknown_emails:
            preview.unknown_emails.append(email)
    _map_names(preview, actor=actor, project=project, people=people)
    preview.errors.sort(key=lambda e: e.line)
    return preview


def _skip_bad_rows(preview: Preview, rows: list[ImportRow]) -> None:
    """Keep the good rows; a row with problems is skipped, and so are its subtasks."""
    by_line = {r.line: r for r in rows}
    bad = {r.line for r in rows if r.problems}
    changed = True
    while changed:  # subtasks of subtasks
        changed = False
        for row in rows:
            if row.line not in bad and row.parent_line in bad:
                row.problems.append(
                    _("its parent task (row %(row)d) is skipped") % {"row": row.parent_line}
                )
                bad.add(row.line)
                changed = True
    preview.rows = [r for r in rows if r.line not in bad]
    preview.skipped = [
        SkippedRow(line, by_line[line].name, by_line[line].problems) for line in sorted(bad)
    ]


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
