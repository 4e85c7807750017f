"""The search index: one row per indexed object, whatever app it comes from.

The row keeps the readable text (for snippets) and its segmented form (for matching). The
full-text structure on top is per database and lives in migrations: an FTS5 table kept in
step by triggers on SQLite, a generated tsvector column with a GIN index on PostgreSQL.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from keel.core.models import WorkspaceScoped


class SearchDocument(WorkspaceScoped):
    kind = models.CharField(max_length=40)
    object_id = models.BigIntegerField()
    # The provider's ACL key ("project:12"); see keel/search/registry.py.
    scope = models.CharField(max_length=80)
    title = models.CharField(_("title"), max_length=500)
    body = models.TextField(blank=True)
    title_tokens = models.TextField(blank=True)
    body_tokens = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    owner = models.ForeignKey(
        "core.Membership", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # When the source object last changed (the date filter); `updated_at` is when we indexed it.
    changed_at = models.DateTimeField(default=timezone.now)
    facets = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        constraints = [
            models.UniqueConstraint(
                fields=["workspace", "kind", "object_id"], name="search_doc_unique_object"
            ),
        ]
        indexes = [
            models.Index(fields=["workspace", "kind", "scope"], name="search_doc_acl"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id} {self.title}"
