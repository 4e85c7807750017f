"""Writes for workspaces: starting one (its creator is the owner), and recording an export
of its audit log. Names follow `<entity>_<verb>`; each checks permission, audits, is atomic.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from keel.accounts.models import User
from keel.core.audit import audit
from keel.core.models import RESERVED_SLUGS, AuditEvent, Membership, Role, Workspace
from keel.core.permissions import require
from keel.core.services import AuditContext, audit_event


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
    return membership


def audit_export_record(
    *, actor: Membership, count: int, filters: dict[str, str], context: AuditContext | None = None
) -> AuditEvent:
    """Exporting the log is itself an audited act (who took a copy of what)."""
    require(actor, "audit.view")
    kept = {k: v for k, v in filters.items() if v}
    return audit_event(actor, "audit.exported", None, context, rows=count, filters=kept)
