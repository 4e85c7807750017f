"""The index follows its sources: jobs on commit, rebuild, and no drift after random edits."""

from __future__ import annotations

import random

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from keel.search import services
from keel.search.models import SearchDocument
from keel.search.registry import index_later
from keel.search.selectors import search
from keel.search.text import segment

pytestmark = pytest.mark.django_db

WORDS = [
    "退款",
    "库存",
    "發票",
    "物流",
    "供应商",
    "亚马逊",
    "refund",
    "invoice",
    "FBA",
    "supplier",
    "listing",
    "photo",
    "客户",
    "运费",
    "關稅",
]


def index_rows(workspace):
    return {
        d.object_id: (d.title, d.body, d.scope, d.title_tokens, d.body_tokens, d.facets)
        for d in SearchDocument.objects.in_workspace(workspace)
    }


def source_rows(notes, workspace):
    return {
        n.id: (
            n.title,
            n.body,
            n.scope,
            segment(n.title),
            segment(n.body),
            {"space": n.space} if n.space else {},
        )
        for n in notes.notes.values()
        if n.workspace_id == workspace.pk
    }


def fts_rows() -> int | None:
    """Rows of the full-text structure (it must follow the table exactly)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('integrity-check')")
            cursor.execute("SELECT COUNT(*) FROM search_fts")
        else:
            cursor.execute(
                "SELECT COUNT(*) FROM search_searchdocument WHERE search_vector IS NOT NULL"
            )
        return int(cursor.fetchone()[0])


def test_index_never_drifts_from_the_source(notes, workspace, owner):
    notes.everything.add(owner.pk)
    rng = random.Random(20261207)

    def text(n: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(n))

    for step in range(120):
        action = rng.random()
        alive = [n for n in notes.notes.values() if n.workspace_id == workspace.pk]
        if action < 0.45 or not alive:
            notes.create(workspace, text(3), text(12), space=rng.choice(["", "1", "2"]))
        elif action < 0.8:
            notes.edit(
                rng.choice(alive),
                title=text(2),
                body=text(rng.randint(0, 20)),
                scope=rng.choice(["workspace", "space:1"]),
            )
        else:
            notes.delete(rng.choice(alive))
        if step % 40 == 39:
            assert index_rows(workspace) == source_rows(notes, workspace)
    assert index_rows(workspace) == source_rows(notes, workspace)
    assert fts_rows() == len(source_rows(notes, workspace))
    # Every document is findable by a word of its title.
    sample = rng.sample(sorted(notes.notes.values(), key=lambda n: n.id), 5)
    for note in sample:
        word = note.title.split()[0]
        ids = {h.object_id for h in search(membership=owner, query=word, limit=100).hits}
        assert note.id in ids


def test_rolled_back_save_indexes_nothing(notes, workspace, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        try:
            with transaction.atomic():
                index_later("note", [1], workspace.pk)
                raise RuntimeError
        except RuntimeError:
            pass
    assert callbacks == []


def test_reindexing_a_missing_object_removes_it(notes, workspace):
    note = notes.create(workspace, "Temporary", "text")
    del notes.notes[note.id]
    services.index_ids(workspace_id=workspace.pk, kind="note", ids=[note.id])
    assert not SearchDocument.objects.filter(kind="note", object_id=note.id).exists()


def test_unknown_kind_or_workspace_is_a_no_op(workspace):
    assert services.index_ids(workspace_id=workspace.pk, kind="nope", ids=[1]) == 0
    assert services.index_ids(workspace_id=10**9, kind="note", ids=[1]) == 0


def test_rebuild_command_restores_a_damaged_index(notes, workspace, owner, capsys):
    for i in range(7):
        notes.create(workspace, f"Invoice {i}", "发票")
    SearchDocument.objects.filter(object_id__in=[1, 2]).delete()
    SearchDocument.objects.filter(object_id=3).update(title="stale", title_tokens="stale")
    SearchDocument.objects.create(
        workspace=workspace, kind="note", object_id=999, scope="x", title="ghost", url="/"
    )
    call_command("search", "rebuild", "--workspace", workspace.slug)
    assert index_rows(workspace) == source_rows(notes, workspace)
    assert search(membership=owner, query="发票").total == 7
    assert "note" in capsys.readouterr().err
