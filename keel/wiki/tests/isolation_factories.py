"""Isolation factories for the wiki's URL kwargs (see keel/core/tests/isolation.py).

Each part of the wiki registers the kwargs of its own URLs in its block below.
"""

from __future__ import annotations

import uuid
from typing import Any

from keel.core.models import Workspace
from keel.core.tests.isolation import register_isolation_factory


def _space(ws: Workspace) -> Any:
    from keel.wiki.models import Space

    return Space.objects.create(workspace=ws, name="Operations", slug=f"ops-{uuid.uuid4().hex[:8]}")


def _space_slug(ws: Workspace) -> str:
    return str(_space(ws).slug)


def _page(ws: Workspace) -> Any:
    from keel.wiki.models import Page, Revision

    page = Page.objects.create(workspace=ws, space=_space(ws), title="Returns", body="Line 1\n")
    Revision.objects.create(workspace=ws, page=page, number=1, title=page.title, body=page.body)
    return page


def _grant(ws: Workspace) -> Any:
    from keel.core.tests.factories import MembershipFactory
    from keel.wiki.models import Grant

    member: Any = MembershipFactory(workspace=ws)
    return Grant.objects.create(workspace=ws, space=_space(ws), level="read", membership=member)


def _attachment_key(ws: Workspace) -> str:
    import secrets

    from django.core.files.base import ContentFile

    from keel.wiki.models import Attachment

    page = _page(ws)
    attachment = Attachment(
        workspace=ws, space=page.space, page=page, name="notes.txt",
        key=secrets.token_urlsafe(24), content_type="text/plain", size=5,
    )  # fmt: skip
    attachment.file.save(attachment.key, ContentFile(b"notes"), save=True)
    return attachment.key


def _template_and_contact_factories() -> dict[str, Any]:
    """Templates and contacts (wikitpl): a template page with a variant, and a contact."""

    def template(ws: Workspace) -> Any:
        from keel.wiki.models import PageKind, TemplateVariant

        page = _page(ws)
        page.kind = PageKind.TEMPLATE
        page.save(update_fields=["kind"])
        TemplateVariant.objects.create(workspace=ws, page=page, language="en",
                                       subject="Order {{order}}", body="Hi {{name}}")  # fmt: skip
        return page

    def contact(ws: Workspace) -> Any:
        from keel.wiki.models import Contact

        return Contact.objects.create(workspace=ws, company="Shenzhen Parts", email="a@b.example")

    api = "/api/v1/workspaces/{slug}/wiki"
    return {
        "page_id@wiki_template_use": template,
        "page_id@wiki_template_variants": template,
        f"page_id@{api}/templates/{{page_id}}/render": template,
        "wiki.contact": contact,
        "contact_id": contact,
    }


def register_isolation_factories() -> None:
    # --- spaces, pages, history (wikiui) ---
    for key, factory in {
        "space": _space_slug,  # spaces are addressed by their slug
        "wiki.page": _page,
        "page_id": _page,
        "wiki.grant": _grant,
        "grant_id": _grant,
        "number": lambda ws: 1,  # a revision number: every page has version 1
    }.items():
        register_isolation_factory(key, factory)
    # --- spaces, pages and revisions API (wikiapi) ---
    register_isolation_factory("space_slug", _space_slug)
    # --- files (wikifiles) ---
    register_isolation_factory("key", _attachment_key)
    register_isolation_factory(
        "space_slug@/api/v1/workspaces/{slug}/wiki/spaces/{space_slug}/files", _space_slug
    )
    # --- templates and contacts (wikitpl) ---
    for key, factory in _template_and_contact_factories().items():
        register_isolation_factory(key, factory)
