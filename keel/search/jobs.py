"""Index jobs, enqueued on commit by `registry.index_later` / `remove_later`. Idempotent:
running one twice, or late, writes the index from the source rows as they are now."""

from __future__ import annotations

from django_tasks import task


@task()
def index_objects(kind: str, ids: list[int], workspace_id: int) -> int:
    from keel.search.services import index_ids

    return index_ids(workspace_id=workspace_id, kind=kind, ids=ids)


@task()
def remove_objects(kind: str, ids: list[int], workspace_id: int) -> int:
    from keel.search.services import remove_ids

    return remove_ids(workspace_id=workspace_id, kind=kind, ids=ids)
