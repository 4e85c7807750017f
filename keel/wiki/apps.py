"""The wiki: spaces of pages in a tree, revisions, email templates, files and contacts.

Above tasks in the module map (a page due for review becomes a task for its owner) and
below home; it fills the search registry with pages and contacts.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WikiConfig(AppConfig):
    name = "keel.wiki"
    label = "wiki"
    verbose_name = _("Wiki")

    def ready(self) -> None:
        from keel.wiki import wiring

        wiring.connect()
