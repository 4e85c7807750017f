"""Page screens: a page, the editor (new and edit, with live preview and the conflict
screen), "Move to…" (also the drag-and-drop target of the tree), archive and restore, and
the page's access. A page the reader may not open is a 404 (keel.wiki.selectors).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from keel.core.middleware import request_membership
from keel.core.models import Membership
from keel.core.permissions import require
from keel.core.services import AuditContext
from keel.ui.forms import add_service_errors, submit
from keel.wiki import selectors, services
from keel.wiki.access import EDIT, MANAGE, READ, can, reader_for, space_level
from keel.wiki.forms import GrantForm, MoveForm, PageForm, RestrictForm, grantee_name
from keel.wiki.models import Grant, Page, Space
from keel.wiki.services import PageConflict, Saved
from keel.wiki.views.common import (
    TOC_MIN_HEADINGS,
    flash_errors,
    owner_of,
    render_for,
    text_diff,
)

PREVIEW_MAX = 500_000


# --- Reading -------------------------------------------------------------------------------


@login_required
def page_detail(request: HttpRequest, ws: str, page_id: int) -> HttpResponse:
    actor = request_membership(request)
    page, level = selectors.get_page_for(actor, page_id)
    view = selectors.page_view(actor, page, level)
    rendered = render_for(actor, page.body)
    live = page.archived_at is None and page.space.archived_at is None
    context = {
        "page": page,
        "view": view,
        "space": page.space,
        "rendered": rendered,
        "toc": rendered.toc if len(rendered.toc) >= TOC_MIN_HEADINGS else [],
        "owner": owner_of(page),
        "can_edit": can(level, EDIT) and live,
        "can_restore": can(level, EDIT) and page.archived_at is not None,
        "can_manage": can(level, MANAGE),
    }
    return render(request, "wiki/page.html", context)


@login_required
@require_POST
def preview(request: HttpRequest, ws: str) -> HttpResponse:
    """The editor's live preview: the text rendered as the actor will see it (htmx)."""
    actor = request_membership(request)
    require(actor, "wiki.view")
    text = request.POST.get("body", "")[:PREVIEW_MAX]
    return render(request, "wiki/_preview.html", {"rendered": render_for(actor, text)})


# --- The editor ----------------------------------------------------------------------------


def _owner_args(form: PageForm, data: dict[str, Any]) -> dict[str, Any]:
    owner, seat = data.get("owner") or (None, None)
    return {"owner": owner, "owner_seat": seat}


def _editor(
    request: HttpRequest, template_context: dict[str, Any], *, status: int = 200
) -> HttpResponse:
    """The editor page. Its textarea posts to the preview (htmx, debounced) as you type;
    the first preview is rendered here, so the page shows it without a round trip."""
    actor = request_membership(request)
    form = template_context["form"]
    form.fields["body"].widget.attrs.update({
        "hx-post": reverse("wiki_preview", kwargs={"ws": actor.workspace.slug}),
        "hx-trigger": "input changed delay:400ms, wiki:preview",
        "hx-target": "#wiki-preview",
        "hx-swap": "innerHTML",
        "hx-sync": "this:replace",
        # Paste or drop a file: uploaded to the space, its Markdown inserted (upload.js).
        "data-upload-url": reverse("wiki_file_upload", kwargs={
            "ws": actor.workspace.slug, "space": template_context["space"].slug}),
        "data-upload-page": template_context["page"].pk if template_context.get("page") else "",
        "data-upload-status": "wiki-upload-status",
    })  # fmt: skip
    text = form["body"].value() or ""
    template_context["preview"] = render_for(actor, text) if text.strip() else None
    return render(request, "wiki/page_form.html", template_context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def page_new(request: HttpRequest, ws: str, space: str) -> HttpResponse:
    actor = request_membership(request)
    obj, level = selectors.get_space_for(actor, space)
    parent = _parent(actor, obj, request.POST.get("parent") or request.GET.get("parent"))
    if parent is None and not can(level, EDIT):
        raise PermissionDenied(_("You may read this space but not add pages to it."))
    form = PageForm(request.POST or None, workspace=actor.workspace, blank_owner=_("You"))
    page = submit(request, form, lambda data: services.page_create(
        actor=actor, space=obj, parent=parent, title=data["title"], body=data["body"],
        review_every_days=data["review_every_days"], summary=data["summary"],
        context=AuditContext.from_request(request), **_owner_args(form, data),
    ))  # fmt: skip
    if page is not None:
        messages.success(request, _("Page created."))
        return redirect("wiki_page", ws=ws, page_id=page.pk)
    context = {"form": form, "space": obj, "parent": parent, "page": None}
    return _editor(request, context, status=400 if form.errors else 200)


def _parent(actor: Membership, space: Space, raw: str | None) -> Page | None:
    if not raw:
        return None
    parent, level = selectors.get_page_for(actor, raw)
    if parent.space_id != space.pk:
        raise Http404
    if not can(level, EDIT):
        raise PermissionDenied(_("You may read this page but not add pages under it."))
    return parent


def _edit_initial(page: Page) -> dict[str, Any]:
    return {
        "title": page.title, "body": page.body, "owner": PageForm.owner_value(page),
        "review_every_days": page.review_every_days, "base_version": page.version,
    }  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def page_edit(request: HttpRequest, ws: str, page_id: int) -> HttpResponse:
    actor = request_membership(request)
    page, _level = selectors.get_page_for(actor, page_id, needed=EDIT)
    if page.archived_at is not None or page.space.archived_at is not None:
        messages.error(request, _("This page is archived: restore it to edit it."))
        return redirect("wiki_page", ws=ws, page_id=page.pk)
    blank = _("Keep the current owner")
    if request.method != "POST":
        form = PageForm(initial=_edit_initial(page), workspace=actor.workspace, blank_owner=blank)
        return _editor(request, {"form": form, "space": page.space, "page": page})
    form = PageForm(request.POST, workspace=actor.workspace, blank_owner=blank)

    def save(data: dict[str, Any]) -> Saved | PageConflict:
        owner = _owner_args(form, data)
        try:
            return services.page_update(
                actor=actor, page=page, base_version=data["base_version"] or page.version,
                title=data["title"], body=data["body"], summary=data["summary"],
                set_owner=bool(owner["owner"] or owner["owner_seat"]),
                review_every_days=data["review_every_days"], set_review=True,
                context=AuditContext.from_request(request), **owner,
            )  # fmt: skip
        except PageConflict as conflict:
            return conflict

    result = submit(request, form, save)
    if isinstance(result, PageConflict):
        return _conflict(request, page, form, result)
    if result is not None:
        if result.merged:
            messages.success(request, _("Saved. Someone else's changes to other lines were "
                                        "kept too."))  # fmt: skip
        else:
            messages.success(request, _("Page saved."))
        return redirect("wiki_page", ws=ws, page_id=page.pk)
    context = {"form": form, "space": page.space, "page": page}
    return _editor(request, context, status=400)


def _conflict(
    request: HttpRequest, page: Page, form: PageForm, conflict: PageConflict
) -> HttpResponse:
    """Nothing was saved: show what the other person saved, how it differs from the user's
    text, and the merged text (with markers where both changed) in the editor to save again."""
    actor = request_membership(request)
    current = conflict.page
    data = form.cleaned_data
    retry = PageForm(
        initial={**data, "owner": request.POST.get("owner", ""), "body": conflict.merged,
                 "base_version": current.version},
        workspace=actor.workspace, blank_owner=_("Keep the current owner"),
    )  # fmt: skip
    context = {
        "form": retry,
        "space": page.space,
        "page": page,
        "conflict": conflict,
        "theirs": conflict.theirs,
        "theirs_rendered": render_for(actor, current.body),
        "diff": text_diff(current.body, data.get("body") or ""),
    }
    return _editor(request, context, status=409)


# --- Moving, archiving ---------------------------------------------------------------------


def _move_choices(actor: Membership, page: Page) -> list[tuple[int, str]]:
    """Pages the page may go under: the space's tree without the page and its subtree."""
    space_lvl = space_level(reader_for(actor), page.space)
    tree = selectors.space_tree(actor, page.space, space_lvl)
    excluded = set(services.subtree_ids(page))
    return [
        (node.page.pk, "\u2003" * node.depth + node.page.title)
        for node in selectors.flatten(tree)
        if node.page.pk not in excluded
    ]


@login_required
@require_http_methods(["GET", "POST"])
def page_move(request: HttpRequest, ws: str, page_id: int) -> HttpResponse:
    actor = request_membership(request)
    page, _level = selectors.get_page_for(actor, page_id, needed=EDIT)
    dragged = request.headers.get("X-Wiki-Move") == "1"  # the tree's drag and drop
    form = MoveForm(request.POST or None, choices=_move_choices(actor, page),
                    initial={"parent": page.parent_id})  # fmt: skip

    def move(data: dict[str, Any]) -> Page:
        parent = None
        if data["parent"] is not None:
            parent = (
                Page.objects.in_workspace(actor.workspace)
                .filter(pk=data["parent"], space_id=page.space_id, archived_at__isnull=True)
                .first()
            )
            if parent is None:
                raise ValidationError({"parent": _("Choose a page of this space.")})
            p_level = selectors.get_page_for(actor, parent.pk)[1]
            if not can(p_level, READ):
                raise ValidationError({"parent": _("Choose a page of this space.")})
        position = data["position"] - 1 if data["position"] else None
        return services.page_move(actor=actor, page=page, parent=parent, position=position,
                                  context=AuditContext.from_request(request))  # fmt: skip

    moved = submit(request, form, move)
    if dragged and request.method == "POST":
        if moved is not None:
            return JsonResponse({"ok": True})
        errors = [str(e) for errs in form.errors.values() for e in errs]
        return JsonResponse({"ok": False, "errors": errors}, status=400)
    if moved is not None:
        messages.success(request, _("Page moved."))
        return redirect("wiki_page", ws=ws, page_id=page.pk)
    context = {"form": form, "page": page, "space": page.space}
    return render(request, "wiki/page_move.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def page_archive(request: HttpRequest, ws: str, page_id: int) -> HttpResponse:
    """GET: the confirmation (how many pages go with it); POST: archive."""
    actor = request_membership(request)
    page, _level = selectors.get_page_for(actor, page_id, needed=EDIT)
    if request.method != "POST":
        below = len(services.subtree_ids(page)) - 1
        return render(request, "wiki/page_archive.html", {"page": page, "space": page.space,
                                                          "below": below})  # fmt: skip
    try:
        count = services.page_archive(actor=actor, page=page,
                                      context=AuditContext.from_request(request))  # fmt: skip
    except ValidationError as error:
        flash_errors(request, error)
        return redirect("wiki_page", ws=ws, page_id=page.pk)
    messages.success(request, _("Archived %(n)s page(s). Restore them from the space's "
                                "archived pages.") % {"n": count})  # fmt: skip
    return redirect("wiki_space", ws=ws, space=page.space.slug)


@login_required
@require_POST
def page_unarchive(request: HttpRequest, ws: str, page_id: int) -> HttpResponse:
    actor = request_membership(request)
    page, _level = selectors.get_page_for(actor, page_id, needed=EDIT)
    try:
        services.page_unarchive(actor=actor, page=page, context=AuditContext.from_request(request))
    except ValidationError as error:
        flash_errors(request, error)
    else:
        messages.success(request, _("Page restored."))
    return redirect("wiki_page", ws=ws, page_id=page.pk)


@login_required
@require_POST
def page_reviewed(request: HttpRequest, ws: str, page_id: int) -> HttpResponse:
    """Mark as reviewed: the page is still right; its next review date is set and the
    review task (if one was created) is closed."""
    actor = request_membership(request)
    page, _level = selectors.get_page_for(actor, page_id, needed=EDIT)
    try:
        services.page_mark_reviewed(actor=actor, page=page,
                                    context=AuditContext.from_request(request))  # fmt: skip
    except ValidationError as error:
        flash_errors(request, error)
    else:
        messages.success(request, _("Marked as reviewed."))
    return redirect("wiki_page", ws=ws, page_id=page.pk)


# --- Access --------------------------------------------------------------------------------


def _render_access(
    request: HttpRequest, page: Page, *, grant_form: GrantForm | None = None, status: int = 200
) -> HttpResponse:
    grants = list(
        Grant.objects.filter(page=page)
        .select_related("membership__user", "group", "seat", "department")
        .order_by("id")
    )
    context = {
        "page": page,
        "space": page.space,
        "restrict_form": RestrictForm(initial={"restricted": page.restricted}),
        "grant_form": grant_form or GrantForm(workspace=page.workspace),
        "grants": [(g, grantee_name(g)) for g in grants],
    }
    return render(request, "wiki/page_access.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def page_access(request: HttpRequest, ws: str, page_id: int) -> HttpResponse:
    actor = request_membership(request)
    page, _level = selectors.get_page_for(actor, page_id, needed=MANAGE)
    if request.method != "POST":
        return _render_access(request, page)
    audit = AuditContext.from_request(request)
    if request.POST.get("action") == "grant":
        grant_form = GrantForm(request.POST, workspace=page.workspace)
        grant = submit(request, grant_form, lambda data: services.grant_set(
            actor=actor, space=page.space, page=page, level=data["level"], context=audit,
            **data["grantee"]))  # fmt: skip
        if grant is None:
            return _render_access(request, page, grant_form=grant_form, status=400)
        messages.success(request, _("Access given."))
        return redirect("wiki_page_access", ws=ws, page_id=page.pk)
    form = RestrictForm(request.POST)
    if form.is_valid():
        try:
            services.page_set_restricted(actor=actor, page=page,
                                         restricted=form.cleaned_data["restricted"],
                                         context=audit)  # fmt: skip
        except ValidationError as error:
            add_service_errors(form, error)
            flash_errors(request, error)
        else:
            messages.success(request, _("Page access saved."))
    return redirect("wiki_page_access", ws=ws, page_id=page.pk)
