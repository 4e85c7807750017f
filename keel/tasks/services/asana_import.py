"""Importing an Asana CSV export: `asana_csv.parse` reads and checks the file into a Preview
(nothing is written); `import_confirm` writes the preview's good rows in one transaction, or
nothing. The rows the preview skipped come back in the result, to be listed for fixing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from keel.core.models import AuditEvent, Membership
from keel.core.services import AuditContext, audit_event
from keel.tasks.access import can_manage_project, can_see_project, require_edit_in_project
from keel.tasks.markdown import render_markdown
from keel.tasks.models import (
    Activity,
    Label,
    Project,
    ProjectMember,
    Section,
    Status,
    Task,
    TaskDependency,
    TaskLabel,
)
from keel.tasks.search import index_tasks_later
from keel.tasks.services._common import allocate_task_numbers, task_ref
from keel.tasks.services.asana_csv import Preview, SkippedRow
from keel.tasks.services.tasks import settle_column

# --- Writing -------------------------------------------------------------------------------

_SOFT_BREAK = re.compile(r"(?<=[^\s\\]) ?\n(?=[ \t]*\S)")


def keep_line_breaks(notes: str) -> str:
    """Asana's notes are plain text, where a single newline is a line break; in Markdown it
    is a space. Ending such lines with two spaces (a Markdown hard break, invisible in the
    editor) keeps them as written, now and after any later edit of the description.
    Blank lines stay paragraph breaks; Markdown in the notes (**bold**, lists) still works.
    """
    return _SOFT_BREAK.sub("  \n", notes.replace("\r\n", "\n").replace("\r", "\n"))


def import_new_project(
    *,
    actor: Membership,
    name: str,
    key: str,
    preview: Preview,
    unassign_unknown: bool = False,
    assignee_map: Mapping[str, int] | None = None,
    file_name: str = "",
    context: AuditContext | None = None,
) -> ImportResult:
    """Create the project (managers and above) and import into it: both or neither."""
    from keel.tasks.services.projects import project_create

    with transaction.atomic():
        project = project_create(actor=actor, name=name, key=key, context=context)
        return import_confirm(
            actor=actor, project=project, preview=preview, unassign_unknown=unassign_unknown,
            assignee_map=assignee_map, file_name=file_name, context=context,
        )  # fmt: skip


@dataclass(frozen=True)
class ImportResult:
    project: Project
    tasks: int
    sections: int
    labels: int
    skipped: tuple[SkippedRow, ...] = ()
    dependencies: int = 0
    event_id: int | None = None  # the import's audit event, which the result page reads
    skipped_total: int | None = None  # when more rows were skipped than `skipped` keeps

    @property
    def skipped_count(self) -> int:
        return len(self.skipped) if self.skipped_total is None else self.skipped_total


# Skipped rows kept in the audit event for the result page; the rest are counted.
RESULT_ROWS_KEPT = 200


def import_result(*, actor: Membership, event_id: int) -> ImportResult:
    """The result of an import `actor` made, read back from its audit event, so the result
    page (POST, then redirect here) still shows it on reload. 404 for anyone else's import,
    another workspace's, or a project `actor` no longer sees.
    """
    event = (
        AuditEvent.objects.in_workspace(actor.workspace)
        .filter(pk=event_id, action="tasks.imported", actor_id=actor.user_id)
        .first()
    )
    if event is None or not event.target_id.isdigit():
        raise Http404
    project = Project.objects.in_workspace(actor.workspace).filter(pk=int(event.target_id)).first()
    if project is None or not can_see_project(actor, project):
        raise Http404
    data = event.data
    skipped = tuple(
        SkippedRow(line=int(row["line"]), name=str(row["name"]), problems=list(row["problems"]))
        for row in data.get("rows_not_imported", [])
    )
    return ImportResult(
        project, int(data.get("tasks", 0)), int(data.get("sections_created", 0)),
        int(data.get("labels_created", 0)), skipped=skipped,
        dependencies=int(data.get("dependencies", 0)), event_id=event.pk,
        skipped_total=int(data.get("skipped_rows", len(skipped))),
    )  # fmt: skip


def import_confirm(
    *,
    actor: Membership,
    project: Project,
    preview: Preview,
    unassign_unknown: bool = False,
    assignee_map: Mapping[str, int] | None = None,
    file_name: str = "",
    context: AuditContext | None = None,
) -> ImportResult:
    """Write the good rows of `preview` into `project` in one transaction; refuses a file
    with errors of its own (wrong columns, not CSV…) or without a good row.

    `assignee_map` gives an unknown email (not a member here) a member's id: its tasks are
    assigned to that member. Other unknown emails must be acknowledged (`unassign_unknown`):
    their tasks stay unassigned.
    An assignee who cannot see the project is added to it when the actor manages the
    project; otherwise the import is refused naming them.
    """
    if preview.errors or not preview.rows:
        raise ValidationError(_("Fix the errors in the file first; nothing was imported."))
    preview = _map_assignees(actor, preview, assignee_map or {})
    if preview.unknown_emails and not unassign_unknown:
        raise ValidationError(
            {
                "unassign_unknown": _(
                    "%(emails)s are not members here. Tick “leave unassigned” to import "
                    "their tasks without an assignee, or invite them first."
                )
                % {"emails": ", ".join(preview.unknown_emails[:5])}
            }
        )
    with transaction.atomic():
        # Lock the project: one import at a time hands out its task numbers.
        project = Project.objects.select_for_update().get(pk=project.pk)
        require_edit_in_project(actor, project)
        return _write(actor, project, preview, file_name, context)


def _map_assignees(actor: Membership, preview: Preview, assignee_map: Mapping[str, int]) -> Preview:
    """The preview with the unknown emails of `assignee_map` assigned to those members."""
    unknown = {e.lower() for e in preview.unknown_emails}
    mapping = {e.lower(): pk for e, pk in assignee_map.items() if pk and e.lower() in unknown}
    if not mapping:
        return preview
    members = Membership.objects.in_workspace(actor.workspace).active()
    if set(mapping.values()) - set(
        members.filter(pk__in=mapping.values()).values_list("pk", flat=True)
    ):
        raise ValidationError(_("Choose a member of this workspace for each address."))
    rows = [
        replace(r, assignee_id=mapping[r.assignee_email.lower()])
        if r.assignee_id is None and r.assignee_email.lower() in mapping
        else r
        for r in preview.rows
    ]
    left = [e for e in preview.unknown_emails if e.lower() not in mapping]
    return replace(preview, rows=rows, unknown_emails=left, mapped_emails=len(mapping))


def _write(
    actor: Membership,
    project: Project,
    preview: Preview,
    file_name: str,
    context: AuditContext | None,
) -> ImportResult:
    ws = actor.workspace
    sections = {s.name.lower(): s for s in Section.objects.in_workspace(ws).filter(project=project)}
    position = max((s.position for s in sections.values()), default=-1) + 1
    new_sections = []
    for name in dict.fromkeys(r.section for r in preview.rows if r.section):
        if name.lower() not in sections:
            section = Section(workspace=ws, project=project, name=name, position=position)
            position += 1
            sections[name.lower()] = section
            new_sections.append(section)
    Section.objects.bulk_create(new_sections)

    labels = {label.name.lower(): label for label in Label.objects.in_workspace(ws)}
    new_labels = []
    for name in dict.fromkeys(t for r in preview.rows for t in r.tags):
        if name.lower() not in labels:
            label = Label(workspace=ws, name=name)
            labels[name.lower()] = label
            new_labels.append(label)
    Label.objects.bulk_create(new_labels)

    assignees = {r.assignee_id for r in preview.rows if r.assignee_id}
    _add_assignees_to_project(actor, project, assignees)

    now = timezone.now()
    first = allocate_task_numbers(project.pk, len(preview.rows))
    # Rows without a section go to the first column; done rows to the Done column (as on the
    # board: a card in it is a done task and a done task is a card in it).
    columns = sorted(sections.values(), key=lambda s: s.position)
    default_section = next((s for s in columns if not s.done), None)
    done_section = next((s for s in columns if s.done), None)
    tasks: list[Task] = []
    for offset, row in enumerate(preview.rows):
        notes = keep_line_breaks(row.notes)
        column = sections.get(row.section.lower()) if row.section else default_section
        column = settle_column(
            Status.DONE if row.done else Status.TODO, column,
            done=done_section, first=default_section,
        )  # fmt: skip
        tasks.append(
            Task(
                workspace=ws,
                project=project,
                number=first + offset,
                title=row.name,
                description=notes,
                description_html=render_markdown(notes),
                section=column,
                position=float(offset + 1),
                status=Status.DONE if row.done else Status.TODO,
                assignee_id=row.assignee_id,
                start_date=row.start,
                due_date=row.due,
                completed_at=row.completed_at,
                created_by=actor,
                created_at=row.created_at or now,
            )
        )
    Task.objects.bulk_create(tasks, batch_size=500)
    index_tasks_later(tasks, actor.workspace_id)

    by_line = {row.line: task for row, task in zip(preview.rows, tasks, strict=True)}
    children = []
    for row, task in zip(preview.rows, tasks, strict=True):
        if row.parent_line is not None:
            task.parent = by_line[row.parent_line]
            children.append(task)
    Task.objects.bulk_update(children, ["parent"], batch_size=500)
    # New tasks only, and the preview already refused self-waits, repeats and loops: the
    # dependencies and their activity rows go in bulk, as task_add_dependency would write them.
    pairs = [(by_line[waiting], by_line[blocker]) for waiting, blocker in preview.dependencies]
    TaskDependency.objects.bulk_create(
        [TaskDependency(workspace=ws, task=task, blocked_by=blocker) for task, blocker in pairs],
        batch_size=500,
    )
    TaskLabel.objects.bulk_create(
        [
            TaskLabel(workspace=ws, task=task, label=labels[tag.lower()])
            for row, task in zip(preview.rows, tasks, strict=True)
            for tag in row.tags
        ],
        batch_size=500,
    )
    Activity.objects.bulk_create(
        [
            Activity(
                workspace=ws,
                task=task,
                actor=actor,
                verb="changed",
                data={"field": "blocked_by", "from": None, "to": task_ref(blocker)},
            )
            for task, blocker in pairs
        ]
        + [
            Activity(
                workspace=ws,
                task=task,
                actor=actor,
                verb="imported",
                data={"source": "asana", "asana_id": row.task_id, "line": row.line},
            )
            for row, task in zip(preview.rows, tasks, strict=True)
        ],
        batch_size=500,
    )
    event = audit_event(
        actor, "tasks.imported", project, context,
        source="asana", file=file_name[:120], tasks=len(tasks), subtasks=len(children),
        sections_created=len(new_sections), labels_created=len(new_labels),
        unassigned_emails=len(preview.unknown_emails), mapped_emails=preview.mapped_emails,
        skipped_rows=len(preview.skipped),
        dependencies=len(preview.dependencies),
        # The result page is read back from here (it survives a reload): the rows left out.
        rows_not_imported=[
            {"line": s.line, "name": s.name[:200], "problems": list(s.problems)}
            for s in preview.skipped[:RESULT_ROWS_KEPT]
        ],
    )  # fmt: skip
    return ImportResult(
        project, len(tasks), len(new_sections), len(new_labels),
        skipped=tuple(preview.skipped), dependencies=len(preview.dependencies),
        event_id=event.pk,
    )  # fmt: skip


def _add_assignees_to_project(actor: Membership, project: Project, ids: Iterable[int]) -> None:
    wanted = set(ids)
    if not wanted:
        return
    people = Membership.objects.in_workspace(actor.workspace).filter(pk__in=wanted)
    blind = [m for m in people.select_related("user") if not can_see_project(m, project)]
    if not blind:
        return
    if not can_manage_project(actor, project):
        raise ValidationError(
            _("%(names)s cannot see this project. Ask its manager to add them, then import.")
            % {"names": ", ".join(m.user.email for m in blind[:5])}
        )
    ProjectMember.objects.bulk_create(
        [ProjectMember(workspace=actor.workspace, project=project, membership=m) for m in blind],
        ignore_conflicts=True,
    )
