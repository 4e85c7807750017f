"""Helpers the wiki's page views share: Markdown rendered for the reader, owners, errors."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.urls import reverse

from keel.core.models import Membership
from keel.core.permissions import has_perm
from keel.wiki import selectors
from keel.wiki.markdown import Rendered, link_targets, render
from keel.wiki.media import embed_media
from keel.wiki.models import Page
from keel.wiki.selectors import DiffLine

TOC_MIN_HEADINGS = 3


def flash_errors(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def render_for(actor: Membership, text: str) -> Rendered:
    """Markdown as `actor` sees it: `[[links]]` resolve only to pages they may read, so a
    restricted page's title never turns into a link for someone without access."""
    titles = [" ".join(t.split()) for t in link_targets(text)]
    pages = selectors.resolve_titles(actor, titles) if titles else {}
    ws = actor.workspace.slug
    urls = {
        title: reverse("wiki_page", kwargs={"ws": ws, "page_id": page.pk})
        for title, page in pages.items()
    }
    people: dict[str, str] | None = None

    may_open_people = has_perm(actor, "members.view")

    def mention(name: str) -> str | None:
        nonlocal people
        if not may_open_people:  # an assistant sees the name, not a link they cannot open
            return None
        if people is None:  # loaded once, only for a text that mentions someone
            from keel.tasks.forms.fields import members_of

            people = {}
            for pk, full_name in members_of(actor.workspace).values_list("pk", "user__full_name"):
                if full_name:
                    people.setdefault(full_name, reverse("member_detail", kwargs={
                        "ws": ws, "pk": pk}))  # fmt: skip
        return people.get(name)

    rendered = render(text, resolve_link=lambda title: urls.get(" ".join(title.split())),
                      resolve_mention=mention)  # fmt: skip
    # Video attachments shown with `![name](/…/files/<key>/)` become players (one query).
    return replace(rendered, html=embed_media(rendered.html, workspace=actor.workspace))


@dataclass
class Owner:
    name: str
    seat: str  # the seat's title when a seat owns the page


def owner_of(page: Page) -> Owner | None:
    """Who answers for the page now: the person, or the seat and whoever does its work."""
    if page.owner_seat_id and page.owner_seat is not None:
        from keel.org.resolution import seat_assignee

        holder = seat_assignee(page.owner_seat)
        return Owner(name=str(holder.user.display_name), seat=page.owner_seat.title)
    if page.owner_id and page.owner is not None:
        return Owner(name=str(page.owner.user.display_name), seat="")
    return None


def text_diff(old: str, new: str) -> list[DiffLine]:
    """Line-by-line inline diff of two texts (for the conflict screen)."""
    a, b = old.splitlines(), new.splitlines()
    lines: list[DiffLine] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            lines += [DiffLine("same", a[i], i + 1, j1 + (i - i1) + 1) for i in range(i1, i2)]
            continue
        lines += [DiffLine("removed", a[i], i + 1, None) for i in range(i1, i2)]
        lines += [DiffLine("added", b[j], None, j + 1) for j in range(j1, j2)]
    return lines


def ws_of(request: HttpRequest) -> Any:
    return request.workspace  # type: ignore[attr-defined]
