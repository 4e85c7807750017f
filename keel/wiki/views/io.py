"""Import a zip into a space (upload → preview → confirm) and export a space as a zip.

Between preview and confirm the zip waits in KEEL_WIKI_IMPORT_DIR (outside the media files,
never served) as `<token>.zip`, with `<token>.json` beside it: who uploaded it (membership),
into which space, the file's name, when, and the preview to show. The token is 32 random
URL-safe characters; the preview's address carries it (`?token=`), so a reload shows the
same preview, but it opens only for the member who uploaded it, in that space, for an hour.
The file itself is never in a URL. Confirm reads the zip again (pages may have been added
meanwhile, so titles are deduplicated again) and imports in one transaction; confirm and
cancel delete both files, and each upload deletes leftovers older than an hour.
"""

from __future__ import annotations

import datetime
import json
import re
import secrets
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from keel.core.middleware import request_membership
from keel.core.models import Membership
from keel.core.services import AuditContext
from keel.wiki import selectors
from keel.wiki.access import EDIT, can
from keel.wiki.forms.io import ImportConfirmForm, ImportUploadForm
from keel.wiki.models import Page, Space
from keel.wiki.services import io, io_export

EXPIRES = datetime.timedelta(hours=1)
TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{32}$")
CHUNK = 1024 * 1024


def _dir() -> Path:
    folder = Path(getattr(settings, "KEEL_WIKI_IMPORT_DIR", Path(settings.MEDIA_ROOT).parent /
                          "tmp" / "wiki-imports"))  # fmt: skip
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _paths(token: str) -> tuple[Path, Path]:
    folder = _dir()
    return folder / f"{token}.zip", folder / f"{token}.json"


def _discard(token: str) -> None:
    if TOKEN_RE.match(token):
        for path in _paths(token):
            path.unlink(missing_ok=True)


def _sweep() -> None:
    cutoff = (timezone.now() - EXPIRES).timestamp()
    for path in _dir().iterdir():
        try:
            if path.suffix in (".zip", ".json", ".importing") and path.stat().st_mtime < cutoff:
                path.unlink(missing_ok=True)
        except OSError:
            continue


def _pending(token: str, actor: Membership, space: Space) -> dict[str, Any] | None:
    """The stored import `token` of this member into this space, unless expired."""
    if not TOKEN_RE.match(token or ""):
        return None
    archive, meta_path = _paths(token)
    try:
        meta = json.loads(meta_path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if meta.get("membership") != actor.pk or meta.get("space") != space.pk:
        return None
    created = datetime.datetime.fromisoformat(meta["created"])
    if created < timezone.now() - EXPIRES or not archive.exists():
        _discard(token)
        return None
    return dict(meta)


def _editable_space(request: HttpRequest, slug: str) -> tuple[Membership, Space, str]:
    actor = request_membership(request)
    space, level = selectors.get_space_for(actor, slug)
    if not can(level, EDIT) or space.archived_at is not None:
        raise PermissionDenied(_("You cannot add pages to this space."))
    return actor, space, level


def _store(upload: Any, actor: Membership, space: Space) -> str:
    token = secrets.token_urlsafe(24)
    archive, _meta = _paths(token)
    with archive.open("wb") as out:
        for chunk in upload.chunks(CHUNK):
            out.write(chunk)
    return token


@login_required
@require_http_methods(["GET", "POST"])
def wiki_space_import(request: HttpRequest, ws: str, space: str) -> HttpResponse:
    """Without a token: the upload form. With one (`?token=` or posted): the preview, and
    its confirm and cancel."""
    actor, space_obj, level = _editable_space(request, space)
    token = request.POST.get("token") or request.GET.get("token") or ""
    if token:
        return _preview(request, actor, space_obj, level, token)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        _sweep()
        token = _store(form.cleaned_data["file"], actor, space_obj)
        archive, meta_path = _paths(token)
        try:
            with archive.open("rb") as source:
                plan = io.import_plan(actor=actor, space=space_obj, source=source)
        except ValidationError as error:
            _discard(token)
            form.add_error("file", error.message_dict.get("file", error.messages)
                           if hasattr(error, "error_dict") else error.messages)  # fmt: skip
        else:
            meta = {
                "membership": actor.pk, "space": space_obj.pk,
                "file_name": form.cleaned_data["file"].name[:200],
                "created": timezone.now().isoformat(), "summary": plan.summary(),
            }  # fmt: skip
            meta_path.write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
            url = reverse("wiki_space_import", kwargs={"ws": ws, "space": space_obj.slug})
            return redirect(f"{url}?token={token}")
    return render(request, "wiki/io/upload.html", {"form": form, "space": space_obj},
                  status=400 if form.errors else 200)  # fmt: skip


def _preview(
    request: HttpRequest, actor: Membership, space: Space, level: str, token: str
) -> HttpResponse:
    meta = _pending(token, actor, space)
    if meta is None:
        messages.error(request, _("This import has expired. Upload the zip again."))
        return redirect("wiki_space_import", ws=space.workspace.slug, space=space.slug)
    if request.method == "POST" and request.POST.get("action") == "cancel":
        _discard(token)
        messages.info(request, _("Import cancelled; nothing was imported."))
        return redirect("wiki_space", ws=space.workspace.slug, space=space.slug)
    tree = selectors.space_tree(actor, space, level)
    form = ImportConfirmForm(request.POST or None, pages=tree)
    confirm_error = ""
    if request.method == "POST" and form.is_valid():
        parent = None
        if form.cleaned_data["parent"]:
            parent = Page.objects.in_workspace(actor.workspace).filter(
                space=space, pk=form.cleaned_data["parent"], archived_at__isnull=True
            ).first()  # fmt: skip
        # Claim the zip (a rename is atomic): a double click imports once, not twice.
        archive = _paths(token)[0]
        claimed = archive.with_suffix(".importing")
        try:
            archive.rename(claimed)
        except FileNotFoundError:
            messages.error(request, _("This import has expired. Upload the zip again."))
            return redirect("wiki_space_import", ws=space.workspace.slug, space=space.slug)
        try:
            with claimed.open("rb") as source:
                result = io.import_confirm(
                    actor=actor, space=space, source=source, parent=parent,
                    file_name=meta["file_name"], context=AuditContext.from_request(request),
                )  # fmt: skip
        except BaseException as error:
            claimed.rename(archive)  # nothing was imported: the preview can be confirmed again
            if not isinstance(error, ValidationError):
                raise
            confirm_error = " ".join(error.messages)
        else:
            claimed.unlink(missing_ok=True)
            _discard(token)
            done = ngettext("Imported %(n)d page.", "Imported %(n)d pages.", result.pages) % {
                "n": result.pages
            }
            if result.images:
                done += " " + ngettext(
                    "%(n)d image became an attachment.",
                    "%(n)d images became attachments.",
                    result.images,
                ) % {"n": result.images}
            messages.success(request, done)
            if parent is not None:
                return redirect("wiki_page", ws=space.workspace.slug, page_id=parent.pk)
            return redirect("wiki_space", ws=space.workspace.slug, space=space.slug)
    summary = meta["summary"]
    problems = summary["problems"]
    context = {
        "space": space, "token": token, "form": form, "file_name": meta["file_name"],
        "pages": summary["pages"][:1000], "page_count": len(summary["pages"]),
        "image_count": summary["images"], "problems": problems[:500],
        "problem_count": len(problems),
        "skipped_count": sum(1 for p in problems if p["skipped"]),
        "confirm_error": confirm_error,
    }  # fmt: skip
    return render(request, "wiki/io/preview.html", context,
                  status=400 if confirm_error or form.errors else 200)  # fmt: skip


@login_required
@require_GET
def wiki_space_export(request: HttpRequest, ws: str, space: str) -> FileResponse:
    """The space as a zip of Markdown files (what the member may read)."""
    actor = request_membership(request)
    space_obj, _level = selectors.get_space_for(actor, space)
    export = io_export.space_export(
        actor=actor, space=space_obj, context=AuditContext.from_request(request)
    )
    day = timezone.localdate().isoformat()
    response = FileResponse(
        export.file, as_attachment=True, filename=f"{space_obj.slug}-{day}.zip",
        content_type="application/zip",
    )  # fmt: skip
    response["X-Content-Type-Options"] = "nosniff"
    return response
