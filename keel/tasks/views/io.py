"""Import an Asana CSV (upload → preview → confirm) and export a task list as CSV.

Between preview and confirm the uploaded file waits in default_storage under a random name
(`imports/<token>.csv`); the session maps the token to the member, the target project and
the file, so only the member who uploaded it can confirm or cancel it. Confirm parses the
file again (people or sections may have changed meanwhile) and imports its good rows; rows
with problems are skipped, listed by row number in the preview and again on the result page.
Confirm and cancel delete the file. A file with no good row, or with a problem of its own
(not CSV, wrong columns), is never stored. The preview offers a member for each assignee
address that is not one (`assign:<email>` selects in the confirm form).
Files left behind by abandoned previews are swept after a day on the next upload.
"""

from __future__ import annotations

import datetime
import re
import secrets
from collections.abc import Sequence
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from keel.core.middleware import request_membership
from keel.core.models import Membership
from keel.core.services import AuditContext, audit_event
from keel.core.uploads import delete_stale_files
from keel.tasks import access, selectors
from keel.tasks.forms import SORTS, Pickers, ProjectKeyField, TaskFilterForm
from keel.tasks.models import Project
from keel.tasks.selectors.export import export_rows
from keel.tasks.services import asana_csv, asana_import
from keel.tasks.views.common import can_create_projects, render_page
from keel.tasks.views.list import filters_from

SESSION_KEY = "tasks_imports"
UPLOAD_DIR = "imports"
STALE_AFTER = datetime.timedelta(days=1)
TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
ASSIGN_FIELD = "assign:"  # + an unknown email: the member (id) its tasks go to


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Asana CSV export"),
        help_text=gettext_lazy(
            "In Asana: the project's menu → Export/Print → CSV. Up to 5 MB, UTF-8 or GB18030."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self) -> bytes:
        upload = self.cleaned_data["file"]
        asana_csv.check_upload(upload.name, upload.size)
        raw = asana_csv.read_upload(upload)
        asana_csv.decode(raw)  # an undecodable file is a field error, not a preview
        self.file_name = upload.name
        return raw


class ImportNewProjectForm(ImportUploadForm):
    name = forms.CharField(label=gettext_lazy("Project name"), max_length=120)
    key = ProjectKeyField()
    field_order = ["name", "key", "file"]


# --- The uploaded file between preview and confirm -----------------------------------------


def _path(token: str) -> str:
    return f"{UPLOAD_DIR}/{token}.csv"


def _pending(request: HttpRequest) -> dict[str, dict[str, Any]]:
    return dict(request.session.get(SESSION_KEY, {}))


def _store(request: HttpRequest, raw: bytes, entry: dict[str, Any]) -> str:
    token = secrets.token_urlsafe(24)
    default_storage.save(_path(token), ContentFile(raw))
    pending = _pending(request)
    pending[token] = {**entry, "created": timezone.now().isoformat()}
    request.session[SESSION_KEY] = pending
    return token


def _take(request: HttpRequest, token: str, actor: Membership) -> dict[str, Any]:
    """The pending import `token` of this member in this session, else 404-like refusal."""
    entry = _pending(request).get(token) if TOKEN_RE.match(token or "") else None
    if entry is None or entry.get("membership") != actor.pk:
        raise PermissionDenied(_("This import has expired. Upload the file again."))
    return entry


def _discard(request: HttpRequest, token: str) -> None:
    pending = _pending(request)
    pending.pop(token, None)
    request.session[SESSION_KEY] = pending
    if TOKEN_RE.match(token or ""):
        default_storage.delete(_path(token))


def _sweep(request: HttpRequest) -> None:
    """Forget this session's stale previews and delete any abandoned upload older than a day."""
    cutoff = timezone.now() - STALE_AFTER
    pending = _pending(request)
    for token, entry in list(pending.items()):
        if datetime.datetime.fromisoformat(entry["created"]) < cutoff:
            _discard(request, token)
    delete_stale_files(UPLOAD_DIR, STALE_AFTER)


# --- Pages ---------------------------------------------------------------------------------


def _editable(actor: Membership, project_id: int) -> Project:
    project: Project = selectors.get_project_for(actor, project_id)
    if not access.can_edit_in_project(actor, project):
        raise PermissionDenied(_("You cannot add tasks to this project."))
    return project


def skip_summary(
    done: str, skipped: Sequence[asana_csv.SkippedRow], total: int | None = None
) -> str:
    """“37 tasks will be imported, 2 rows skipped: row 5 (no name), row 9 (…)”.

    `total`: the number of rows skipped when `skipped` holds only the first of them.
    """
    if not skipped:
        return done
    total = max(total or 0, len(skipped))
    rows = pgettext("list separator", ", ").join(
        _("row %(row)d (%(reasons)s)")
        % {"row": s.line, "reasons": pgettext("list separator", "; ").join(s.problems)}
        for s in skipped[:50]
    )
    if total > 50:
        rows += _("…and %(n)d more") % {"n": total - 50}
    count = ngettext("%(n)d row skipped", "%(n)d rows skipped", total) % {"n": total}
    return _("%(done)s, %(skipped)s: %(rows)s") % {"done": done, "skipped": count, "rows": rows}


def _preview_page(
    request: HttpRequest,
    *,
    preview: asana_csv.Preview,
    project: Project | None,
    entry: dict[str, Any],
    token: str = "",
    confirm_error: str = "",
    status: int = 200,
) -> HttpResponse:
    context = {
        "preview": preview,
        "project": project,
        "entry": entry,
        "token": token,
        "confirm_error": confirm_error,
        "skip_summary": skip_summary(
            ngettext("%(n)d task will be imported", "%(n)d tasks will be imported",
                     len(preview.rows)) % {"n": len(preview.rows)},
            preview.skipped,
        ),
        # For each address that is not a member: a select of the members to assign instead.
        "members": Pickers(request_membership(request).workspace).people
        if token and preview.unknown_emails
        else [],
        "assign_field": ASSIGN_FIELD,
    }  # fmt: skip
    return render_page(request, "tasks/io/preview.html", context, status=status)


def _upload(
    request: HttpRequest, form: ImportUploadForm, project: Project | None, entry: dict[str, Any]
) -> HttpResponse:
    actor = request_membership(request)
    raw: bytes = form.cleaned_data["file"]
    preview = asana_csv.parse(raw, actor=actor, project=project)
    entry = {**entry, "membership": actor.pk, "file_name": form.file_name[:200]}
    if not preview.importable:
        return _preview_page(request, preview=preview, project=project, entry=entry, status=400)
    _sweep(request)
    token = _store(request, raw, entry)
    return _preview_page(request, preview=preview, project=project, entry=entry, token=token)


@login_required
@require_http_methods(["GET", "POST"])
def tasks_import(request: HttpRequest, ws: str, project_id: int) -> HttpResponse:
    """Upload an Asana CSV into an existing project; the answer is the preview."""
    project = _editable(request_membership(request), project_id)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        return _upload(request, form, project, {"project": project.pk})
    return render_page(
        request, "tasks/io/upload.html", {"form": form, "project": project},
        status=400 if form.errors else 200,
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def tasks_import_new(request: HttpRequest, ws: str) -> HttpResponse:
    """Upload an Asana CSV into a new project (managers and above)."""
    if not can_create_projects(request_membership(request)):
        raise PermissionDenied(_("Only managers and above create projects."))
    form = ImportNewProjectForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        entry = {"project": None, "name": form.cleaned_data["name"],
                 "key": form.cleaned_data["key"]}  # fmt: skip
        return _upload(request, form, None, entry)
    return render_page(
        request, "tasks/io/upload.html", {"form": form, "project": None},
        status=400 if form.errors else 200,
    )  # fmt: skip


@login_required
@require_POST
def tasks_import_confirm(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    token = request.POST.get("token", "")
    entry = _take(request, token, actor)
    project = _editable(actor, entry["project"]) if entry.get("project") else None
    try:
        with default_storage.open(_path(token), "rb") as stored:
            raw = stored.read()
    except FileNotFoundError:
        _discard(request, token)
        messages.error(request, _("This import has expired. Upload the file again."))
        return (
            redirect("tasks_import", ws=ws, project_id=project.pk)
            if project
            else redirect("tasks_import_new", ws=ws)
        )
    preview = asana_csv.parse(raw, actor=actor, project=project)
    kwargs = {
        "actor": actor,
        "preview": preview,
        "unassign_unknown": request.POST.get("unassign_unknown") == "on",
        "assignee_map": {
            email: int(value)
            for email in preview.unknown_emails
            if (value := request.POST.get(ASSIGN_FIELD + email, "")).isdigit()
        },
        "file_name": entry.get("file_name", ""),
        "context": AuditContext.from_request(request),
    }
    try:
        if project is not None:
            result = asana_import.import_confirm(project=project, **kwargs)
        else:
            result = asana_import.import_new_project(name=entry["name"], key=entry["key"], **kwargs)
    except ValidationError as error:
        return _preview_page(
            request, preview=preview, project=project, entry=entry, token=token,
            confirm_error=" ".join(error.messages), status=400,
        )  # fmt: skip
    _discard(request, token)
    if result.skipped and result.event_id is not None:
        # The rows left out, to fix in Asana or Keel, on a page of its own (POST, redirect,
        # GET) so a reload or a return to it shows them again instead of an expired import.
        return redirect("tasks_import_result", ws=ws, event_id=result.event_id)
    messages.success(
        request,
        _("Imported %(tasks)d tasks into %(project)s.")
        % {"tasks": result.tasks, "project": result.project.name},
    )
    return redirect("project_tasks", ws=ws, project_id=result.project.pk)


@login_required
@require_GET
def tasks_import_result(request: HttpRequest, ws: str, event_id: int) -> HttpResponse:
    """What an import wrote and the rows it left out, read back from its audit event: only
    for the member who imported (the rows' names and problems are theirs to fix)."""
    result = asana_import.import_result(actor=request_membership(request), event_id=event_id)
    done = ngettext("%(n)d task imported", "%(n)d tasks imported", result.tasks) % {
        "n": result.tasks
    }
    context = {
        "result": result,
        "skip_summary": skip_summary(done, result.skipped, result.skipped_count),
    }
    return render_page(request, "tasks/io/done.html", context)


@login_required
@require_POST
def tasks_import_cancel(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    token = request.POST.get("token", "")
    entry = _take(request, token, actor)
    _discard(request, token)
    messages.info(request, _("Import cancelled; nothing was imported."))
    if entry.get("project"):
        return redirect("project_tasks", ws=ws, project_id=entry["project"])
    return redirect("projects", ws=ws)


@login_required
@require_GET
def tasks_export(request: HttpRequest, ws: str, project_id: int) -> StreamingHttpResponse:
    """The list page's rows (same GET filters and sort) as a CSV download."""
    actor = request_membership(request)
    project = selectors.get_project_for(actor, project_id)
    form = TaskFilterForm(request.GET or None, workspace=project.workspace, auto_id="f-%s")
    filters = filters_from(form) if form.is_bound else selectors.TaskFilters()
    sort = request.GET.get("sort", "number")
    if sort.lstrip("-") not in SORTS:
        sort = "number"
    audit_event(
        actor, "tasks.exported", project, AuditContext.from_request(request),
        filters={k: request.GET[k] for k in TaskFilterForm.PARAMS if request.GET.get(k)},
        sort=sort,
    )  # fmt: skip
    response = StreamingHttpResponse(
        export_rows(membership=actor, project=project, filters=filters, sort=sort),
        content_type="text/csv; charset=utf-8",
    )
    day = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="{project.key}-tasks-{day}.csv"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
