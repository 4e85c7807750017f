"""The search registry: the apps above search (tasks, wiki, …) register what they index.

search imports none of them. A provider says how to read its documents (`documents_for`)
and which ACL scopes a member may open (`visible_scopes`); the index stores each document's
scope, and a query keeps only the scopes the searcher may open *before* ranking and counting,
so no title, snippet or count of a hidden document ever leaves the database.

Providers call `index_later` / `remove_later` from their save and delete services: the index
is updated by a job after the transaction commits (a rolled-back save indexes nothing).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Final, Literal

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from keel.core.models import Membership, Workspace


class _All(Enum):
    ALL = "all"


ALL: Final = _All.ALL
"""`visible_scopes` returns ALL when the member may open every document of the kind."""

Scopes = set[str] | Literal[_All.ALL]


@dataclass(frozen=True)
class SearchDoc:
    """One document as a provider describes it.

    - scope: the ACL key the provider checks at query time ("project:12", "space:3",
      "page:55", "workspace"); a member sees the document iff its scope is in their
      `visible_scopes`. Choose it so that a permission change needs no re-indexing.
    - facets: small string values to filter by (`{"space": "3"}`).
    """

    object_id: int
    title: str
    body: str
    url: str
    scope: str
    updated_at: datetime
    owner_id: int | None = None
    facets: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class SearchProvider:
    """A kind of searchable thing.

    - kind: short stable code stored in the index ("task", "page", "contact").
    - label: shown in the kind filter (lazily translated).
    - documents_for(workspace, ids): the documents of `ids` that exist (all when ids is None);
      a missing id means "delete it from the index". Must run a bounded number of queries.
    - visible_scopes(membership): the scopes the member may open, or ALL.
    - order: position in the kind filter.
    - count_for(workspace): how many documents `documents_for(workspace, None)` yields, cheaply
      (the rebuild's progress bar); without it the rebuild counts by reading them once more.
    """

    kind: str
    label: StrOrPromise
    documents_for: Callable[[Workspace, Sequence[int] | None], Iterable[SearchDoc]]
    visible_scopes: Callable[[Membership], Scopes]
    order: int = 100
    count_for: Callable[[Workspace], int] | None = None


_PROVIDERS: dict[str, SearchProvider] = {}


def register_search_provider(provider: SearchProvider) -> None:
    """Register (or replace) the provider of `provider.kind`, from an app's wiring.connect()."""
    if not provider.kind or len(provider.kind) > 40 or not provider.kind.isidentifier():
        raise ImproperlyConfigured(f"Search kind {provider.kind!r}: use a short identifier")
    _PROVIDERS[provider.kind] = provider


@contextmanager
def only_search_providers(*providers: SearchProvider) -> Iterator[None]:
    """For tests: exactly `providers` are registered inside the block (the apps' own are
    put back after it), so a test sees no other app's documents or queries."""
    saved = dict(_PROVIDERS)
    _PROVIDERS.clear()
    try:
        for provider in providers:
            register_search_provider(provider)
        yield
    finally:
        _PROVIDERS.clear()
        _PROVIDERS.update(saved)


def search_providers() -> list[SearchProvider]:
    return sorted(_PROVIDERS.values(), key=lambda p: (p.order, p.kind))


def search_provider(kind: str) -> SearchProvider | None:
    return _PROVIDERS.get(kind)


def index_later(kind: str, ids: Iterable[int], workspace_id: int) -> None:
    """Re-index these objects after the current transaction commits (a job). Objects that no
    longer exist are removed, so a delete service may call this too."""
    _enqueue_on_commit("index", kind, ids, workspace_id)


def remove_later(kind: str, ids: Iterable[int], workspace_id: int) -> None:
    """Drop these objects from the index after commit (deletes)."""
    _enqueue_on_commit("remove", kind, ids, workspace_id)


def _enqueue_on_commit(action: str, kind: str, ids: Iterable[int], workspace_id: int) -> None:
    id_list = sorted({int(i) for i in ids})
    if not id_list:
        return

    def enqueue() -> None:
        from keel.search import jobs

        job = jobs.index_objects if action == "index" else jobs.remove_objects
        job.enqueue(kind=kind, ids=id_list, workspace_id=workspace_id)

    transaction.on_commit(enqueue)
