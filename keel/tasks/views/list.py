"""A project's task list: sortable, groupable, filtered by GET params, keyset-paginated, with
saved filters, a quick-add row, the full create form and bulk edit of selected rows.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from keel.core.middleware import request_membership
from keel.core.pagination import InvalidCursor
from keel.core.services import AuditContext
from keel.tasks import access, selectors, services
from keel.tasks.forms import (
    SORTS,
    BulkEditForm,
    Pickers,
    QuickAddForm,
    SavedFilterForm,
    TaskFilterForm,
    TaskForm,
)
from keel.tasks.models import Project, Section, Status, Task
from keel.tasks.selectors.pages import today_for
from keel.tasks.views.common import is_htmx, render_page
from keel.tasks.views.filters import saved_filters_for
from keel.ui.forms import submit

PAGE_SIZE = 50


def filters_from(form: TaskFilterForm) -> Any:
    """The selector's TaskFilters from a (valid or not) filter form; invalid fields are ignored."""
    data = form.cleaned_data if form.is_valid() else getattr(form, "cleaned_data", {})
    status = data.get("status") or ""
    return selectors.TaskFilters(
        text=data.get("q") or "",
        assignee=data.get("assignee_member"),
        assignee_seat=data.get("assignee_seat"),
        label=data.get("label"),
        status=status or None,
        due_from=data.get("due_from"),
        due_to=data.get("due_to"),
    )


def _sort_links(request: HttpRequest, sort: str) -> dict[str, dict[str, str]]:
    """Per column: the href that sorts by it (toggling direction) and its aria-sort value."""
    links = {}
    for key in SORTS:
        params = request.GET.copy()
        params.pop("cursor", None)
        params.pop("trail", None)
        current = sort.lstrip("-") == key
        descending = sort.startswith("-")
        params["sort"] = f"-{key}" if current and not descending else key
        aria = ("descending" if descending else "ascending") if current else ""
        links[key] = {"href": "?" + params.urlencode(), "aria": aria}
    return links


def _group(rows: list[Task], by: str) -> list[tuple[str, list[Task]]]:
    """Group one page of rows, keeping the sort order inside each group."""
    if not by:
        return [("", rows)]
    labels = dict(Status.choices)
    groups: dict[Any, tuple[str, list[Task]]] = {}
    for task in rows:
        if by == "section":
            key: Any = (task.section.position if task.section else -1, task.section_id)
            name = task.section.name if task.section else _("No section")
        elif by == "status":
            key = list(labels).index(task.status)
            name = str(labels[task.status])
        else:
            who = selectors.task_assignee(task)
            key = (0, who.user.display_name) if who else (1, "")
            name = who.user.display_name if who else _("Nobody")
        groups.setdefault(key, (name, []))[1].append(task)
    return [groups[k] for k in sorted(groups, key=lambda k: (str(type(k)), k))]


def _export_query(request: HttpRequest) -> str:
    """The list's filters and sort for the CSV link: every row, so no page cursor."""
    query = request.GET.copy()
    for key in ("cursor", "trail"):
        query.pop(key, None)
    return query.urlencode()


TRAIL_MAX = 30  # how many pages back "Previous" remembers


def _page_links(request: HttpRequest, next_cursor: str | None) -> dict[str, str]:
    """Next / previous / first links. Keyset cursors only go forward, so the cursors of the
    pages before this one ride along in `trail` ("-" stands for the first page)."""
    query: QueryDict = request.GET.copy()
    current = query.pop("cursor", [""])[-1]
    trail = [c for c in query.pop("trail", [""])[-1].split(".") if c]
    links = {"next": "", "prev": "", "first": ""}
    if next_cursor:
        nxt = query.copy()
        nxt["cursor"] = next_cursor
        nxt["trail"] = ".".join([*trail, current or "-"][-TRAIL_MAX:])
        links["next"] = "?" + nxt.urlencode()
    if current:
        links["first"] = "?" + query.urlencode()
        prev = query.copy()
        if trail and trail[-1] != "-":
            prev["cursor"] = trail[-1]
            if trail[:-1]:
                prev["trail"] = ".".join(trail[:-1])
        links["prev"] = "?" + prev.urlencode()
    return links


def _list_page(
    request: HttpRequest,
    actor: Any,
    project: Project | None,
    filters: selectors.TaskFilters,
    sort: str,
) -> selectors.TaskPage:
    """The page at the request's cursor. A cursor that does not decode (an edited or stale
    link) shows the first page with a message rather than an error."""
    cursor = request.GET.get("cursor") or None
    try:
        return selectors.tasks_for_list(
            membership=actor, project=project, filters=filters, sort=sort, cursor=cursor,
            limit=PAGE_SIZE, brief=True,
        )  # fmt: skip
    except InvalidCursor:
        messages.warning(request, _("That page link was not valid: here is the first page."))
        return selectors.tasks_for_list(
            membership=actor, project=project, filters=filters, sort=sort, limit=PAGE_SIZE,
            brief=True,
        )  # fmt: skip


def render_list(
    request: HttpRequest,
    project: Project,
    *,
    quick_form: QuickAddForm | None = None,
    bulk_form: BulkEditForm | None = None,
    save_form: SavedFilterForm | None = None,
    status: int = 200,
) -> HttpResponse:
    actor = request_membership(request)
    pickers = Pickers(project.workspace, project)  # shared by the filter and bulk forms
    form = TaskFilterForm(
        request.GET or None, workspace=project.workspace, pickers=pickers, auto_id="f-%s"
    )
    filters = filters_from(form) if form.is_bound else selectors.TaskFilters()
    sort = request.GET.get("sort", "number")
    if sort.lstrip("-") not in SORTS:
        sort = "number"
    page = _list_page(request, actor, project, filters, sort)
    rows = list(page.tasks)
    group = form.cleaned_data.get("group", "") if form.is_bound and form.is_valid() else ""
    can_edit = access.can_edit_in_project(actor, project)
    can_manage = access.can_manage_project(actor, project)
    sections = pickers.sections
    context = {
        "project": project,
        "filter_form": form,
        "filtered": any(request.GET.get(p) for p in TaskFilterForm.PARAMS if p != "group"),
        "rows": rows,
        "groups": _group(rows, group),
        "sort": sort,
        "sort_links": _sort_links(request, sort),
        "pages": _page_links(request, page.next_cursor),
        "can_edit": can_edit,
        "can_manage": can_manage,
        "quick_form": quick_form or QuickAddForm(auto_id="quick-%s"),
        "bulk_form": bulk_form
        or BulkEditForm(
            project=project, tasks_qs=Task.objects.none(), pickers=pickers, auto_id="bulk-%s"
        ),
        "sections": sections,
        "saved_filters": saved_filters_for(actor, project, manages_project=can_manage),
        "save_form": save_form or SavedFilterForm(auto_id="save-%s"),
        # services.can_share_filter is the edit rule: reuse its answer, no second look-up.
        "can_share_filters": can_edit,
        "current_query": request.GET.urlencode(),
        "export_query": _export_query(request),
        "view": "list",
        "today": today_for(actor),
    }
    return render_page(
        request, "tasks/list/page.html", context, partial="tasks/list/_results.html",
        status=status,
    )  # fmt: skip


@login_required
def project_tasks(request: HttpRequest, ws: str, project_id: int) -> HttpResponse:
    project = selectors.get_project_for(request_membership(request), project_id)
    return render_list(request, project)


def _editable_project(request: HttpRequest, project_id: int) -> tuple[Any, Project]:
    actor = request_membership(request)
    project = selectors.get_project_for(actor, project_id)
    if not access.can_edit_in_project(actor, project):
        raise PermissionDenied(_("You cannot add or change tasks in this project."))
    return actor, project


@login_required
@require_POST
def task_quick_add(request: HttpRequest, ws: str, project_id: int) -> HttpResponse:
    actor, project = _editable_project(request, project_id)
    form = QuickAddForm(request.POST, auto_id="quick-%s")

    def add(data: dict[str, Any]) -> Task:
        section_id = data.get("section")
        section = (
            Section.objects.filter(project=project, pk=section_id).first() if section_id else None
        )
        return services.task_create(
            actor=actor, project=project, title=data["title"], section=section,
            context=AuditContext.from_request(request),
        )  # fmt: skip

    task = submit(request, form, add)
    if task is not None:
        messages.success(request, _("%(ref)s added.") % {"ref": f"{project.key}-{task.number}"})
        back = request.POST.get("next") or ""
        if back.startswith("/") and not back.startswith("//"):
            return redirect(back)
        return redirect("project_tasks", ws=ws, project_id=project.pk)
    return render_list(request, project, quick_form=form, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def task_new(request: HttpRequest, ws: str, project_id: int) -> HttpResponse:
    actor, project = _editable_project(request, project_id)
    initial = {}
    if request.GET.get("section", "").isdigit():
        initial["section"] = int(request.GET["section"])
    form = TaskForm(request.POST or None, project=project, initial=initial)
    task = submit(request, form, lambda data: services.task_create(
        actor=actor, project=project, context=AuditContext.from_request(request),
        **form.service_kwargs(),
    ))  # fmt: skip
    if task is not None:
        messages.success(request, _("%(ref)s created.") % {"ref": f"{project.key}-{task.number}"})
        return redirect("task_detail", ws=ws, task_id=task.pk)
    return render_page(
        request, "tasks/task/new.html", {"project": project, "form": form},
        status=400 if form.errors else 200,
    )  # fmt: skip


@login_required
@require_POST
def tasks_bulk(request: HttpRequest, ws: str, project_id: int) -> HttpResponse:
    actor, project = _editable_project(request, project_id)
    form = BulkEditForm(
        request.POST, project=project, auto_id="bulk-%s",
        tasks_qs=Task.objects.in_workspace(project.workspace).filter(project=project),
    )  # fmt: skip
    count = submit(request, form, lambda data: services.tasks_bulk_update(
        actor=actor, context=AuditContext.from_request(request), **form.service_kwargs()
    ))  # fmt: skip
    if count is not None:
        messages.success(request, _("%(count)d tasks updated.") % {"count": count})
        url = reverse("project_tasks", kwargs={"ws": ws, "project_id": project.pk})
        back = request.POST.get("query", "")
        return redirect(f"{url}?{back}" if back else url)
    if is_htmx(request):
        messages.error(request, "; ".join(str(e) for errs in form.errors.values() for e in errs))
    return render_list(request, project, bulk_form=form, status=400)


@login_required
def tasks_all(request: HttpRequest, ws: str) -> HttpResponse:
    """Tasks across every project the member can see, filtered (the workload links here)."""
    actor = request_membership(request)
    form = TaskFilterForm(request.GET or None, workspace=actor.workspace, auto_id="f-%s")
    filters = filters_from(form) if form.is_bound else selectors.TaskFilters(status="open")
    sort = request.GET.get("sort", "due_date")
    if sort.lstrip("-") not in SORTS:
        sort = "due_date"
    page = _list_page(request, actor, None, filters, sort)
    context = {
        "filter_form": form,
        "rows": list(page.tasks),
        "sort": sort,
        "sort_links": _sort_links(request, sort),
        "pages": _page_links(request, page.next_cursor),
        "today": today_for(actor),
    }
    return render_page(request, "tasks/list/all.html", context)
