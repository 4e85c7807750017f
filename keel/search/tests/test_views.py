"""The results page, the shell's box and its dropdown."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from keel.search.services import index_ids

pytestmark = pytest.mark.django_db


def url(workspace, name="search"):
    return reverse(name, kwargs={"ws": workspace.slug})


def test_page_shows_highlighted_results_and_kind_counts(client, login, notes, workspace, owner):
    notes.create(workspace, "退款 <i>流程</i>", "客户申请退款后，在后台批准。")
    login(owner)
    html = client.get(url(workspace), {"q": "退款"}).content.decode()
    assert "<mark>退款</mark> &lt;i&gt;流程&lt;/i&gt;" in html
    assert "客户申请<mark>退款</mark>后" in html
    assert 'href="/' + workspace.slug + '/notes/1/"' in html
    assert "1 result" in html


def test_page_empty_states_say_what_to_try(client, login, notes, workspace, owner):
    login(owner)
    start = client.get(url(workspace)).content.decode()
    assert "Type a word or two" in start
    none = client.get(url(workspace), {"q": "不存在的词"}).content.decode()
    assert "Nothing matches" in none and "Try fewer or shorter words" in none


def test_page_paginates(client, login, notes, workspace, owner):
    for i in range(23):
        notes.create(workspace, f"Invoice {i}", "invoice")
    login(owner)
    first = client.get(url(workspace), {"q": "invoice"}).content.decode()
    assert "Page 1 of 2" in first and 'rel="next"' in first
    second = client.get(url(workspace), {"q": "invoice", "page": "2"}).content.decode()
    assert second.count('class="search-result"') == 3 and 'rel="prev"' in second
    # A bad page number is page 1, never an error.
    assert client.get(url(workspace), {"q": "invoice", "page": "x"}).status_code == 200


def test_kind_filter(client, login, notes, workspace, owner):
    notes.create(workspace, "Invoice", "invoice")
    login(owner)
    html = client.get(url(workspace), {"q": "invoice", "kind": "note"}).content.decode()
    assert 'class="search-result"' in html
    other = client.get(url(workspace), {"q": "invoice", "kind": "nope"}).content.decode()
    assert 'class="search-result"' in other  # an unknown kind is ignored


def test_page_in_chinese(client, login, notes, workspace, owner):
    notes.create(workspace, "開立發票", "月底前開立發票")
    login(owner)
    with translation.override("zh-hans"):
        response = client.get(url(workspace), {"q": "发票"}, HTTP_ACCEPT_LANGUAGE="zh-hans")
    html = response.content.decode()
    assert '<html lang="zh-hans"' in html
    assert "<mark>發票</mark>" in html


def test_shell_box_on_every_workspace_page(client, login, notes, workspace, owner):
    login(owner)
    html = client.get(reverse("projects", kwargs={"ws": workspace.slug})).content.decode()
    assert "data-shell-search" in html
    assert url(workspace, "search_suggest") in html


def test_suggest_dropdown_lists_hits_and_links_to_all(client, login, notes, workspace, owner):
    notes.create(workspace, "亚马逊退款", "FBA")
    login(owner)
    html = client.get(
        url(workspace, "search_suggest"), {"q": "退款"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "亚马逊<mark>退款</mark>" in html
    assert f"{url(workspace)}?q=%E9%80%80%E6%AC%BE" in html
    assert client.get(url(workspace, "search_suggest"), {"q": ""}).content.strip() == b""


def test_member_does_not_see_hidden_documents_on_the_page(client, login, notes, workspace, member):
    notes.create(workspace, "Payroll 退款", "secret", scope="space:hr")
    login(member)
    html = client.get(url(workspace), {"q": "退款"}).content.decode()
    assert "Payroll" not in html and "0 results" in html


def test_only_mine_and_changed_filters(client, login, notes, workspace, owner, member):
    notes.create(workspace, "Mine 发票", "x", owner_id=owner.pk)
    old = notes.create(workspace, "Theirs 发票", "x", owner_id=member.pk)
    login(owner)
    html = client.get(url(workspace), {"q": "发票", "mine": "on"}).content.decode()
    assert "Mine" in html and "Theirs" not in html
    assert "mine=on" in html  # kept in the kind links
    old.updated_at = timezone.now() - timedelta(days=40)  # changed 40 days ago, re-indexed
    index_ids(workspace_id=workspace.pk, kind="note", ids=[old.id])
    html = client.get(url(workspace), {"q": "发票", "changed": "31"}).content.decode()
    assert "Mine" in html and "Theirs" not in html
