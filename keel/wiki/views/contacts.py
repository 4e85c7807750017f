"""Contact-directory pages: the list (outside contacts and members), a contact, its form and
delete, the CSV import (upload → preview → import the good rows) and the exports.

Staff and assistants read the directory; staff change it; guests do not see it at all (404).
Between preview and import the uploaded file waits in default storage under a random name;
the session remembers which upload is this member's pending import in this workspace, so
the preview survives a reload (GET shows it again) without any token in a URL, and only the
member who uploaded it can import or cancel it. Abandoned uploads are swept after a day.
"""

from __future__ import annotations

import datetime
import secrets
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from keel.core.middleware import request_membership
from keel.core.models import Membership
from keel.core.permissions import has_perm
from keel.core.services import AuditContext, audit_event
from keel.core.uploads import delete_stale_files
from keel.ui.forms import submit
from keel.wiki import selectors, services
from keel.wiki.forms import ContactFilterForm, ContactForm, ContactImportForm
from keel.wiki.selectors.contacts import require_manage, require_view

PER_PAGE = 60
SESSION_KEY = "wiki_contact_imports"
UPLOAD_DIR = "wiki-imports"
STALE_AFTER = datetime.timedelta(days=1)


def _filter_form(request: HttpRequest, actor: Membership) -> ContactFilterForm:
    return ContactFilterForm(request.GET or None, workspace=actor.workspace,
                             tags=selectors.all_tags(actor), auto_id="cf-%s")  # fmt: skip


@login_required
@require_GET
def contact_list(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    require_view(actor)
    form = _filter_form(request, actor)
    filters = form.filters()
    entries = selectors.directory(actor, filters)
    page_obj = Paginator(entries, PER_PAGE).get_page(request.GET.get("page"))
    filtered = any((filters.kind, filters.department, filters.tag, filters.q))
    return render(request, "wiki/contacts/list.html", {
        "form": form, "page_obj": page_obj, "count": len(entries), "filtered": filtered,
        "can_manage": has_perm(actor, "wiki.contacts_manage"),
        "can_view_members": has_perm(actor, "members.view"),
        "export_query": request.GET.urlencode(),
    })  # fmt: skip


@login_required
@require_GET
def contact_detail(request: HttpRequest, ws: str, contact_id: int) -> HttpResponse:
    actor = request_membership(request)
    contact = selectors.get_contact_for(actor, contact_id)
    return render(request, "wiki/contacts/detail.html", {
        "contact": contact, "can_manage": has_perm(actor, "wiki.contacts_manage"),
    })  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def contact_new(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    require_view(actor)
    require_manage(actor)
    form = ContactForm(request.POST or None, workspace=actor.workspace,
                       initial={"kind": request.GET.get("kind") or "supplier"})  # fmt: skip
    contact = submit(request, form, lambda data: services.contact_create(
        actor=actor, fields=ContactForm.fields_of(data),
        context=AuditContext.from_request(request)))  # fmt: skip
    if contact is not None:
        messages.success(request, _("%(name)s was added to the directory.") % {"name": contact})
        return redirect("wiki_contact", ws=ws, contact_id=contact.pk)
    return render(request, "wiki/contacts/form.html", {"form": form, "contact": None},
                  status=400 if form.errors else 200)  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def contact_edit(request: HttpRequest, ws: str, contact_id: int) -> HttpResponse:
    actor = request_membership(request)
    contact = selectors.get_contact_for(actor, contact_id)
    require_manage(actor)
    initial = ContactForm.initial_for(services.ContactFields.of(contact))
    form = ContactForm(request.POST or None, workspace=actor.workspace, initial=initial)
    saved = submit(request, form, lambda data: services.contact_update(
        actor=actor, contact=contact, fields=ContactForm.fields_of(data),
        context=AuditContext.from_request(request)))  # fmt: skip
    if saved is not None:
        messages.success(request, _("Saved."))
        return redirect("wiki_contact", ws=ws, contact_id=contact.pk)
    return render(request, "wiki/contacts/form.html", {"form": form, "contact": contact},
                  status=400 if form.errors else 200)  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def contact_delete(request: HttpRequest, ws: str, contact_id: int) -> HttpResponse:
    actor = request_membership(request)
    contact = selectors.get_contact_for(actor, contact_id)
    require_manage(actor)
    if request.method == "POST":
        name = str(contact)
        services.contact_delete(actor=actor, contact=contact,
                                context=AuditContext.from_request(request))  # fmt: skip
        messages.success(request, _("%(name)s was removed from the directory.") % {"name": name})
        return redirect("wiki_contacts", ws=ws)
    return render(request, "wiki/contacts/delete.html", {"contact": contact})


# --- Exports -------------------------------------------------------------------------------


def _export(request: HttpRequest, kind: str) -> StreamingHttpResponse:
    """The listed contacts (same filters as the page); staff only, audited: a directory of
    suppliers is the company's, not something to walk away with unnoticed."""
    actor = request_membership(request)
    require_view(actor)
    require_manage(actor)
    filters = _filter_form(request, actor).filters()
    rows = selectors.contacts_queryset(actor, filters)
    audit_event(actor, "wiki.contacts_exported", None, AuditContext.from_request(request),
                format=kind, filtered=bool(request.GET))  # fmt: skip
    day = timezone.localdate().isoformat()
    if kind == "csv":
        response = StreamingHttpResponse(selectors.contacts_csv(rows),
                                         content_type="text/csv; charset=utf-8")  # fmt: skip
    else:
        response = StreamingHttpResponse(selectors.contacts_vcards(rows),
                                         content_type="text/vcard; charset=utf-8")  # fmt: skip
    extension = "csv" if kind == "csv" else "vcf"
    response["Content-Disposition"] = f'attachment; filename="contacts-{day}.{extension}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_GET
def contacts_export(request: HttpRequest, ws: str) -> StreamingHttpResponse:
    return _export(request, "csv")


@login_required
@require_GET
def contacts_vcard(request: HttpRequest, ws: str) -> StreamingHttpResponse:
    return _export(request, "vcard")


# --- Import: the pending upload ------------------------------------------------------------


def _pending_all(request: HttpRequest) -> dict[str, dict[str, Any]]:
    return dict(request.session.get(SESSION_KEY, {}))


def _pending(request: HttpRequest, actor: Membership) -> dict[str, Any] | None:
    entry = _pending_all(request).get(str(actor.workspace_id))
    if entry is None or entry.get("membership") != actor.pk:
        return None
    if datetime.datetime.fromisoformat(entry["created"]) < timezone.now() - STALE_AFTER:
        _discard(request, actor)
        return None
    return entry


def _path(token: str) -> str:
    return f"{UPLOAD_DIR}/{token}.csv"


def _store(request: HttpRequest, actor: Membership, raw: bytes, file_name: str) -> None:
    _discard(request, actor)
    _sweep()
    token = secrets.token_urlsafe(24)
    default_storage.save(_path(token), ContentFile(raw))
    pending = _pending_all(request)
    pending[str(actor.workspace_id)] = {"token": token, "membership": actor.pk,
                                        "file_name": file_name,
                                        "created": timezone.now().isoformat()}  # fmt: skip
    request.session[SESSION_KEY] = pending


def _read(entry: dict[str, Any]) -> bytes | None:
    try:
        with default_storage.open(_path(entry["token"]), "rb") as stored:
            return bytes(stored.read())
    except FileNotFoundError:
        return None


def _discard(request: HttpRequest, actor: Membership) -> None:
    pending = _pending_all(request)
    entry = pending.pop(str(actor.workspace_id), None)
    request.session[SESSION_KEY] = pending
    if entry:
        default_storage.delete(_path(entry["token"]))


def _sweep() -> None:
    delete_stale_files(UPLOAD_DIR, STALE_AFTER)


@login_required
@require_http_methods(["GET", "POST"])
def contacts_import(request: HttpRequest, ws: str) -> HttpResponse:
    """GET: the upload form, or the pending preview. POST: upload, import or cancel."""
    actor = request_membership(request)
    require_view(actor)
    require_manage(actor)
    action = request.POST.get("action", "upload") if request.method == "POST" else ""
    if action in ("import", "cancel"):
        return _finish(request, actor, action)
    form = ContactImportForm(request.POST or None, request.FILES or None)
    if action == "upload" and form.is_valid():
        raw: bytes = form.cleaned_data["file"]
        try:
            services.contacts_import_preview(actor=actor, rows_or_file=raw)
        except ValidationError as error:
            form.add_error("file", error)
        else:
            _store(request, actor, raw, form.file_name)
            return redirect("wiki_contacts_import", ws=ws)  # a reload shows the preview again
    entry = _pending(request, actor) if not form.is_bound else None
    if entry is not None:
        raw_pending = _read(entry)
        if raw_pending is not None:
            return _preview(request, actor, entry, raw_pending)
        _discard(request, actor)
    return render(request, "wiki/contacts/import.html", {"form": form},
                  status=400 if form.errors else 200)  # fmt: skip


def _preview(
    request: HttpRequest, actor: Membership, entry: dict[str, Any], raw: bytes, *,
    error: str = "", status: int = 200,
) -> HttpResponse:  # fmt: skip
    try:
        preview = services.contacts_import_preview(actor=actor, rows_or_file=raw)
    except ValidationError as exc:  # the directory's departments changed, or the like
        _discard(request, actor)
        messages.error(request, " ".join(exc.messages))
        return redirect("wiki_contacts_import", ws=actor.workspace.slug)
    valid = preview.valid
    return render(request, "wiki/contacts/import_preview.html", {
        "preview": preview, "entry": entry, "error": error,
        "new_count": sum(1 for r in valid if not r.existing_id),
        "update_count": sum(1 for r in valid if r.existing_id),
        "valid_count": len(valid),
    }, status=status)  # fmt: skip


def _finish(request: HttpRequest, actor: Membership, action: str) -> HttpResponse:
    ws = actor.workspace.slug
    entry = _pending(request, actor)
    if entry is None or request.POST.get("token") != entry["token"]:
        messages.error(request, _("This import has expired or was replaced. Upload the file "
                                  "again."))  # fmt: skip
        return redirect("wiki_contacts_import", ws=ws)
    if action == "cancel":
        _discard(request, actor)
        messages.info(request, _("Import cancelled; nothing was imported."))
        return redirect("wiki_contacts", ws=ws)
    raw = _read(entry)
    if raw is None:
        _discard(request, actor)
        messages.error(request, _("This import has expired or was replaced. Upload the file "
                                  "again."))  # fmt: skip
        return redirect("wiki_contacts_import", ws=ws)
    try:
        result = services.contacts_import(actor=actor, rows_or_file=raw, keep_valid=True,
                                          file_name=entry.get("file_name", ""),
                                          context=AuditContext.from_request(request))  # fmt: skip
    except ValidationError as error:
        return _preview(request, actor, entry, raw, error=" ".join(error.messages), status=400)
    except PermissionDenied:
        _discard(request, actor)
        raise
    _discard(request, actor)
    done = ngettext("%(n)d contact added", "%(n)d contacts added", result.created) % {
        "n": result.created}  # fmt: skip
    updated = ngettext("%(n)d updated", "%(n)d updated", result.updated) % {"n": result.updated}
    skipped = ngettext("%(n)d row skipped", "%(n)d rows skipped", len(result.errors)) % {
        "n": len(result.errors)}  # fmt: skip
    messages.success(request, _("Import done: %(done)s, %(updated)s, %(skipped)s.") % {
        "done": done, "updated": updated, "skipped": skipped})  # fmt: skip
    return redirect("wiki_contacts", ws=ws)
