"""Services of the wiki. Import from here: `from keel.wiki import services`.

Split by subject: spaces (and access grants), pages (edit, move, archive, revisions),
reviews (owners and review dates), and — in their own modules — files, templates, contacts
and import/export.
"""

from keel.wiki.services.contacts import (
    ContactFields,
    contact_create,
    contact_delete,
    contact_update,
)
from keel.wiki.services.contacts_import import (
    ImportPreview,
    ImportResult,
    ImportRow,
    contacts_import,
    contacts_import_preview,
)
from keel.wiki.services.pages import (
    PageConflict,
    Saved,
    page_archive,
    page_create,
    page_move,
    page_set_restricted,
    page_unarchive,
    page_update,
    revision_restore,
    subtree_ids,
)
from keel.wiki.services.reviews import (
    create_due_review_tasks,
    create_review_task,
    page_mark_reviewed,
)
from keel.wiki.services.spaces import (
    grant_revoke,
    grant_set,
    space_archive,
    space_create,
    space_update,
)
from keel.wiki.services.templates import (
    RenderedEmail,
    render_template,
    template_variables,
    variant_delete,
    variant_set,
)

__all__ = [
    "ContactFields",
    "ImportPreview",
    "ImportResult",
    "ImportRow",
    "PageConflict",
    "RenderedEmail",
    "Saved",
    "contact_create",
    "contact_delete",
    "contact_update",
    "contacts_import",
    "contacts_import_preview",
    "create_due_review_tasks",
    "create_review_task",
    "grant_revoke",
    "grant_set",
    "page_archive",
    "page_create",
    "page_mark_reviewed",
    "page_move",
    "page_set_restricted",
    "page_unarchive",
    "page_update",
    "render_template",
    "revision_restore",
    "space_archive",
    "space_create",
    "space_update",
    "subtree_ids",
    "template_variables",
    "variant_delete",
    "variant_set",
]
