"""How the rows of an Asana export point at each other: parent tasks and dependencies
(Blocked By / Blocking), by Task ID, else by a name that only one row has. Pure: rows in,
rows' links and problems out (services.asana_csv reads the rows)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from keel.tasks.services.dependencies import reaches

if TYPE_CHECKING:
    from keel.tasks.services.asana_csv import ImportRow


def resolve_parents(rows: list[ImportRow]) -> None:
    """Set each row's `parent_line` from its Parent task (a Task ID, else a unique name);
    a reference that cannot be resolved, or a loop, is a problem of the row."""
    by_id = {r.task_id: r for r in rows if r.task_id}
    by_name: dict[str, list[ImportRow]] = {}
    for r in rows:
        by_name.setdefault(r.name, []).append(r)
    for row in rows:
        ref = row.parent_ref
        if not ref:
            continue
        parent = by_id.get(ref)
        if parent is None:
            named = by_name.get(ref, [])
            if len(named) > 1:
                row.problems.append(
                    _("parent task “%(ref)s” matches several rows (%(rows)s)")
                    % {"ref": ref[:80], "rows": ", ".join(str(r.line) for r in named)}
                )
                continue
            parent = named[0] if named else None
        if parent is None:
            row.problems.append(_("parent task “%(ref)s” is not in the file") % {"ref": ref[:80]})
        elif parent is row:
            row.problems.append(_("its own parent task"))
        else:
            row.parent_line = parent.line
    # A loop of parents (A under B under A) cannot be imported.
    parent_of = {r.line: r.parent_line for r in rows if r.parent_line}
    for row in rows:
        seen = {row.line}
        current = parent_of.get(row.line)
        while current is not None:
            if current in seen:
                row.problems.append(_("its parent tasks form a loop"))
                break
            seen.add(current)
            current = parent_of.get(current)


def _split_refs(value: str, known: set[str]) -> list[str]:
    """Comma-separated task names or ids; a name that itself has commas is kept whole."""
    parts = [p.strip() for p in value.split(",")]
    refs: list[str] = []
    i = 0
    while i < len(parts):
        found = next(
            (
                (sep.join(parts[i:j]), j)
                for j in range(len(parts), i + 1, -1)
                for sep in (", ", ",")
                if sep.join(parts[i:j]) in known
            ),
            (parts[i], i + 1),
        )
        refs.append(found[0])
        i = found[1]
    return [r for r in refs if r]


def resolve_dependencies(
    rows: list[ImportRow], imported: list[ImportRow]
) -> tuple[list[tuple[int, int]], list[tuple[int, str]]]:
    """Blocked By / Blocking (Dependencies) → (row, blocked by row) between imported rows,
    and the warnings, as (row, message).

    A reference that names no task of the file, several, a skipped row, the row itself, or
    closes a loop is a warning: the task is imported without that dependency.
    """
    by_id = {r.task_id: r for r in rows if r.task_id}
    by_name: dict[str, list[ImportRow]] = {}
    for r in rows:
        if r.name:
            by_name.setdefault(r.name, []).append(r)
    known = set(by_id) | set(by_name)
    good = {r.line for r in imported}
    edges: dict[int, set[int]] = {}
    dependencies: list[tuple[int, int]] = []
    warnings: list[tuple[int, str]] = []

    def find(row: ImportRow, ref: str) -> ImportRow | None:
        target = by_id.get(ref)
        named = by_name.get(ref, [])
        if target is None and len(named) == 1:
            target = named[0]
        message = None
        if target is None and named:
            message = _("dependency “%(ref)s” matches several rows (%(rows)s)") % {
                "ref": ref[:80], "rows": ", ".join(str(r.line) for r in named),
            }  # fmt: skip
        elif target is None:
            message = _("dependency “%(ref)s” is not in the file") % {"ref": ref[:80]}
        elif target.line not in good:
            message = _("dependency “%(ref)s” (row %(row)d) is skipped") % {
                "ref": ref[:80], "row": target.line,
            }  # fmt: skip
        elif target is row:
            message = _("a task cannot wait for itself")
        if message:
            warnings.append((row.line, message))
            return None
        return target

    def add(row: ImportRow, waiting: ImportRow, blocker: ImportRow) -> None:
        if blocker.line in edges.get(waiting.line, set()):
            return
        if reaches(edges, blocker.line, waiting.line):
            other = blocker if row is waiting else waiting
            warnings.append(
                (row.line, _("the dependency on row %(row)d would be a loop") % {"row": other.line})
            )
            return
        edges.setdefault(waiting.line, set()).add(blocker.line)
        dependencies.append((waiting.line, blocker.line))

    for row in imported:
        for ref in _split_refs(row.blocked_by, known):
            if (blocker := find(row, ref)) is not None:
                add(row, row, blocker)
        for ref in _split_refs(row.blocking, known):
            if (waiting := find(row, ref)) is not None:
                add(row, waiting, row)
    warnings.sort(key=lambda w: w[0])
    return dependencies, warnings
