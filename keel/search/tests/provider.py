"""A search provider for tests: "notes" kept in memory, per workspace, with scopes granted
per membership. It exercises the registry exactly as an app would, without a model."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.test import TestCase
from django.utils import timezone

from keel.core.models import Membership, Workspace
from keel.search.registry import (
    ALL,
    Scopes,
    SearchDoc,
    SearchProvider,
    index_later,
    remove_later,
)

KIND = "note"


@dataclass
class Note:
    id: int
    workspace_id: int
    title: str
    body: str = ""
    scope: str = "workspace"
    owner_id: int | None = None
    updated_at: datetime = field(default_factory=timezone.now)
    space: str = ""


@dataclass
class NoteStore:
    notes: dict[int, Note] = field(default_factory=dict)
    grants: dict[int, set[str]] = field(default_factory=dict)  # membership pk → scopes
    everything: set[int] = field(default_factory=set)  # membership pks that see ALL
    next_id: int = 1

    # The "services": they change the source and ask for re-indexing on commit (the test
    # runs inside a transaction that never commits, so the callbacks are run on exit).
    def create(self, workspace: Workspace, title: str, body: str = "", **kw: object) -> Note:
        with TestCase.captureOnCommitCallbacks(execute=True), transaction.atomic():
            note = Note(id=self.next_id, workspace_id=workspace.pk, title=title, body=body, **kw)
            self.next_id += 1
            self.notes[note.id] = note
            index_later(KIND, [note.id], workspace.pk)
        return note

    def edit(self, note: Note, **changes: object) -> None:
        with TestCase.captureOnCommitCallbacks(execute=True), transaction.atomic():
            for key, value in changes.items():
                setattr(note, key, value)
            note.updated_at = timezone.now()
            index_later(KIND, [note.id], note.workspace_id)

    def delete(self, note: Note) -> None:
        with TestCase.captureOnCommitCallbacks(execute=True), transaction.atomic():
            del self.notes[note.id]
            remove_later(KIND, [note.id], note.workspace_id)

    # The provider.
    def documents_for(self, workspace: Workspace, ids: Sequence[int] | None) -> Iterator[SearchDoc]:
        for note in sorted(self.notes.values(), key=lambda n: n.id):
            if note.workspace_id != workspace.pk or (ids is not None and note.id not in ids):
                continue
            yield SearchDoc(
                object_id=note.id,
                title=note.title,
                body=note.body,
                url=f"/{workspace.slug}/notes/{note.id}/",
                scope=note.scope,
                updated_at=note.updated_at,
                owner_id=note.owner_id,
                facets={"space": note.space} if note.space else {},
            )

    def visible_scopes(self, membership: Membership) -> Scopes:
        if membership.pk in self.everything:
            return ALL
        return {"workspace", *self.grants.get(membership.pk, set())}

    def provider(self) -> SearchProvider:
        return SearchProvider(
            kind=KIND,
            label="Notes",
            documents_for=self.documents_for,
            visible_scopes=self.visible_scopes,
            order=10,
        )
