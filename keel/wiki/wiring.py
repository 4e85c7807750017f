"""What the wiki registers at start-up (called from WikiConfig.ready): search providers
(pages and contacts), audit labels, the sidebar link, and the review job's schedule.
Each part of the wiki adds its registrations in its own block below.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from keel.core.models import Workspace

AUDIT_LABELS = {
    "wiki.space_created": _("Wiki space created"),
    "wiki.space_updated": _("Wiki space edited"),
    "wiki.space_archived": _("Wiki space archived"),
    "wiki.space_restored": _("Wiki space restored"),
    "wiki.access_granted": _("Wiki access given"),
    "wiki.access_revoked": _("Wiki access removed"),
    "wiki.page_created": _("Wiki page created"),
    "wiki.page_updated": _("Wiki page edited"),
    "wiki.page_moved": _("Wiki page moved"),
    "wiki.page_archived": _("Wiki page archived"),
    "wiki.page_restored": _("Wiki page restored"),
    "wiki.page_restricted": _("Wiki page access changed"),
    "wiki.page_reviewed": _("Wiki page reviewed"),
}


def _seed_large(workspace: Workspace) -> None:
    """The bench wiki: 80 pages and 400 revisions per member, as tasks scale with members
    (250 members, the bench's size → 20,000 pages and 100,000 revisions), then the index."""
    from keel.core.models import Membership
    from keel.wiki.large import PAGES, seed_wiki_large

    members = Membership.objects.in_workspace(workspace).count()
    pages = max(200, min(PAGES, 80 * members))
    seed_wiki_large(workspace, pages=pages, revisions=5 * pages)


REVIEW_CHECK_EVERY = 60 * 60  # hourly: a page due today gets its task the same morning


def chat_review_due(params: Mapping[str, Any]) -> Any:
    """A page due for review, in a team chat: the date in the chat's language."""
    from datetime import date

    from django.utils.formats import date_format

    from keel.notifications.chat_topics import ChatText

    due = date_format(date.fromisoformat(params["due"]), "DATE_FORMAT")
    lines = [str(_("Due {date}")).format(date=due)]
    if params.get("owner"):
        lines.append(str(_("Owner: {name}")).format(name=params["owner"]))
    return ChatText(str(_("{page} is due for review")).format(page=params["page"]), tuple(lines))


def connect() -> None:
    from keel.accounts import events
    from keel.accounts.offboarding import Receiver, register_offboarding_step
    from keel.core.audit import register_action_labels
    from keel.core.scheduler import every
    from keel.core.seeding import register_demo_seeder, register_large_seeder
    from keel.notifications.chat_topics import register_chat_topic
    from keel.notifications.kinds import register_kind
    from keel.org.ownership import register_seat_ownership
    from keel.search.registry import register_search_provider
    from keel.tasks.services import tasks as task_services
    from keel.wiki import offboarding
    from keel.wiki.demo import seed_demo_wiki
    from keel.wiki.jobs import create_review_tasks
    from keel.wiki.search import CONTACT_SEARCH, PAGE_SEARCH
    from keel.wiki.services.reviews import on_review_task_completed
    from keel.wiki.starter import on_workspace_created

    register_action_labels(AUDIT_LABELS)
    register_chat_topic("wiki.review_due", _("Wiki pages due for review"), render=chat_review_due)
    register_chat_topic("wiki.mentioned", _("Mentions in the wiki"),
                        title=_("{actor} mentioned {recipient} on the wiki page {page}"),
                        group_scoped=True, default=False)  # fmt: skip
    register_kind("wiki.mentioned", _("Someone mentioned you in the wiki"),
                  title=_("{actor} mentioned you on the wiki page {page}"), in_app=True,
                  email=True)  # fmt: skip
    register_demo_seeder(seed_demo_wiki)
    register_large_seeder(_seed_large)
    register_search_provider(PAGE_SEARCH)
    register_search_provider(CONTACT_SEARCH)
    # Seats own pages: the seat page lists them; a person's own pages are handed over.
    register_seat_ownership("wiki.pages", _("Wiki pages"), offboarding.seat_pages)
    register_offboarding_step(
        "wiki.pages", _("Wiki pages they own"), offboarding.hand_over_pages,
        preview=offboarding.preview_pages, receiver=Receiver.PERSON, allow_empty=False,
    )  # fmt: skip
    every(REVIEW_CHECK_EVERY, create_review_tasks)
    # A new workspace starts with real pages in its language (keel.wiki.starter).
    events.subscribe(events.WORKSPACE_CREATED, on_workspace_created)
    if on_review_task_completed not in task_services.on_task_completed:
        task_services.on_task_completed.append(on_review_task_completed)
    # --- pages (wikiui): the sidebar link, right after the tasks links ---
    from keel.ui.nav import NavItem, register_nav

    register_nav(NavItem(key="wiki", label=_("Wiki"), url_name="wiki_home",
                         permission="wiki.view", order=25))  # fmt: skip
    # --- files (wikifiles) ---
    register_action_labels({
        "wiki.file_uploaded": _("Wiki file uploaded"),
        "wiki.file_deleted": _("Wiki file deleted"),
    })  # fmt: skip
    # --- templates and contacts (wikitpl) ---
    register_action_labels({
        "wiki.template_variant_saved": _("Email template text saved"),
        "wiki.template_variant_deleted": _("Email template text removed"),
        "wiki.contact_created": _("Contact added"),
        "wiki.contact_updated": _("Contact edited"),
        "wiki.contact_deleted": _("Contact deleted"),
        "wiki.contacts_imported": _("Contacts imported"),
        "wiki.contacts_exported": _("Contacts exported"),
    })  # fmt: skip
    # --- import/export (wikiio) ---
    register_action_labels({
        "wiki.space_imported": _("Pages imported into a wiki space"),
        "wiki.space_exported": _("Wiki space exported"),
    })  # fmt: skip
