"""Writes to the index: (re)index objects from their provider, remove them, rebuild all.

Everything is derived from the provider's source rows at the moment the job runs, so jobs
are idempotent and order does not matter: the last one to run writes the current truth.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from django.db import transaction

from keel.core.models import Workspace
from keel.search.models import SearchDocument
from keel.search.registry import SearchDoc, search_provider, search_providers
from keel.search.text import segment

BATCH = 500
_UPDATED = [
    "scope",
    "title",
    "body",
    "title_tokens",
    "body_tokens",
    "url",
    "owner",
    "changed_at",
    "facets",
]
_COMPARED = [f if f != "owner" else "owner_id" for f in _UPDATED]


def _row(workspace: Workspace, kind: str, doc: SearchDoc) -> SearchDocument:
    return SearchDocument(
        workspace=workspace,
        kind=kind,
        object_id=doc.object_id,
        scope=doc.scope[:80],
        title=doc.title[:500],
        body=doc.body,
        title_tokens=segment(doc.title),
        body_tokens=segment(doc.body),
        url=doc.url[:500],
        owner_id=doc.owner_id,
        changed_at=doc.updated_at,
        facets={str(k): str(v) for k, v in doc.facets.items()},
    )


def _write(workspace: Workspace, kind: str, ids: Sequence[int], docs: Iterable[SearchDoc]) -> int:
    """Make the index rows of (kind, ids) exactly `docs`: update, create, delete the rest."""
    rows = {doc.object_id: _row(workspace, kind, doc) for doc in docs}
    existing = {
        d.object_id: d
        for d in SearchDocument.objects.in_workspace(workspace).filter(kind=kind, object_id__in=ids)
    }
    with transaction.atomic():
        gone = [d.pk for object_id, d in existing.items() if object_id not in rows]
        if gone:
            SearchDocument.objects.filter(pk__in=gone).delete()
        new = [row for object_id, row in rows.items() if object_id not in existing]
        # An upsert: two jobs indexing the same new object at once must not fail.
        SearchDocument.objects.bulk_create(
            new,
            batch_size=BATCH,
            update_conflicts=True,
            unique_fields=["workspace", "kind", "object_id"],
            update_fields=[*_UPDATED, "updated_at"],
        )
        for object_id, row in rows.items():
            current = existing.get(object_id)
            if current is None:
                continue
            if any(getattr(current, f) != getattr(row, f) for f in _COMPARED):
                row.pk = current.pk
                row.created_at = current.created_at
                row.save(update_fields=[*_UPDATED, "updated_at"])
    return len(rows)


def index_ids(*, workspace_id: int, kind: str, ids: Sequence[int]) -> int:
    """Re-index `ids` of `kind`: rows for the objects that exist, none for those that don't.
    An unknown kind (its app was removed) or workspace is a no-op: the job must not fail."""
    provider = search_provider(kind)
    workspace = Workspace.objects.filter(pk=workspace_id).first()
    if provider is None or workspace is None:
        return 0
    ids = sorted({int(i) for i in ids})
    written = 0
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        written += _write(workspace, kind, chunk, provider.documents_for(workspace, chunk))
    return written


def remove_ids(*, workspace_id: int, kind: str, ids: Sequence[int]) -> int:
    deleted, _ = SearchDocument.objects.filter(
        workspace_id=workspace_id, kind=kind, object_id__in=list(ids)
    ).delete()
    return deleted


def rebuild(
    *,
    workspace: Workspace,
    kinds: Iterable[str] | None = None,
    progress: Callable[[str, int], None] | None = None,
) -> dict[str, int]:
    """Rebuild the index of `workspace` from every provider (or `kinds`): rows for what
    exists, nothing else. `progress(kind, n)` is called after each batch of n documents."""
    counts: dict[str, int] = {}
    wanted = set(kinds) if kinds is not None else None
    for provider in search_providers():
        if wanted is not None and provider.kind not in wanted:
            continue
        seen: list[int] = []
        batch: list[SearchDoc] = []
        for doc in provider.documents_for(workspace, None):
            batch.append(doc)
            if len(batch) >= BATCH:
                seen += _flush(workspace, provider.kind, batch, progress)
                batch = []
        if batch:
            seen += _flush(workspace, provider.kind, batch, progress)
        _prune(workspace, provider.kind, set(seen))
        counts[provider.kind] = len(seen)
    return counts


def _flush(
    workspace: Workspace,
    kind: str,
    batch: list[SearchDoc],
    progress: Callable[[str, int], None] | None,
) -> list[int]:
    ids = [doc.object_id for doc in batch]
    _write(workspace, kind, ids, batch)
    if progress is not None:
        progress(kind, len(batch))
    return ids


def _prune(workspace: Workspace, kind: str, seen: set[int]) -> None:
    """Delete index rows whose objects are gone, without a giant NOT IN (large rebuilds)."""
    rows = SearchDocument.objects.in_workspace(workspace).filter(kind=kind)
    stale = [pk for pk, object_id in rows.values_list("pk", "object_id") if object_id not in seen]
    for start in range(0, len(stale), BATCH):
        SearchDocument.objects.filter(pk__in=stale[start : start + BATCH]).delete()
