"""Writes for pages: create, edit (every save a revision, no lost update), move, archive,
restore, and restore an older revision. Each checks access (keel.wiki.access), validates,
audits, keeps the `[[links]]` table in step and re-indexes search after commit.

Concurrent edits: a save names the version it started from (`base_version`). When someone
saved in between, the two changes are merged line by line against that base (merge3); if
they touch different lines the merge is saved, otherwise `PageConflict` is raised with the
other person's text and the merged text with conflict markers, and nothing is saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from keel.core.models import Membership
from keel.core.services import AuditContext, audit_event, next_position, same_workspace
from keel.core.validators import line_problem
from keel.org.models import Seat
from keel.wiki.access import EDIT, MANAGE, require_page, require_space, restrictions_changed
from keel.wiki.markdown import link_targets
from keel.wiki.models import Page, PageKind, PageLink, Revision, Space
from keel.wiki.services.mentions import notify_new_mentions

TITLE_MAX = 200
BODY_MAX = 500_000  # characters: a long handbook fits; a pasted database dump does not
SUMMARY_MAX = 200
REVIEW_DAYS_MAX = 3650


class PageConflict(ValidationError):
    """Someone saved the page after `base_version`, and the changes overlap."""

    def __init__(self, *, page: Page, theirs: Revision, merged: str) -> None:
        super().__init__(
            _("%(name)s saved this page while you were editing it. Your text is kept below: "
              "compare, then save again.") % {"name": _author_name(theirs)},
            code="conflict",
        )  # fmt: skip
        self.page = page
        self.theirs = theirs
        self.merged = merged


def _author_name(revision: Revision) -> str:
    return revision.author.user.display_name if revision.author else _("Someone")


def _clean_title(title: str) -> str:
    title = " ".join((title or "").split())
    if not title:
        raise ValidationError({"title": _("Give the page a title.")})
    if problem := line_problem(title, max_length=TITLE_MAX):
        raise ValidationError({"title": problem})
    return title


def _check_body(body: str) -> str:
    body = (body or "").replace("\r\n", "\n")
    if len(body) > BODY_MAX:
        raise ValidationError(
            {"body": _("The text is too long: at most %(n)s characters.") % {"n": f"{BODY_MAX:,}"}}
        )
    return body


def _check_review(days: int | None) -> int | None:
    if days in (None, 0):
        return None
    if not isinstance(days, int) or not 1 <= days <= REVIEW_DAYS_MAX:
        raise ValidationError(
            {"review_every_days": _("Choose between 1 and %(n)s days.") % {"n": REVIEW_DAYS_MAX}}
        )
    return days


def _check_owner(actor: Membership, owner: Membership | None, owner_seat: Seat | None) -> None:
    same_workspace(actor, owner, owner_seat)
    if owner is not None and owner_seat is not None:
        raise ValidationError({"owner": _("Choose a person or a seat as owner, not both.")})
    if owner is not None and not owner.is_active:
        raise ValidationError({"owner": _("%(name)s has left the workspace.") % {
            "name": owner.user.display_name}})  # fmt: skip


def _check_parent(page: Page | None, parent: Page | None, space: Space) -> None:
    if parent is None:
        return
    if parent.space_id != space.pk:
        raise ValidationError({"parent": _("Choose a page in the same space.")})
    if parent.archived_at is not None:
        raise ValidationError({"parent": _("That page is archived.")})
    if page is None:
        return
    # Walk up from the new parent: reaching the page itself would make a loop.
    parents = dict(Page.objects.filter(space_id=space.pk).values_list("pk", "parent_id"))
    current: int | None = parent.pk
    seen: set[int] = set()
    while current is not None and current not in seen:
        if current == page.pk:
            raise ValidationError(
                {"parent": _("A page cannot be moved under itself or one of its own pages.")}
            )
        seen.add(current)
        current = parents.get(current)


def _next_review(days: int | None) -> date | None:
    if not days:
        return None
    return timezone.localdate() + timedelta(days=days)


def sync_links(page: Page) -> None:
    """Replace the page's outgoing links by those of its current text; point links that
    were waiting for this title at it."""
    titles = [t[:200] for t in link_targets(page.body)]  # code blocks are not links
    PageLink.objects.filter(source=page).delete()
    if titles:
        targets = dict(
            Page.objects.in_workspace(page.workspace)
            .filter(title__in=titles, archived_at__isnull=True)
            .order_by("-id")
            .values_list("title", "pk")
        )
        PageLink.objects.bulk_create(
            PageLink(workspace_id=page.workspace_id, source=page, target_id=targets.get(t),
                     target_title=t)
            for t in titles
        )  # fmt: skip
    PageLink.objects.in_workspace(page.workspace).filter(
        target__isnull=True, target_title=page.title
    ).update(target=page)


def _reindex(page: Page) -> None:
    from keel.wiki.search import index_pages_later

    index_pages_later([page.pk], page.workspace_id)


@transaction.atomic
def page_create(
    *,
    actor: Membership,
    space: Space,
    title: str,
    body: str = "",
    parent: Page | None = None,
    kind: str = PageKind.PAGE,
    owner: Membership | None = None,
    owner_seat: Seat | None = None,
    review_every_days: int | None = None,
    summary: str = "",
    context: AuditContext | None = None,
) -> Page:
    """A new page at the end of its parent's children; its first revision is number 1."""
    same_workspace(actor, space, parent)
    if parent is not None:
        require_page(actor, parent, EDIT)
    else:
        require_space(actor, space, EDIT)
    if space.archived_at is not None:
        raise ValidationError(_("This space is archived."))
    title = _clean_title(title)
    body = _check_body(body)
    if kind not in PageKind.values:
        raise ValidationError({"kind": _("Choose a page or an email template.")})
    review = _check_review(review_every_days)
    _check_owner(actor, owner, owner_seat)
    _check_parent(None, parent, space)
    if owner is None and owner_seat is None:
        owner = actor
    page = Page.objects.create(
        workspace=actor.workspace, space=space, parent=parent, title=title, kind=kind,
        body=body, owner=owner, owner_seat=owner_seat, review_every_days=review,
        review_due=_next_review(review), created_by=actor, updated_by=actor,
        position=next_position(Page.objects.filter(space=space, parent=parent)),
    )  # fmt: skip
    Revision.objects.create(workspace=actor.workspace, page=page, number=1, title=title,
                            body=body, author=actor, summary=summary[:SUMMARY_MAX])  # fmt: skip
    sync_links(page)
    audit_event(actor, "wiki.page_created", page, context, space=space.pk)
    _reindex(page)
    notify_new_mentions(actor=actor, page=page, old_body="", new_body=body)
    return page


@dataclass
class Saved:
    page: Page
    merged: bool  # True when someone else's change was merged in


def _merge(base: str, mine: str, theirs: str) -> tuple[str, bool]:
    """(text, clean): line-based three-way merge; not clean means overlapping changes."""
    from merge3 import Merge3

    merger = Merge3(base.splitlines(True), mine.splitlines(True), theirs.splitlines(True))
    clean = not any(group[0] == "conflict" for group in merger.merge_groups())
    lines = merger.merge_lines(name_a=_("your version"), name_b=_("their version"))
    return "".join(lines), clean


@transaction.atomic
def page_update(
    *,
    actor: Membership,
    page: Page,
    base_version: int,
    title: str | None = None,
    body: str | None = None,
    owner: Membership | None = None,
    owner_seat: Seat | None = None,
    set_owner: bool = False,
    review_every_days: int | None = None,
    set_review: bool = False,
    summary: str = "",
    context: AuditContext | None = None,
) -> Saved:
    """Save an edit made from `base_version`; a new revision unless nothing changed.

    Raises PageConflict (nothing saved) when another save since `base_version` overlaps.
    """
    same_workspace(actor, page)
    require_page(actor, page, EDIT)
    current = Page.objects.select_for_update().select_related("workspace", "space").get(pk=page.pk)
    if current.archived_at is not None:
        raise ValidationError(_("This page is archived: restore it to edit it."))
    new_title = _clean_title(title) if title is not None else current.title
    new_body = _check_body(body) if body is not None else current.body
    merged = False
    if base_version != current.version:
        base = Revision.objects.filter(page=current, number=base_version).first()
        if base is None:
            raise ValidationError({"base_version": _("That version of the page does not exist.")})
        theirs = Revision.objects.select_related("author__user").get(
            page=current, number=current.version
        )
        text, clean = _merge(base.body, new_body, current.body)
        if not clean or (new_title != current.title and base.title != current.title):
            raise PageConflict(page=current, theirs=theirs, merged=text)
        new_body, merged = text, True
        if new_title == base.title:
            new_title = current.title
    fields = []
    if set_owner:
        _check_owner(actor, owner, owner_seat)
        if owner is None and owner_seat is None:
            raise ValidationError({"owner": _("A page needs an owner: a person or a seat.")})
        current.owner, current.owner_seat = owner, owner_seat
        fields += ["owner", "owner_seat"]
    if set_review:
        days = _check_review(review_every_days)
        if days != current.review_every_days:
            current.review_every_days = days
            current.review_due = _next_review(days)
            fields += ["review_every_days", "review_due"]
    changed = new_title != current.title or new_body != current.body
    old_body = current.body
    if changed:
        current.title, current.body = new_title, new_body
        current.version += 1
        current.updated_by = actor
        fields += ["title", "body", "version", "updated_by"]
        Revision.objects.create(workspace=current.workspace, page=current, number=current.version,
                                title=new_title, body=new_body, author=actor,
                                summary=(summary or "")[:SUMMARY_MAX])  # fmt: skip
    if fields:
        current.save(update_fields=[*fields, "updated_at"])
        audit_event(actor, "wiki.page_updated", current, context, fields=sorted(set(fields)),
                    version=current.version, merged=merged)  # fmt: skip
    if changed:
        sync_links(current)
        _reindex(current)
        notify_new_mentions(actor=actor, page=current, old_body=old_body, new_body=new_body)
    return Saved(page=current, merged=merged)


@transaction.atomic
def page_move(
    *,
    actor: Membership,
    page: Page,
    parent: Page | None,
    position: int | None = None,
    context: AuditContext | None = None,
) -> Page:
    """Put the page (and its subtree) under `parent` (None: top level) at `position` among
    its new siblings (None: last). Same space only; never under itself."""
    same_workspace(actor, page, parent)
    require_page(actor, page, EDIT)
    if parent is not None:
        require_page(actor, parent, EDIT)
    _check_parent(page, parent, page.space)
    siblings = list(
        Page.objects.filter(space_id=page.space_id, parent=parent, archived_at__isnull=True)
        .exclude(pk=page.pk)
        .order_by("position", "id")
    )
    if position is None or position > len(siblings):
        position = len(siblings)
    if position < 0:
        raise ValidationError({"position": _("Choose a position of 0 or more.")})
    siblings.insert(position, page)
    for index, row in enumerate(siblings):
        row.position = index
    page.parent = parent
    Page.objects.bulk_update(siblings, ["position"])
    page.save(update_fields=["parent", "position", "updated_at"])
    restrictions_changed(page.space_id)  # a restricted page below may sit under another one
    audit_event(actor, "wiki.page_moved", page, context,
                parent=parent.pk if parent else None, position=position)  # fmt: skip
    from keel.wiki.search import index_pages_later

    index_pages_later(subtree_ids(page), page.workspace_id)  # scopes follow restrictions
    return page


def subtree_ids(page: Page) -> list[int]:
    """The page and every page below it (one query for the space's tree)."""
    children: dict[int | None, list[int]] = {}
    for pk, parent in Page.objects.filter(space_id=page.space_id).values_list("pk", "parent_id"):
        children.setdefault(parent, []).append(pk)
    result, stack = [], [page.pk]
    while stack:
        current = stack.pop()
        if current in result:
            continue
        result.append(current)
        stack.extend(children.get(current, []))
    return result


@transaction.atomic
def page_archive(*, actor: Membership, page: Page, context: AuditContext | None = None) -> int:
    """Archive the page and its subtree (kept, out of the tree and search). Returns the count."""
    same_workspace(actor, page)
    require_page(actor, page, EDIT)
    ids = subtree_ids(page)
    now = timezone.now()
    count = Page.objects.filter(pk__in=ids, archived_at__isnull=True).update(archived_at=now)
    audit_event(actor, "wiki.page_archived", page, context, pages=count)
    from keel.wiki.search import index_pages_later

    index_pages_later(ids, page.workspace_id)
    return count


@transaction.atomic
def page_unarchive(*, actor: Membership, page: Page, context: AuditContext | None = None) -> int:
    """Bring the page and its subtree back, where they were (or to the top if the parent is
    still archived)."""
    same_workspace(actor, page)
    require_space(actor, page.space, EDIT)
    ids = subtree_ids(page)
    count = (
        Page.objects.filter(pk__in=ids).exclude(archived_at__isnull=True).update(archived_at=None)
    )
    if (
        page.parent_id
        and Page.objects.filter(pk=page.parent_id, archived_at__isnull=False).exists()
    ):
        page.parent = None
        page.save(update_fields=["parent", "updated_at"])
        restrictions_changed(page.space_id)
    audit_event(actor, "wiki.page_restored", page, context, pages=count)
    from keel.wiki.search import index_pages_later

    index_pages_later(ids, page.workspace_id)
    return count


def revision_restore(
    *, actor: Membership, page: Page, number: int, context: AuditContext | None = None
) -> Saved:
    """Make an older revision the current text again (a new revision: history is kept)."""
    old = Revision.objects.filter(page=page, number=number).first()
    if old is None:
        raise ValidationError(_("That version of the page does not exist."))
    return page_update(
        actor=actor, page=page, base_version=page.version, title=old.title, body=old.body,
        summary=_("Restored version %(n)s") % {"n": number}, context=context,
    )  # fmt: skip


def page_set_restricted(
    *, actor: Membership, page: Page, restricted: bool, context: AuditContext | None = None
) -> Page:
    """Narrow (or widen back) who may open the page and its subtree; managers only."""
    same_workspace(actor, page)
    require_page(actor, page, MANAGE)
    if page.restricted != restricted:
        page.restricted = restricted
        page.save(update_fields=["restricted", "updated_at"])
        restrictions_changed(page.space_id)
        audit_event(actor, "wiki.page_restricted", page, context, restricted=restricted)
        from keel.wiki.search import index_pages_later

        index_pages_later(subtree_ids(page), page.workspace_id)
    return page
