"""Search: one index over every app's documents (tasks, wiki pages, contacts …), Chinese and
English in one query, filtered by the searcher's permissions before anything is ranked."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "keel.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from keel.search import wiring

        wiring.connect()
