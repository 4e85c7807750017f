"""Wiki pages and contacts in the search index (keel.search's registry).

A page's scope is its space ("space:<id>") or, under a restricted page, the nearest
restricted page ("page:<id>"), so a searcher finds exactly the pages they may open
(keel.wiki.access.visible_scopes) and a change of grants needs no re-indexing; moving or
restricting a page re-indexes its subtree. Archived pages and pages of archived spaces are
not documents. Contacts share one scope, "contacts", open to whoever may see the directory.

Registered from wiring.connect(); the services call `index_pages_later` / `index_contacts_later`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from keel.core.permissions import has_perm
from keel.search.registry import SearchDoc, SearchProvider, index_later
from keel.wiki.access import page_scope, visible_scopes
from keel.wiki.models import Contact, Page, PageKind

if TYPE_CHECKING:
    from keel.core.models import Membership, Workspace

PAGE_KIND = "page"
CONTACT_KIND = "contact"
CONTACT_SCOPE = "contacts"


def page_documents(workspace: Workspace, ids: Sequence[int] | None) -> Iterator[SearchDoc]:
    """The documents of `ids` (all pages when None): the page rows plus each space's tree."""
    from keel.wiki.markdown import plain_text

    rows = Page.objects.in_workspace(workspace).filter(
        archived_at__isnull=True, space__archived_at__isnull=True
    )
    if ids is not None:
        rows = rows.filter(pk__in=list(ids))
    rows = rows.only(
        "pk",
        "title",
        "body",
        "kind",
        "space_id",
        "owner_id",
        "updated_at",
        "parent_id",
        "restricted",
    ).prefetch_related("variants")  # an email template is found by its email's words too
    trees: dict[int, dict[int, tuple[int | None, bool]]] = {}
    template = reverse("wiki_page", kwargs={"ws": workspace.slug, "page_id": 999999999})
    for page in rows.order_by("pk").iterator(chunk_size=500):
        tree = trees.get(page.space_id)
        if tree is None:
            values = Page.objects.filter(space_id=page.space_id).values_list(
                "pk", "parent_id", "restricted"
            )
            tree = trees[page.space_id] = {pk: (parent, r) for pk, parent, r in values}
        body = plain_text(page.body)
        if page.kind == PageKind.TEMPLATE:
            body = " ".join([body, *(f"{v.subject} {v.body}" for v in page.variants.all())])
        yield SearchDoc(
            object_id=page.pk,
            title=page.title,
            body=body,
            url=template.replace("999999999", str(page.pk)),
            scope=page_scope(page, tree),
            updated_at=page.updated_at,
            owner_id=page.owner_id,
            facets={"space": str(page.space_id)},
        )


def contact_documents(workspace: Workspace, ids: Sequence[int] | None) -> Iterator[SearchDoc]:
    rows = Contact.objects.in_workspace(workspace)
    if ids is not None:
        rows = rows.filter(pk__in=list(ids))
    template = reverse("wiki_contact", kwargs={"ws": workspace.slug, "contact_id": 999999999})
    for contact in rows.order_by("pk").iterator(chunk_size=500):
        title = " · ".join(x for x in (contact.company, contact.name) if x)
        body = " ".join(
            x for x in (contact.role, contact.email, contact.phone, " ".join(contact.tags),
                        contact.notes) if x
        )  # fmt: skip
        yield SearchDoc(
            object_id=contact.pk, title=title or contact.email, body=body,
            url=template.replace("999999999", str(contact.pk)), scope=CONTACT_SCOPE,
            updated_at=contact.updated_at, facets={"kind": contact.kind},
        )  # fmt: skip


def contact_scopes(membership: Membership) -> set[str]:
    return {CONTACT_SCOPE} if has_perm(membership, "wiki.contacts_view") else set()


PAGE_SEARCH = SearchProvider(
    kind=PAGE_KIND, label=_("Wiki pages"), documents_for=page_documents,
    visible_scopes=visible_scopes, order=10,
)  # fmt: skip
CONTACT_SEARCH = SearchProvider(
    kind=CONTACT_KIND, label=_("Contacts"), documents_for=contact_documents,
    visible_scopes=contact_scopes, order=30,
)  # fmt: skip


def index_pages_later(ids: Iterable[int], workspace_id: int) -> None:
    index_later(PAGE_KIND, ids, workspace_id)


def index_contacts_later(ids: Iterable[int], workspace_id: int) -> None:
    index_later(CONTACT_KIND, ids, workspace_id)
