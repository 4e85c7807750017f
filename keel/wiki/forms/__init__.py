"""Forms of the wiki's pages. Import from here: `from keel.wiki.forms import PageForm`."""

from keel.wiki.forms.contacts import ContactFilterForm, ContactForm, ContactImportForm
from keel.wiki.forms.pages import MoveForm, PageForm, RestrictForm
from keel.wiki.forms.spaces import GrantForm, SpaceForm, SpaceSettingsForm, grantee_name
from keel.wiki.forms.templates import TemplateUseForm, VariantForm

__all__ = [
    "ContactFilterForm",
    "ContactForm",
    "ContactImportForm",
    "GrantForm",
    "MoveForm",
    "PageForm",
    "RestrictForm",
    "SpaceForm",
    "SpaceSettingsForm",
    "TemplateUseForm",
    "VariantForm",
    "grantee_name",
]
