"""@mentions in wiki pages notify the people named — once, when a save adds the mention.

A mention notifies only a member who may read the page (a restricted page's title never
reaches someone without access). The notification is stored as kind + parameters and worded
for each reader when read (keel.notifications).
"""

from __future__ import annotations

from django.urls import reverse

from keel.core.models import Membership
from keel.notifications.services import chat_notify, notify
from keel.wiki.access import READ, can, open_to_staff, page_level, reader_for
from keel.wiki.markdown import mention_names
from keel.wiki.models import Page


def _members_named(page: Page, names: list[str]) -> list[Membership]:
    if not names:
        return []
    return list(
        Membership.objects.active()
        .in_workspace(page.workspace)
        .filter(user__full_name__in=names)
        .select_related("user", "workspace")
    )


def notify_new_mentions(*, actor: Membership, page: Page, old_body: str, new_body: str) -> int:
    """Tell the members newly @mentioned by this save; returns how many were told."""
    before = set(mention_names(old_body)) if old_body else set()
    added = [n for n in mention_names(new_body) if n not in before]
    told = 0
    url = reverse("wiki_page", kwargs={"ws": page.workspace.slug, "page_id": page.pk})
    public: bool | None = None  # whether a chat may name the page: asked once, if at all
    for person in _members_named(page, added):
        if person.pk == actor.pk or not can(page_level(reader_for(person), page), READ):
            continue
        params = {"actor": actor.user.display_name, "page": page.title}
        notify(recipient=person, kind="wiki.mentioned", params=params, url=url)
        if public is None:
            public = open_to_staff(page)
        if public:
            chat_notify(recipient=person, kind="wiki.mentioned", params=params, url=url)
        told += 1
    return told
