"""A page's history: its revisions (pick two to compare), one old revision rendered, the
inline difference between two revisions, and restoring an old one (a new revision: nothing
in the history is lost).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from keel.core.middleware import request_membership
from keel.core.services import AuditContext
from keel.wiki import selectors, services
from keel.wiki.access import EDIT, can
from keel.wiki.models import Revision
from keel.wiki.views.common import flash_errors, render_for


@login_required
def page_history(request: HttpRequest, ws: str, page_id: int) -> HttpResponse:
    actor = request_membership(request)
    page, level = selectors.get_page_for(actor, page_id)
    revisions = selectors.revisions_of(page)
    context = {
        "page": page,
        "space": page.space,
        "revisions": revisions,
        "can_edit": can(level, EDIT) and page.archived_at is None,
        "default_from": revisions[1].number if len(revisions) > 1 else page.version,
        "default_to": page.version,
    }
    return render(request, "wiki/history.html", context)


@login_required
def revision_detail(request: HttpRequest, ws: str, page_id: int, number: int) -> HttpResponse:
    actor = request_membership(request)
    page, level = selectors.get_page_for(actor, page_id)
    revision = (
        Revision.objects.filter(page=page, number=number).select_related("author__user").first()
    )
    if revision is None:
        raise Http404
    context = {
        "page": page,
        "space": page.space,
        "revision": revision,
        "rendered": render_for(actor, revision.body),
        "is_current": revision.number == page.version,
        "can_edit": can(level, EDIT) and page.archived_at is None,
    }
    return render(request, "wiki/revision.html", context)


def _number(raw: str | None, default: int) -> int:
    try:
        return int(raw) if raw else default
    except ValueError:
        raise Http404 from None


@login_required
def page_diff(request: HttpRequest, ws: str, page_id: int) -> HttpResponse:
    actor = request_membership(request)
    page, _level = selectors.get_page_for(actor, page_id)
    new = _number(request.GET.get("to"), page.version)
    old = _number(request.GET.get("from"), max(1, new - 1))
    if old > new:
        old, new = new, old
    diff = selectors.revision_diff(page, old, new)
    context = {
        "page": page,
        "space": page.space,
        "diff": diff,
        "added": sum(1 for line in diff.lines if line.kind == "added"),
        "removed": sum(1 for line in diff.lines if line.kind == "removed"),
    }
    return render(request, "wiki/diff.html", context)


@login_required
@require_POST
def revision_restore(request: HttpRequest, ws: str, page_id: int, number: int) -> HttpResponse:
    actor = request_membership(request)
    page, _level = selectors.get_page_for(actor, page_id, needed=EDIT)
    try:
        saved = services.revision_restore(actor=actor, page=page, number=number,
                                          context=AuditContext.from_request(request))  # fmt: skip
    except ValidationError as error:
        flash_errors(request, error)
        return redirect("wiki_page_history", ws=ws, page_id=page.pk)
    text = _("Version %(n)s is the current text again (saved as version %(new)s).")
    messages.success(request, text % {"n": number, "new": saved.page.version})
    return redirect("wiki_page", ws=ws, page_id=page.pk)
