"""CSV export of a project's task list with the list page's filters and sort.

Rows are read page by page through `selectors.tasks_for_list` (keyset pagination, a fixed
number of queries per page) and streamed, so a 100,000-task export never sits in memory.
The file starts with a UTF-8 BOM so Excel opens Chinese text correctly, and every cell that
a spreadsheet would run as a formula is defused with a leading apostrophe.
"""

from __future__ import annotations

import csv
import datetime
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from keel.tasks import selectors
from keel.tasks.models import Priority, Status
from keel.tasks.services._common import display_name

if TYPE_CHECKING:
    from keel.core.models import Membership
    from keel.tasks.models import Project, Task

BOM = "\ufeff"
EXPORT_PAGE = 200  # selectors.MAX_LIMIT
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def columns() -> list[str]:
    return [
        _("Key"), _("Title"), _("Section"), _("Status"), _("Assignee"), _("Seat"), _("Start"),
        _("Due"), _("Priority"), _("Labels"), _("Completed"), _("Created"),
    ]  # fmt: skip


def safe_cell(value: Any) -> str:
    """A cell's text, defused: "=HYPERLINK(…)" becomes "'=HYPERLINK(…)" (OWASP CSV injection)."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_START):
        return "'" + text
    return text


class _Echo:
    """csv.writer writes into this and gets the line back, for streaming."""

    def write(self, value: str) -> str:
        return value


def _when(value: datetime.datetime | None, tz: datetime.tzinfo) -> str:
    if value is None:
        return ""
    return timezone.localtime(value, tz).strftime("%Y-%m-%d %H:%M")


def _day(day: datetime.date | None, moment: datetime.datetime | None, tz: Any) -> str:
    if moment is not None:
        return _when(moment, tz)
    return day.isoformat() if day else ""


def task_row(task: Task, tz: datetime.tzinfo) -> list[str]:
    statuses, priorities = dict(Status.choices), dict(Priority.choices)
    who = selectors.task_assignee(task)
    seat = task.assignee_seat.title if task.assignee_seat_id and task.assignee_seat else ""
    cells = [
        f"{task.project.key}-{task.number}",
        task.title,
        task.section.name if task.section_id and task.section else "",
        statuses.get(task.status, task.status),
        display_name(who),
        seat,
        _day(task.start_date, task.start_at, tz),
        _day(task.due_date, task.due_at, tz),
        priorities.get(task.priority, task.priority) if task.priority else "",
        ", ".join(label.name for label in task.labels.all()),
        _when(task.completed_at, tz),
        _when(task.created_at, tz),
    ]
    return [safe_cell(c) for c in cells]


def export_rows(
    *, membership: Membership, project: Project, filters: Any, sort: str
) -> Iterator[str]:
    """CSV lines (BOM first): the header, then every task the list shows, in its order.

    Runs lazily inside the streaming response, after the middleware has reset the language
    and time zone, so both are captured now and re-applied while the rows are written.
    """
    language = translation.get_language()
    tz = timezone.get_current_timezone()

    def generate() -> Iterator[str]:
        writer = csv.writer(_Echo())
        with translation.override(language):
            yield BOM + writer.writerow(columns())
            cursor: str | None = None
            while True:
                page = selectors.tasks_for_list(
                    membership=membership, project=project, filters=filters, sort=sort,
                    cursor=cursor, limit=EXPORT_PAGE,
                )  # fmt: skip
                for task in page.tasks:
                    yield writer.writerow(task_row(task, tz))
                cursor = page.next_cursor
                if not cursor:
                    break

    return generate()
