"""Results respect permissions exactly: nothing the searcher may not open is ranked, shown
or counted; another workspace's documents never appear."""

from __future__ import annotations

import pytest
from django.utils import timezone

from keel.search.models import SearchDocument
from keel.search.selectors import search

pytestmark = pytest.mark.django_db


def test_hidden_scope_leaks_no_title_snippet_or_count(notes, workspace, owner, member):
    notes.create(workspace, "Salary review 退款", "secret 退款 numbers", scope="space:hr")
    notes.create(workspace, "Public refund policy 退款", "退款 rules", scope="workspace")
    notes.everything.add(owner.pk)
    seen = search(membership=member, query="退款")
    assert [h.object_id for h in seen.hits] == [2]
    assert seen.total == 1
    assert [(k.kind, k.count) for k in seen.kinds] == [("note", 1)]
    assert "Salary" not in repr(seen)
    assert search(membership=owner, query="退款").total == 2
    # Only hidden documents match: nothing at all, not even a count.
    hidden = search(membership=member, query="salary")
    assert hidden.total == 0 and hidden.hits == [] and all(k.count == 0 for k in hidden.kinds)


def test_grant_takes_effect_without_reindexing(notes, workspace, member):
    notes.create(workspace, "Supplier contract", "terms", scope="space:buying")
    assert search(membership=member, query="contract").total == 0
    notes.grants[member.pk] = {"space:buying"}
    assert search(membership=member, query="contract").total == 1


def test_other_workspace_documents_never_appear(notes, workspace, other_workspace, owner, outsider):
    notes.create(workspace, "库存报表", "库存")
    notes.create(other_workspace, "库存盘点", "库存")
    notes.everything.update({owner.pk, outsider.pk})
    assert [str(h.title) for h in search(membership=owner, query="库存").hits] == [
        "<mark>库存</mark>报表"
    ]
    assert search(membership=outsider, query="库存").total == 1
    assert search(membership=outsider, query="报表").total == 0


def test_documents_of_an_unregistered_kind_are_not_shown(notes, workspace, owner):
    notes.create(workspace, "Orphan", "orphan text")
    SearchDocument.objects.filter(kind="note").update(kind="retired")
    assert search(membership=owner, query="orphan").total == 0


def test_inactive_membership_finds_nothing(notes, workspace, member):
    notes.create(workspace, "Anything", "anything")
    member.offboarded_at = timezone.now()
    assert search(membership=member, query="anything").total == 0
