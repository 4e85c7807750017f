"""The wiki's API routes (mounted by keel/api.py), one module per subject: spaces, pages and
revisions (`pages.py`), files (`files.py`), email templates and contacts (`contacts.py`)."""

from ninja import Router

from keel.wiki.api.contacts import router as contacts_router
from keel.wiki.api.files import router as files_router
from keel.wiki.api.pages import router as pages_router

router = Router()
router.add_router("", pages_router)
router.add_router("", files_router)
router.add_router("", contacts_router)

__all__ = ["router"]
