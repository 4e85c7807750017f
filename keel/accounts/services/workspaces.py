"""Writes for workspaces: starting one (its creator is the owner), changing its settings,
and recording an export of its audit log. Names follow `<entity>_<verb>`; each checks
permission, audits, is atomic.
"""

from __future__ import annotations

import uuid
import zoneinfo
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from keel.accounts import events
from keel.accounts.models import User
from keel.accounts.services.users import language_problem
from keel.core.audit import audit
from keel.core.models import (
    RESERVED_SLUGS,
    WORKSPACE_CURRENCIES,
    AuditEvent,
    Membership,
    Role,
    WeekStart,
    Workspace,
    domain_validator,
)
from keel.core.permissions import require
from keel.core.services import AuditContext, audit_event
from keel.core.validators import line_problem

LOGO_MAX_BYTES = 1024 * 1024
# Raster formats only: an SVG can carry script, and the logo is shown on every page.
LOGO_FORMATS = {"PNG": "png", "JPEG": "jpg", "GIF": "gif", "WEBP": "webp"}


@transaction.atomic
def workspace_create(
    *,
    user: User,
    name: str,
    slug: str,
    email_domain: str,
    language: str = "en",
    timezone_name: str = "UTC",
    context: AuditContext | None = None,
) -> Membership:
    """A new company with `user` as its owner."""
    slug = slug.lower().strip()
    if slug in RESERVED_SLUGS:
        raise ValidationError({"slug": _("This address is reserved. Choose another.")})
    if Workspace.objects.filter(slug=slug).exists():
        raise ValidationError({"slug": _("This address is taken. Choose another.")})
    if problem := line_problem(name.strip(), max_length=120):
        raise ValidationError({"name": problem})
    workspace = Workspace(
        name=name.strip(),
        slug=slug,
        email_domain=email_domain.lower().strip(),
        language=language,
        timezone=timezone_name,
    )
    workspace.full_clean()
    workspace.save()
    membership = Membership.objects.create(workspace=workspace, user=user, role=Role.OWNER)
    audit(action="workspace.created", actor=user, workspace=workspace, target=workspace,
          context=context)  # fmt: skip
    events.publish(events.WORKSPACE_CREATED, owner=membership)
    return membership


def audit_export_record(
    *, actor: Membership, count: int, filters: dict[str, str], context: AuditContext | None = None
) -> AuditEvent:
    """Exporting the log is itself an audited act (who took a copy of what)."""
    require(actor, "audit.view")
    kept = {k: v for k, v in filters.items() if v}
    return audit_event(actor, "audit.exported", None, context, rows=count, filters=kept)


def _logo_extension(logo: UploadedFile) -> str:
    """The file's real image format (read from its bytes, not its name), or ValidationError."""
    from PIL import Image, UnidentifiedImageError

    if (logo.size or 0) > LOGO_MAX_BYTES:
        raise ValidationError(_("The logo must be at most 1 MB."))
    try:
        logo.seek(0)
        with Image.open(logo) as image:
            image.verify()
            kind = image.format or ""
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError):
        kind = ""
    finally:
        logo.seek(0)
    if kind not in LOGO_FORMATS:
        raise ValidationError(_("Upload a PNG, JPEG, GIF or WebP image."))
    return LOGO_FORMATS[kind]


def _validated(
    workspace: Workspace, values: dict[str, Any], logo: UploadedFile | None
) -> tuple[dict[str, Any], str]:
    """The changed values, cleaned, and the logo's file extension ("" without a logo);
    every problem at once, keyed by field."""
    errors: dict[str, Any] = {}
    extension = ""
    if logo is not None:
        try:
            extension = _logo_extension(logo)
        except ValidationError as error:
            errors["logo"] = error
    cleaned: dict[str, Any] = {}
    for field, value in values.items():
        if value is None:  # leave as is
            continue
        value = value.strip() if isinstance(value, str) else value
        if field == "name" and not value:
            errors[field] = _("Enter the company name.")
        elif field == "name" and (problem := line_problem(value, max_length=120)):
            errors[field] = problem
        elif field == "email_domain":
            value = value.lower()
            try:
                domain_validator(value)
            except ValidationError:
                errors[field] = _("Enter a domain such as myshop.com.")
        elif field == "language" and language_problem(value):
            errors[field] = language_problem(value)
        elif field == "timezone" and value not in zoneinfo.available_timezones():
            errors[field] = _("“%(zone)s” is not a known time zone.") % {"zone": value[:64]}
        elif field == "week_start" and value not in WeekStart.values:
            errors[field] = _("Choose Monday or Sunday.")
        elif field == "currency":
            value = value.upper()
            if value not in WORKSPACE_CURRENCIES:
                errors[field] = _("Choose one of: %(list)s.") % {
                    "list": ", ".join(WORKSPACE_CURRENCIES)
                }
        cleaned[field] = value
    if errors:
        raise ValidationError(errors)
    return {f: v for f, v in cleaned.items() if getattr(workspace, f) != v}, extension


@transaction.atomic
def workspace_update(
    *,
    actor: Membership,
    workspace: Workspace,
    name: str | None = None,
    email_domain: str | None = None,
    language: str | None = None,
    timezone: str | None = None,
    week_start: str | None = None,
    currency: str | None = None,
    logo: UploadedFile | None = None,
    remove_logo: bool = False,
    context: AuditContext | None = None,
) -> Workspace:
    """Change the workspace's settings (owners only); None leaves a field as it is.

    `logo` replaces the logo (PNG, JPEG, GIF or WebP, at most 1 MB, stored through the
    default storage); `remove_logo` clears it. Audited as "workspace.updated" with the names
    of the changed fields, not their values; no change, no audit entry. Returns the workspace.
    """
    require(actor, "workspace.manage")
    if actor.workspace_id != workspace.pk:
        raise PermissionDenied
    changes, extension = _validated(
        workspace,
        {"name": name, "email_domain": email_domain, "language": language,
         "timezone": timezone, "week_start": week_start, "currency": currency},
        logo,
    )  # fmt: skip
    old_logo = workspace.logo.name if workspace.logo else ""
    for field, value in changes.items():
        setattr(workspace, field, value)
    changed = list(changes)
    if logo is not None:
        # A fresh name each time, so no cache shows the old picture under the new one.
        workspace.logo.save(f"{workspace.slug}-{uuid.uuid4().hex[:12]}.{extension}", logo,
                            save=False)  # fmt: skip
        changed.append("logo")
    elif remove_logo and old_logo:
        workspace.logo = ""
        changed.append("logo")
    if not changed:
        return workspace
    workspace.save(update_fields=[*changed, "updated_at"])
    if "logo" in changed and old_logo:
        storage = workspace.logo.storage
        transaction.on_commit(lambda: storage.delete(old_logo))
    audit_event(actor, "workspace.updated", workspace, context, fields=changed)
    return workspace
