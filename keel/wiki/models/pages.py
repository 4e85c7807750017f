"""Pages in a tree, their revisions, links between them, and email-template variants.

`Page.body` is the current Markdown and `Page.version` its revision number: every save adds
a `Revision` with the same number, and a save that names an older version than the stored
one is a conflict (no lost update). `PageLink` keeps the `[[Page title]]` links of the current
body, so a page lists its backlinks in one query.
"""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from keel.core.models import Membership, WorkspaceManager, WorkspaceScoped
from keel.org.models import Seat
from keel.wiki.models.spaces import Space


class PageKind(models.TextChoices):
    PAGE = "page", _("Page")
    TEMPLATE = "template", _("Email template")


class Page(WorkspaceScoped):
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="pages")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    position = models.PositiveIntegerField(default=0)
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=PageKind.choices,
                            default=PageKind.PAGE)  # fmt: skip
    body = models.TextField(_("text"), blank=True)
    version = models.PositiveIntegerField(default=1)
    # Narrowed: only the page's own grants open it and its subtree (see keel.wiki.access).
    restricted = models.BooleanField(_("only people given access"), default=False)
    owner = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("owner"),
    )  # fmt: skip
    owner_seat = models.ForeignKey(
        Seat, on_delete=models.SET_NULL, null=True, blank=True, related_name="wiki_pages",
        verbose_name=_("owner seat"),
    )  # fmt: skip
    review_every_days = models.PositiveIntegerField(_("review every (days)"), null=True,
                                                    blank=True)  # fmt: skip
    review_due = models.DateField(_("review due"), null=True, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    # The open review task (tasks app), if one was created for this page.
    review_task = models.ForeignKey(
        "tasks.Task", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    archived_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_by = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects: ClassVar[WorkspaceManager[Page]] = WorkspaceManager()

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["position", "id"]
        indexes = [
            models.Index(fields=["space", "parent", "position"]),
            models.Index(fields=["workspace", "title"]),
            models.Index(fields=["workspace", "review_due"]),
            # The wiki's front page: page counts per space and the recently changed pages,
            # both read from an index instead of 20,000 wide rows (70 ms → a few ms).
            models.Index(fields=["space", "archived_at"], name="wiki_page_live"),
            models.Index(fields=["workspace", "updated_at"], name="wiki_page_recent"),
            # Search asks for the restricted pages of the readable spaces on every keystroke
            # (keel.wiki.access.visible_scopes): a few hundred rows among 20,000 pages.
            models.Index(
                fields=["space"], condition=Q(restricted=True), name="wiki_page_restricted"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(owner__isnull=True) | Q(owner_seat__isnull=True),
                name="wiki_page_one_owner",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Revision(WorkspaceScoped):
    """One save of a page: what it said, who wrote it and why."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    author = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    summary = models.CharField(_("summary of the change"), max_length=200, blank=True)

    objects: ClassVar[WorkspaceManager[Revision]] = WorkspaceManager()

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["page", "number"], name="wiki_revision_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.page_id}#{self.number}"


class PageLink(WorkspaceScoped):
    """A `[[Title]]` link in a page's current text; target is null while no page has it."""

    source = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="outgoing_links")
    target = models.ForeignKey(
        Page, on_delete=models.CASCADE, null=True, blank=True, related_name="incoming_links"
    )
    target_title = models.CharField(max_length=200)

    objects: ClassVar[WorkspaceManager[PageLink]] = WorkspaceManager()

    class Meta:
        indexes = [models.Index(fields=["workspace", "target_title"])]

    def __str__(self) -> str:
        return f"{self.source_id} → {self.target_title}"


class TemplateVariant(WorkspaceScoped):
    """An email template's text in one language (the page is the template)."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="variants")
    language = models.CharField(_("language"), max_length=10)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("body"))

    objects: ClassVar[WorkspaceManager[TemplateVariant]] = WorkspaceManager()

    class Meta:
        verbose_name = _("template language")
        verbose_name_plural = _("template languages")
        ordering = ["language"]
        constraints = [
            models.UniqueConstraint(fields=["page", "language"], name="wiki_variant_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.page_id}:{self.language}"
