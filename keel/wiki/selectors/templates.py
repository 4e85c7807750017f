"""Reads for email templates: every template a member may read, by space, with the languages
it is written in; and one template with its variants (404 unless readable)."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404

from keel.core.models import Membership
from keel.wiki.access import READ, can, page_levels, reader_for
from keel.wiki.models import Page, PageKind, Space, TemplateVariant
from keel.wiki.selectors.pages import get_page_for, spaces_for

_LANGUAGES_ONLY = TemplateVariant.objects.only("pk", "page_id", "language")


@dataclass
class TemplateRow:
    page: Page
    languages: list[str]
    level: str

    @property
    def labelled_languages(self) -> list[tuple[str, str]]:
        names = dict(settings.LANGUAGES)
        return [(code, names.get(code, code)) for code in self.languages]


@dataclass
class TemplateGroup:
    space: Space
    templates: list[TemplateRow]


def templates_for(actor: Membership) -> list[TemplateGroup]:
    """The live templates the member may read, grouped by space in the spaces' order."""
    rows = spaces_for(actor)
    spaces = {row.space.pk: row for row in rows}
    pages = list(
        Page.objects.in_workspace(actor.workspace)
        .filter(kind=PageKind.TEMPLATE, archived_at__isnull=True, space_id__in=list(spaces))
        .only("pk", "title", "space_id", "parent_id", "restricted", "kind", "body")
        .prefetch_related(Prefetch("variants", queryset=_LANGUAGES_ONLY))
        .order_by("title", "id")
    )
    by_space: dict[int, list[Page]] = {}
    for page in pages:
        by_space.setdefault(page.space_id, []).append(page)
    reader = reader_for(actor)
    groups = []
    for row in rows:
        group = by_space.get(row.space.pk)
        if not group:
            continue
        levels = page_levels(reader, group, row.level)
        readable = [
            TemplateRow(page=p, languages=sorted(v.language for v in p.variants.all()),
                        level=levels[p.pk])
            for p in group
            if can(levels[p.pk], READ)
        ]  # fmt: skip
        if readable:
            groups.append(TemplateGroup(space=row.space, templates=readable))
    return groups


def get_template_for(
    actor: Membership, page_id: int | str, *, needed: str = READ
) -> tuple[Page, str]:
    """The template page (variants prefetched) and the actor's level; 404 for other pages."""
    page, level = get_page_for(actor, page_id, needed=needed)
    if page.kind != PageKind.TEMPLATE or page.archived_at is not None:
        raise Http404
    prefetch_related_objects([page], "variants")
    return page, level
