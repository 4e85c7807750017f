"""Email-template pages: the list of templates, "use" (fill the variables, copy the result or
open it in the mail app) and the per-language subject and body editor.

"Use" writes nothing: it renders through `services.render_template`, the same service the
assistants' inbox calls. With htmx the result replaces only its own section; without
JavaScript the form posts and the page comes back with the result.
"""

from __future__ import annotations

from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from keel.core.middleware import request_membership
from keel.core.permissions import require
from keel.core.services import AuditContext
from keel.ui.forms import add_service_errors
from keel.wiki import selectors, services
from keel.wiki.access import EDIT, can
from keel.wiki.forms import TemplateUseForm, VariantForm
from keel.wiki.forms.templates import VALUE_PREFIX, language_name
from keel.wiki.models import Page
from keel.wiki.services.templates import RenderedEmail, normalise_language, pick_variant

MAILTO_MAX = 1800  # longer mailto: links are cut or refused by some mail apps and browsers


def mailto_url(subject: str, body: str) -> str:
    """`mailto:?subject=…&body=…`, every reserved character encoded, line breaks as CRLF
    (RFC 6068); spaces are %20, never "+", which mail apps would show as a plus."""
    body = body.replace("\r\n", "\n").replace("\n", "\r\n")
    return f"mailto:?subject={quote(subject, safe='')}&body={quote(body, safe='')}"


@login_required
@require_GET
def template_list(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "wiki.view")
    query = request.GET.get("q", "").strip()[:100]
    groups = selectors.templates_for(actor)
    if query:
        needle = query.casefold()
        for group in groups:
            group.templates = [t for t in group.templates if needle in t.page.title.casefold()]
        groups = [g for g in groups if g.templates]
    return render(request, "wiki/templates/list.html", {
        "groups": groups, "query": query,
    })  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def template_use(request: HttpRequest, ws: str, page_id: int) -> HttpResponse:
    actor = request_membership(request)
    page, level = selectors.get_template_for(actor, page_id)
    variants = list(page.variants.all())
    data = request.POST if request.method == "POST" else None
    wanted = normalise_language((data or request.GET).get("language") or get_language() or "")
    variant = pick_variant(page, wanted)
    context: dict[str, object] = {
        "page": page,
        "can_edit": can(level, EDIT),
        "variant": variant,
        "variants": variants,
    }
    if variant is None:
        return render(request, "wiki/templates/use.html", context)
    form = TemplateUseForm(data, variants=variants, variant=variant,
                           initial={"language": variant.language})  # fmt: skip
    result: RenderedEmail | None = None
    if data is None and not form.variables:  # nothing to fill in: the email is ready
        result = services.render_template(page=page, language=variant.language, values={})
    elif data is not None and form.is_valid():
        values = form.values()
        try:
            result = services.render_template(page=page, language=variant.language,
                                              values=values, strict=False)  # fmt: skip
        except ValidationError as error:
            add_service_errors(form, error)
        if result is not None:
            for name in result.missing:
                form.add_error(VALUE_PREFIX + name, _("Fill this in, or it stays as {{%(name)s}}.")
                               % {"name": name})  # fmt: skip
    mailto = mailto_url(result.subject, result.body) if result else ""
    context.update({
        "form": form,
        "value_fields": form.value_fields(),
        "result": result,
        "mailto": mailto if len(mailto) <= MAILTO_MAX else "",
        "mailto_too_long": len(mailto) > MAILTO_MAX,
        "language_name": language_name(variant.language),
        "fallback": variant.language != (wanted or variant.language),
    })  # fmt: skip
    if request.headers.get("HX-Request") and data is not None:
        return render(request, "wiki/templates/_result.html", context)
    return render(request, "wiki/templates/use.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def template_variants(request: HttpRequest, ws: str, page_id: int) -> HttpResponse:
    """Each language's subject and body, saved (or removed) one language at a time."""
    actor = request_membership(request)
    page, _level = selectors.get_template_for(actor, page_id, needed=EDIT)
    existing = {v.language: v for v in page.variants.all()}
    posted = request.POST.get("language", "") if request.method == "POST" else ""
    sections = []
    failed = False
    for code, name in settings.LANGUAGES:
        variant = existing.get(code)
        initial = {"subject": variant.subject, "body": variant.body} if variant else {}
        bound = request.POST if posted == code else None
        form = VariantForm(bound, prefix=code, initial=initial)
        if bound is not None:
            saved = _save_variant(request, form, page=page, code=code, name=name)
            if saved:
                return redirect(f"{request.path}#lang-{code}")
            failed = True
        text = f"{form['subject'].value() or ''}\n{form['body'].value() or ''}"
        sections.append({
            "code": code, "name": name, "form": form, "variant": variant,
            "variables": services.template_variables(text),
        })  # fmt: skip
    return render(request, "wiki/templates/variants.html", {
        "page": page, "sections": sections,
    }, status=400 if failed else 200)  # fmt: skip


def _save_variant(
    request: HttpRequest, form: VariantForm, *, page: Page, code: str, name: str
) -> bool:
    actor = request_membership(request)
    audit = AuditContext.from_request(request)
    if not form.is_valid():
        return False
    try:
        if request.POST.get("action") == "delete":
            services.variant_delete(actor=actor, page=page, language=code, context=audit)
            messages.success(request, _("The %(language)s text was removed.") % {
                "language": name})  # fmt: skip
        else:
            services.variant_set(actor=actor, page=page, language=code,
                                 subject=form.cleaned_data["subject"],
                                 body=form.cleaned_data["body"], context=audit)  # fmt: skip
            messages.success(request, _("The %(language)s text was saved.") % {
                "language": name})  # fmt: skip
    except ValidationError as error:
        add_service_errors(form, error)
        return False
    return True
