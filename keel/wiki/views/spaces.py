"""Space pages: the wiki's front page, a new space, a space (its tree), its settings and
access grants, and its archived pages. Each view parses a form and calls one service or
selector; access is decided by keel.wiki.access (a space you may not read is a 404).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from keel.core.middleware import request_membership
from keel.core.permissions import has_perm, require
from keel.core.services import AuditContext
from keel.ui.forms import submit
from keel.wiki import selectors, services
from keel.wiki.access import EDIT, MANAGE, can
from keel.wiki.forms import GrantForm, SpaceForm, SpaceSettingsForm, grantee_name
from keel.wiki.models import Grant, Page, Space
from keel.wiki.selectors.home import my_reviews, recent_pages
from keel.wiki.views.common import flash_errors


@login_required
def wiki_home(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "wiki.view")
    rows = selectors.spaces_for(actor)
    context = {
        "spaces": rows,
        "recent": recent_pages(actor, rows),
        "reviews": my_reviews(actor, rows),
        "can_create": has_perm(actor, "wiki.create_space"),
        "can_contacts": has_perm(actor, "wiki.contacts_view"),
    }
    return render(request, "wiki/home.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def space_new(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    if not has_perm(actor, "wiki.create_space"):
        raise PermissionDenied(_("Only managers and above start spaces."))
    form = SpaceForm(request.POST or None, workspace=actor.workspace)
    space = submit(request, form, lambda data: services.space_create(
        actor=actor, context=AuditContext.from_request(request), **data))  # fmt: skip
    if space is not None:
        messages.success(request, _("The space “%(name)s” was created.") % {"name": space.name})
        return redirect("wiki_space", ws=ws, space=space.slug)
    return render(request, "wiki/space_form.html", {"form": form},
                  status=400 if form.errors else 200)  # fmt: skip


@login_required
def space_detail(request: HttpRequest, ws: str, space: str) -> HttpResponse:
    actor = request_membership(request)
    obj, level = selectors.get_space_for(actor, space)
    if obj.archived_at is not None and not can(level, MANAGE):
        raise Http404
    tree = selectors.space_tree(actor, obj, level)
    context = {
        "space": obj,
        "level": level,
        "can_edit": can(level, EDIT) and obj.archived_at is None,
        "can_manage": can(level, MANAGE),
        "tree": tree,
        "page_count": len(selectors.flatten(tree)),
    }
    return render(request, "wiki/space.html", context)


def _managed_space(request: HttpRequest, slug: str) -> Space:
    actor = request_membership(request)
    space, level = selectors.get_space_for(actor, slug)
    if not can(level, MANAGE):
        raise PermissionDenied(_("Only the space's managers change its settings."))
    return space


def _render_settings(
    request: HttpRequest,
    space: Space,
    *,
    form: SpaceSettingsForm | None = None,
    grant_form: GrantForm | None = None,
    status: int = 200,
) -> HttpResponse:
    grants = list(
        Grant.objects.filter(space=space, page__isnull=True)
        .select_related("membership__user", "group", "seat", "department")
        .order_by("id")
    )
    initial = {"name": space.name, "slug": space.slug, "description": space.description,
               "staff_level": space.staff_level}  # fmt: skip
    context = {
        "space": space,
        "form": form or SpaceSettingsForm(initial=initial),
        "grant_form": grant_form or GrantForm(workspace=space.workspace),
        "grants": [(g, grantee_name(g)) for g in grants],
    }
    return render(request, "wiki/space_settings.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def space_settings(request: HttpRequest, ws: str, space: str) -> HttpResponse:
    """Details, archive and access grants: one page, three forms told apart by `action`."""
    actor = request_membership(request)
    obj = _managed_space(request, space)
    if request.method != "POST":
        return _render_settings(request, obj)
    action = request.POST.get("action", "details")
    audit = AuditContext.from_request(request)
    if action == "archive":
        archive = request.POST.get("archive", "1") == "1"
        services.space_archive(actor=actor, space=obj, archived=archive, context=audit)
        if archive:
            messages.success(request, _("“%(name)s” is archived.") % {"name": obj.name})
            return redirect("wiki_home", ws=ws)
        messages.success(request, _("“%(name)s” is open again.") % {"name": obj.name})
        return redirect("wiki_space_settings", ws=ws, space=obj.slug)
    if action == "grant":
        grant_form = GrantForm(request.POST, workspace=obj.workspace)
        grant = submit(request, grant_form, lambda data: services.grant_set(
            actor=actor, space=obj, level=data["level"], context=audit, **data["grantee"]),
            field_names={"grantee": "grantee"})  # fmt: skip
        if grant is not None:
            messages.success(request, _("Access given."))
            return redirect("wiki_space_settings", ws=ws, space=obj.slug)
        return _render_settings(request, obj, grant_form=grant_form, status=400)
    form = SpaceSettingsForm(request.POST)
    saved = submit(request, form, lambda data: services.space_update(
        actor=actor, space=obj, context=audit, **data))  # fmt: skip
    if saved is not None:
        messages.success(request, _("Space settings saved."))
        return redirect("wiki_space_settings", ws=ws, space=saved.slug)
    return _render_settings(request, obj, form=form, status=400)


@login_required
@require_POST
def grant_revoke(request: HttpRequest, ws: str, space: str, grant_id: int) -> HttpResponse:
    actor = request_membership(request)
    obj, _level = selectors.get_space_for(actor, space)
    grant = (
        Grant.objects.in_workspace(actor.workspace)
        .select_related("space", "page")
        .filter(space=obj, pk=grant_id)
        .first()
    )
    if grant is None:
        raise Http404
    try:
        services.grant_revoke(actor=actor, grant=grant, context=AuditContext.from_request(request))
    except ValidationError as error:
        flash_errors(request, error)
    else:
        messages.success(request, _("Access removed."))
    if grant.page_id:
        return redirect("wiki_page_access", ws=ws, page_id=grant.page_id)
    return redirect("wiki_space_settings", ws=ws, space=obj.slug)


@login_required
def space_archived(request: HttpRequest, ws: str, space: str) -> HttpResponse:
    actor = request_membership(request)
    obj, level = selectors.get_space_for(actor, space)
    pages = list(
        Page.objects.filter(space=obj, archived_at__isnull=False).order_by("-archived_at", "title")
    )
    from keel.wiki.access import READ, page_levels, reader_for

    levels = page_levels(reader_for(actor), pages, level)
    pages = [p for p in pages if can(levels[p.pk], READ)]
    context = {"space": obj, "pages": pages, "can_edit": can(level, EDIT)}
    return render(request, "wiki/space_archived.html", context)
