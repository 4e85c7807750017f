"""Content a workspace starts with, and the loader the demo shop shares.

A new workspace gets a "Company" space with real, editable pages in its language (company
history, how we work, three email templates in English and Chinese, the contact directory):
`create_starter_content(owner)`, run after the workspace is created (accounts' event). The
content lives in `demo_content/starter.py`; `load_tree` writes any such tree of page dicts
through the services, so revisions, links and search are the same as for typed pages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from keel.core.models import Membership
from keel.org.models import Seat
from keel.wiki import services
from keel.wiki.access import EDIT, can, reader_for, space_level
from keel.wiki.models import Page, PageKind, Space, SpaceKind, TemplateVariant

PageDict = dict[str, Any]


def _language_key(language: str) -> str:
    return language if language in ("en", "zh-hans", "zh-hant") else "en"


def load_tree(
    *,
    actor: Membership,
    space: Space,
    pages: list[PageDict],
    parent: Page | None = None,
    body_filter: Callable[[str], str] = lambda text: text,
    author_of: Callable[[str], Membership | None] = lambda email: None,
    owner_of: Callable[[str], tuple[Membership | None, Seat | None]] = lambda ref: (None, None),
) -> list[Page]:
    """Create `pages` (and their children) under `parent`; returns every page created.

    A page dict: title, body, children, kind ("page" | "template"), and optionally owner
    ("email" or "seat:<title>"), review_days, revisions (older bodies, oldest first, each
    with author and summary: written first, so history shows several people), subject and
    variants (templates: {language: {subject, body}}).
    """
    created: list[Page] = []

    def writer(email: str) -> Membership:
        """The named author when they may edit here, else the loader's actor."""
        person = author_of(email) if email else None
        if person is None or not can(space_level(reader_for(person), space), EDIT):
            return actor
        return person

    for data in pages:
        owner, owner_seat = owner_of(str(data.get("owner") or ""))
        history = list(data.get("revisions") or [])
        first = history[0] if history else None
        page = services.page_create(
            actor=writer(first.get("author", "")) if first else actor, space=space,
            parent=parent, title=data["title"],
            body=body_filter(first["body"] if first else data.get("body", "")),
            kind=data.get("kind", PageKind.PAGE), owner=owner, owner_seat=owner_seat,
            review_every_days=data.get("review_days"),
            summary=(first or {}).get("summary", ""),
        )  # fmt: skip
        for older in history[1:]:
            services.page_update(actor=writer(older.get("author", "")), page=page,
                                 base_version=page.version, body=body_filter(older["body"]),
                                 summary=older.get("summary", ""))  # fmt: skip
            page.refresh_from_db()
        if history:
            services.page_update(actor=actor, page=page, base_version=page.version,
                                 body=body_filter(data.get("body", "")),
                                 summary=data.get("summary", ""))  # fmt: skip
            page.refresh_from_db()
        for language, variant in (data.get("variants") or {}).items():
            TemplateVariant.objects.update_or_create(
                workspace=space.workspace, page=page, language=language,
                defaults={"subject": variant["subject"], "body": variant["body"]},
            )  # fmt: skip
        created.append(page)
        created += load_tree(actor=actor, space=space, pages=data.get("children") or [],
                             parent=page, body_filter=body_filter, author_of=author_of,
                             owner_of=owner_of)  # fmt: skip
    return created


def create_starter_content(owner: Membership) -> Space | None:
    """The new workspace's "Company" space and its starting pages (once; in its language)."""
    from keel.wiki.demo_content.starter import STARTER

    workspace = owner.workspace
    if Space.objects.in_workspace(workspace).exists():
        return None
    language = _language_key(workspace.language)
    with translation.override(language):
        name, description = _("Company"), _("How we work, who we are, and what we send.")
    space = services.space_create(actor=owner, name=name, slug="company",
                                  kind=SpaceKind.COMPANY, description=description)  # fmt: skip
    load_tree(actor=owner, space=space, pages=STARTER[language])
    return space


def on_workspace_created(*, owner: Membership) -> None:
    """accounts' WORKSPACE_CREATED handler (after commit)."""
    create_starter_content(owner)
