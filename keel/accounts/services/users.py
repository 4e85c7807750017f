"""Writes to a person's own account (not to a membership): the profile on the settings page.

Email, password and two-factor changes are allauth's; keel.accounts.receivers audits those.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from keel.accounts.models import User
from keel.core.audit import audit
from keel.core.services import AuditContext

PROFILE_FIELDS = ("full_name", "language", "timezone", "theme")


def language_problem(language: str) -> str:
    """Why `language` cannot be saved ("" when it is one Keel speaks)."""
    if language in dict(settings.LANGUAGES):
        return ""
    return _("Choose one of: %(list)s.") % {
        "list": ", ".join(code for code, _name in settings.LANGUAGES)
    }


@transaction.atomic
def user_profile_update(
    *,
    user: User,
    full_name: str,
    language: str,
    timezone: str,
    theme: str,
    context: AuditContext | None = None,
) -> list[str]:
    """Save the user's name, language, time zone and theme ("" means the default).

    Audited as "user.profile_updated" with the names of the fields that changed, not their
    values; no change, no audit entry. Returns the names of the changed fields.
    """
    values = {"full_name": full_name, "language": language, "timezone": timezone, "theme": theme}
    changed = [name for name in PROFILE_FIELDS if getattr(user, name) != values[name]]
    if changed:
        for name in changed:
            setattr(user, name, values[name])
        user.save(update_fields=changed)
        audit(action="user.profile_updated", actor=user, context=context,
              data={"fields": changed})  # fmt: skip
    return changed


def user_language_set(*, user: User, language: str, context: AuditContext | None = None) -> bool:
    """Save the language `user` chose with the language switch; True when it changed.

    Audited like a profile change ("user.profile_updated", fields ["language"]).
    """
    problem = language_problem(language)
    if problem:
        raise ValidationError({"language": problem})
    if user.language == language:
        return False
    return bool(user_profile_update(
        user=user, full_name=user.full_name, language=language, timezone=user.timezone,
        theme=user.theme, context=context,
    ))  # fmt: skip
