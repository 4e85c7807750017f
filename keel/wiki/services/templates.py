"""Email templates: a wiki page of kind "template" with one subject and body per language.

`render_template` is the service other apps use (the assistants' inbox): it picks the
variant for a language, fills `{{name}}` variables with plain-text values and reports what is
missing. It reads the page's variants (prefetched ones are reused) and writes nothing.
Substitution is one pass over the template's own text, so a value that itself contains
`{{x}}` stays literal: a customer's message pasted as a value can never pull in other values.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from keel.core.models import Membership
from keel.core.services import AuditContext, audit_event, same_workspace
from keel.wiki.access import EDIT, require_page
from keel.wiki.models import Page, PageKind, TemplateVariant

SUBJECT_MAX = 300
TEMPLATE_BODY_MAX = 50_000
# {{name}}: letters (any script, so {{供应商}} works), digits and underscores; spaces inside
# the braces are tolerated ({{ name }}) because people type them.
VARIABLE = re.compile(r"\{\{\s*(\w+)\s*\}\}")
# Browsers and phones send these for Chinese; the templates are stored under Django's codes.
_LANGUAGE_ALIASES = {
    "zh-cn": "zh-hans", "zh-sg": "zh-hans", "zh": "zh-hans",
    "zh-tw": "zh-hant", "zh-hk": "zh-hant", "zh-mo": "zh-hant",
}  # fmt: skip


@dataclass(frozen=True)
class RenderedEmail:
    subject: str
    body: str
    missing: list[str] = field(default_factory=list)
    language: str = ""


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def normalise_language(language: str) -> str:
    code = (language or "").strip().lower().replace("_", "-")
    return _LANGUAGE_ALIASES.get(code, code)


def template_variables(text: str) -> list[str]:
    """The `{{variable}}` names of `text`, each once, in the order they first appear."""
    seen: dict[str, None] = {}
    for match in VARIABLE.finditer(text or ""):
        seen.setdefault(match.group(1), None)
    return list(seen)


def variant_variables(variant: TemplateVariant) -> list[str]:
    """The variables of a variant: the subject's first, then the body's."""
    return template_variables(f"{variant.subject}\n{variant.body}")


def _fill(text: str, values: Mapping[str, str], missing: dict[str, None]) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        value = values.get(name)
        if value is None or not str(value).strip():
            missing.setdefault(name, None)
            return match.group(0)  # left visible, so the gap shows in a preview
        return str(value)

    return VARIABLE.sub(replace, text)


def pick_variant(page: Page, language: str) -> TemplateVariant | None:
    """The variant in `language`, else in the workspace's language, else the first one."""
    variants = list(page.variants.all())  # uses prefetch_related("variants") when done
    by_language = {v.language: v for v in variants}
    wanted = normalise_language(language)
    for code in (wanted, page.workspace.language):
        if code in by_language:
            return by_language[code]
    return min(variants, key=lambda v: v.language) if variants else None


def render_template(
    *, page: Page, language: str, values: Mapping[str, str], strict: bool = True
) -> RenderedEmail:
    """Subject and body of the template in `language` (or its fallback) with `values` filled.

    A variable without a value (absent or blank) stays as `{{name}}` and is listed in
    `missing`; with `strict` it is an error instead, naming the variables to fill. Values are
    plain text, inserted as they are: the caller escapes for HTML if it shows them there.
    """
    if page.kind != PageKind.TEMPLATE:
        raise ValidationError(_("This page is not an email template."), code="not_template")
    variant = pick_variant(page, language)
    if variant is None:
        raise ValidationError(
            _("This template has no text yet: add a subject and body in one language first."),
            code="no_variant",
        )
    missing: dict[str, None] = {}
    subject = _fill(variant.subject, values, missing)
    body = _fill(variant.body, values, missing)
    # A subject is one line: a value with line breaks must not add header lines to a mail.
    subject = " ".join(subject.split())
    if strict and missing:
        names = list(missing)
        raise ValidationError(
            ngettext(
                "Fill in the variable %(names)s.", "Fill in the variables %(names)s.", len(names)
            )
            % {"names": ", ".join(names)},
            code="missing",
            params={"missing": names},
        )
    return RenderedEmail(subject=subject, body=body, missing=list(missing),
                         language=variant.language)  # fmt: skip


def _check_template(actor: Membership, page: Page) -> None:
    same_workspace(actor, page)
    require_page(actor, page, EDIT)
    if page.kind != PageKind.TEMPLATE:
        raise ValidationError(_("This page is not an email template."), code="not_template")
    if page.archived_at is not None:
        raise ValidationError(_("This page is archived: restore it to edit it."))


def _check_language(language: str) -> str:
    code = normalise_language(language)
    if code not in language_codes():
        raise ValidationError({"language": _("Choose one of Keel's languages.")})
    return code


def _reindex(page: Page) -> None:
    from keel.wiki.search import index_pages_later

    index_pages_later([page.pk], page.workspace_id)


@transaction.atomic
def variant_set(
    *,
    actor: Membership,
    page: Page,
    language: str,
    subject: str,
    body: str,
    context: AuditContext | None = None,
) -> TemplateVariant:
    """Write the template's subject and body in one language (adds it or replaces it)."""
    _check_template(actor, page)
    code = _check_language(language)
    subject = " ".join((subject or "").split())
    body = (body or "").replace("\r\n", "\n").strip("\n")
    errors: dict[str, str] = {}
    if not subject:
        errors["subject"] = _("Write a subject.")
    elif len(subject) > SUBJECT_MAX:
        errors["subject"] = _("Use at most %(n)s characters.") % {"n": SUBJECT_MAX}
    if not body.strip():
        errors["body"] = _("Write the text of the email.")
    elif len(body) > TEMPLATE_BODY_MAX:
        errors["body"] = _("The text is too long: at most %(n)s characters.") % {
            "n": f"{TEMPLATE_BODY_MAX:,}"
        }
    if errors:
        raise ValidationError(errors)
    variant, created = TemplateVariant.objects.update_or_create(
        page=page, language=code,
        defaults={"workspace": page.workspace, "subject": subject, "body": body},
    )  # fmt: skip
    audit_event(actor, "wiki.template_variant_saved", page, context, language=code,
                created=created)  # fmt: skip
    _reindex(page)
    return variant


@transaction.atomic
def variant_delete(
    *, actor: Membership, page: Page, language: str, context: AuditContext | None = None
) -> bool:
    """Remove the template's text in one language; False when there was none."""
    _check_template(actor, page)
    code = _check_language(language)
    deleted, _rows = TemplateVariant.objects.filter(page=page, language=code).delete()
    if deleted:
        audit_event(actor, "wiki.template_variant_deleted", page, context, language=code)
        _reindex(page)
    return bool(deleted)
