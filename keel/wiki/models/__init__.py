"""The wiki's models, split by subject; import from here: `from keel.wiki.models import Page`."""

from keel.wiki.models.files import Attachment, Contact, ContactKind, FileKind
from keel.wiki.models.pages import Page, PageKind, PageLink, Revision, TemplateVariant
from keel.wiki.models.spaces import LEVEL_RANK, Grant, Level, Space, SpaceKind, StaffLevel

__all__ = [
    "LEVEL_RANK",
    "Attachment",
    "Contact",
    "ContactKind",
    "FileKind",
    "Grant",
    "Level",
    "Page",
    "PageKind",
    "PageLink",
    "Revision",
    "Space",
    "SpaceKind",
    "StaffLevel",
    "TemplateVariant",
]
