"""Reads for the wiki: the spaces a member may open, a space's page tree, a page with its
breadcrumbs, children and backlinks, its history and the difference between two revisions.

Every read starts from the actor's workspace and asks keel.wiki.access; something the actor
may not read is a 404 (its existence is not revealed). Each function runs a fixed number of
queries whatever the size of the space.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from django.db.models import Count
from django.http import Http404
from django.utils import timezone

from keel.core.models import Membership
from keel.wiki.access import (
    NONE,
    READ,
    can,
    page_levels,
    page_tree,
    reader_for,
    space_level,
    space_levels,
)
from keel.wiki.models import Page, PageLink, Revision, Space


@dataclass
class SpaceRow:
    space: Space
    level: str
    pages: int


def spaces_for(membership: Membership, *, archived: bool = False) -> list[SpaceRow]:
    """The spaces the member may read, in order, with their live page counts (three queries;
    the counts come from the `wiki_page_live` index, not from joining every page row)."""
    spaces = list(
        Space.objects.in_workspace(membership.workspace)
        .filter(archived_at__isnull=not archived)
        .select_related("department")
    )
    levels = space_levels(reader_for(membership), spaces)
    readable = [s for s in spaces if can(levels[s.pk], READ)]
    counts = dict(
        Page.objects.filter(space_id__in=[s.pk for s in readable], archived_at__isnull=True)
        .values_list("space_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    return [SpaceRow(space=s, level=levels[s.pk], pages=counts.get(s.pk, 0)) for s in readable]


def get_space_for(actor: Membership, slug: str) -> tuple[Space, str]:
    space = (
        Space.objects.in_workspace(actor.workspace)
        .select_related("department", "workspace")
        .filter(slug=slug)
        .first()
    )
    if space is None:
        raise Http404
    level = space_level(reader_for(actor), space)
    if not can(level, READ):
        raise Http404
    return space, level


def get_page_for(actor: Membership, page_id: int | str, *, needed: str = READ) -> tuple[Page, str]:
    """The page and the actor's level on it; 404 unless they may read it (and `needed`)."""
    try:
        pk = int(page_id)
    except (TypeError, ValueError):
        raise Http404 from None
    page = (
        Page.objects.in_workspace(actor.workspace)
        .select_related("space__workspace", "space__department", "owner__user", "owner_seat",
                        "updated_by__user", "workspace")
        .filter(pk=pk)
        .first()
    )  # fmt: skip
    if page is None:
        raise Http404
    reader = reader_for(actor)
    level = page_levels(reader, [page], space_level(reader, page.space))[page.pk]
    if not can(level, READ) or (page.space.archived_at is not None and not can(level, "manage")):
        raise Http404
    if not can(level, needed):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied
    return page, level


@dataclass
class TreeNode:
    page: Page
    depth: int
    children: list[TreeNode] = field(default_factory=list)


def space_tree(actor: Membership, space: Space, level: str) -> list[TreeNode]:
    """The space's live pages the actor may read, as a tree in position order (two queries)."""
    pages = list(
        Page.objects.filter(space=space, archived_at__isnull=True)
        .only("pk", "title", "parent_id", "position", "restricted", "kind", "space_id",
              "review_due")
        .order_by("position", "id")
    )  # fmt: skip
    levels = page_levels(reader_for(actor), pages, level)
    readable = {p.pk: p for p in pages if can(levels[p.pk], READ)}
    nodes = {pk: TreeNode(page=p, depth=0) for pk, p in readable.items()}
    roots: list[TreeNode] = []
    for page in readable.values():
        node = nodes[page.pk]
        parent = nodes.get(page.parent_id) if page.parent_id else None
        if parent is None:
            if page.parent_id is None:
                roots.append(node)
            continue  # under a page the actor may not read (or archived): not shown
        parent.children.append(node)

    def set_depth(items: list[TreeNode], depth: int) -> None:
        for item in items:
            item.depth = depth
            set_depth(item.children, depth + 1)

    set_depth(roots, 0)
    return roots


def flatten(nodes: list[TreeNode]) -> list[TreeNode]:
    out: list[TreeNode] = []
    for node in nodes:
        out.append(node)
        out.extend(flatten(node.children))
    return out


@dataclass
class PageView:
    page: Page
    level: str
    breadcrumbs: list[Page]
    children: list[Page]
    backlinks: list[Page]
    needs_review: bool
    revision_count: int


def page_view(actor: Membership, page: Page, level: str) -> PageView:
    """Everything the page screen shows besides the rendered text."""
    reader = reader_for(actor)
    tree = page_tree(reader, page.space_id)  # already loaded by the access check, mostly
    chain: list[int] = []
    current = page.parent_id
    while current is not None and current not in chain:
        chain.append(current)
        current = tree.get(current, (None, False))[0]
    ancestors = {p.pk: p for p in Page.objects.filter(pk__in=chain).only("pk", "title", "space_id",
                                                                          "parent_id")}  # fmt: skip
    breadcrumbs = [ancestors[pk] for pk in reversed(chain) if pk in ancestors]
    children = list(
        Page.objects.filter(parent=page, archived_at__isnull=True)
        .only("pk", "title", "parent_id", "restricted", "space_id", "position")
        .order_by("position", "id")
    )
    space_lvl = space_level(reader, page.space)
    child_levels = page_levels(reader, children, space_lvl)
    children = [c for c in children if can(child_levels[c.pk], READ)]
    sources = list(
        Page.objects.filter(
            pk__in=PageLink.objects.filter(target=page).values("source_id"),
            archived_at__isnull=True,
        ).select_related("space")
    )
    backlinks = _readable(reader, sources)
    today = timezone.localdate()
    return PageView(
        page=page, level=level, breadcrumbs=breadcrumbs, children=children,
        backlinks=backlinks,
        needs_review=page.review_due is not None and page.review_due <= today,
        revision_count=page.version,
    )  # fmt: skip


def _readable(reader: object, pages: list[Page]) -> list[Page]:
    """Pages of any spaces that the reader may read (one grants query per space involved)."""
    from keel.wiki.access import Reader

    assert isinstance(reader, Reader)
    by_space: dict[int, list[Page]] = {}
    for page in pages:
        by_space.setdefault(page.space_id, []).append(page)
    spaces = {p.space_id: p.space for p in pages}
    levels = space_levels(reader, spaces.values())
    keep: list[Page] = []
    for space_id, group in by_space.items():
        if levels.get(space_id, NONE) == NONE or spaces[space_id].archived_at is not None:
            continue
        page_lv = page_levels(reader, group, levels[space_id])
        keep.extend(p for p in group if can(page_lv[p.pk], READ))
    return sorted(keep, key=lambda p: p.title)


def resolve_titles(actor: Membership, titles: list[str]) -> dict[str, Page]:
    """`[[Title]]` → the live page with that title the actor may read (newest wins)."""
    if not titles:
        return {}
    pages = list(
        Page.objects.in_workspace(actor.workspace)
        .filter(title__in=titles, archived_at__isnull=True)
        .select_related("space")
        .order_by("id")
    )
    return {p.title: p for p in _readable(reader_for(actor), pages)}


def revisions_of(page: Page) -> list[Revision]:
    return list(
        Revision.objects.filter(page=page)
        .select_related("author__user")
        .only("pk", "number", "title", "summary", "created_at", "author__user__full_name",
              "author__user__email", "page_id")
        .order_by("-number")
    )  # fmt: skip


@dataclass
class DiffLine:
    kind: str  # "same", "added", "removed"
    text: str
    old_no: int | None
    new_no: int | None


@dataclass
class RevisionDiff:
    old: Revision
    new: Revision
    lines: list[DiffLine]
    title_changed: bool


def revision_diff(page: Page, old_number: int, new_number: int) -> RevisionDiff:
    """A line-by-line inline diff between two revisions of the page (404 for a missing one)."""
    rows = Revision.objects.filter(page=page, number__in=[old_number, new_number])
    revs = {r.number: r for r in rows}
    if old_number not in revs or new_number not in revs:
        raise Http404
    old, new = revs[old_number], revs[new_number]
    a, b = old.body.splitlines(), new.body.splitlines()
    lines: list[DiffLine] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            lines += [DiffLine("same", a[i], i + 1, j1 + (i - i1) + 1) for i in range(i1, i2)]
            continue
        lines += [DiffLine("removed", a[i], i + 1, None) for i in range(i1, i2)]
        lines += [DiffLine("added", b[j], None, j + 1) for j in range(j1, j2)]
    return RevisionDiff(old=old, new=new, lines=lines, title_changed=old.title != new.title)
