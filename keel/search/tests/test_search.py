"""Matching, ranking and highlighting through the notes provider."""

from __future__ import annotations

import pytest

from keel.search.selectors import search

pytestmark = pytest.mark.django_db


def titles(results):
    return [str(hit.title).replace("<mark>", "").replace("</mark>", "") for hit in results.hits]


def test_two_character_chinese_word_is_found_inside_a_sentence(notes, workspace, owner):
    notes.create(workspace, "客户投诉", "客户申请退款，原因是物流延误了两周。")
    notes.create(workspace, "仓库盘点", "亚马逊FBA仓库的库存不足，请尽快补货。")
    assert titles(search(membership=owner, query="退款")) == ["客户投诉"]
    assert titles(search(membership=owner, query="库存")) == ["仓库盘点"]
    assert titles(search(membership=owner, query="物流")) == ["客户投诉"]
    assert titles(search(membership=owner, query="亚马逊")) == ["仓库盘点"]


def test_traditional_query_finds_simplified_text_and_back(notes, workspace, owner):
    notes.create(workspace, "财务", "请在月底前开立发票。")
    notes.create(workspace, "財務（台灣）", "請在月底前開立發票，寄給供應商。")
    both = {"财务", "財務（台灣）"}
    assert set(titles(search(membership=owner, query="發票"))) == both
    assert set(titles(search(membership=owner, query="发票"))) == both
    assert titles(search(membership=owner, query="供应商")) == ["財務（台灣）"]


def test_mixed_chinese_english_query(notes, workspace, owner):
    notes.create(workspace, "FBA refunds", "亚马逊 FBA 退款流程：先检查商品状态。")
    notes.create(workspace, "FBA 入仓", "FBA 仓库的库存不足。")
    notes.create(workspace, "退款", "Shopify 的退款在后台操作。")
    assert titles(search(membership=owner, query="FBA 退款")) == ["FBA refunds"]
    assert titles(search(membership=owner, query="fba 退款")) == ["FBA refunds"]


def test_english_plurals_and_case(notes, workspace, owner):
    notes.create(workspace, "Refund policy", "We refund damaged items within 30 days.")
    assert titles(search(membership=owner, query="REFUNDS")) == ["Refund policy"]
    assert titles(search(membership=owner, query="item")) == ["Refund policy"]
    # The last word may still be being typed: a prefix of it matches.
    assert titles(search(membership=owner, query="damag")) == ["Refund policy"]
    assert titles(search(membership=owner, query="nothing like it")) == []


def test_title_hit_outranks_body_hit(notes, workspace, owner):
    notes.create(workspace, "Weekly meeting", "Discuss the supplier invoice and shipping plans.")
    notes.create(workspace, "Supplier invoice", "Pay it by Friday.")
    notes.create(workspace, "供应商会议", "讨论物流。")
    notes.create(workspace, "每周例会", "讨论供应商的发票和物流安排，还有供应商合同。")
    assert titles(search(membership=owner, query="supplier"))[0] == "Supplier invoice"
    assert titles(search(membership=owner, query="供应商"))[0] == "供应商会议"


def test_snippets_are_escaped_and_highlighted(notes, workspace, owner):
    notes.create(workspace, "<b>Refund</b>", 'Script <script>alert("x")</script> refund 退款 here')
    hit = search(membership=owner, query="refund 退款").hits[0]
    assert str(hit.title) == "&lt;b&gt;<mark>Refund</mark>&lt;/b&gt;"
    assert "<script>" not in hit.snippet
    assert "&lt;script&gt;" in hit.snippet
    assert "<mark>refund</mark> <mark>退款</mark>" in hit.snippet


def test_traditional_text_is_highlighted_in_its_own_script(notes, workspace, owner):
    notes.create(workspace, "發票", "請開立發票。")
    hit = search(membership=owner, query="发票").hits[0]
    assert str(hit.title) == "<mark>發票</mark>"
    assert "<mark>發票</mark>" in hit.snippet


def test_kind_filter_counts_and_pagination(notes, workspace, owner):
    for i in range(25):
        notes.create(workspace, f"Listing photo {i}", "photo shoot")
    first = search(membership=owner, query="photo", limit=10)
    assert first.total == 25 and len(first.hits) == 10 and first.has_next
    last = search(membership=owner, query="photo", limit=10, offset=20)
    assert len(last.hits) == 5 and not last.has_next
    seen = {h.object_id for h in first.hits} | {h.object_id for h in last.hits}
    assert len(seen) == 15
    assert [(k.kind, k.count) for k in first.kinds if k.kind == "note"] == [("note", 25)]
    assert search(membership=owner, query="photo", kinds=["task"]).total == 0


def test_facet_owner_and_date_filters(notes, workspace, owner, member):
    notes.create(workspace, "Carrier contacts", "DHL", space="3", owner_id=member.pk)
    notes.create(workspace, "Carrier rates", "DHL", space="4")
    assert titles(search(membership=owner, query="carrier", facets={"space": "3"})) == [
        "Carrier contacts"
    ]
    assert titles(search(membership=owner, query="carrier", owner_id=member.pk)) == [
        "Carrier contacts"
    ]


def test_empty_or_punctuation_query_runs_no_sql(notes, owner, django_assert_num_queries):
    with django_assert_num_queries(0):
        results = search(membership=owner, query=" ，。!? ")
    assert not results.searched and results.hits == []


def test_query_count_does_not_grow_with_results(
    notes, workspace, owner, django_assert_max_num_queries
):
    for i in range(60):
        notes.create(workspace, f"Supplier {i}", "supplier follow-up email")
    # notes' scopes come from memory: one count and one page query.
    with django_assert_max_num_queries(2):
        results = search(membership=owner, query="supplier", limit=50)
    assert len(results.hits) == 50


def test_query_syntax_words_are_plain_words(notes, workspace, owner):
    notes.create(workspace, "Not or and near", "NEAR AND NOT OR * ^ : \" ' ( ) -")
    for query in ["not", "AND OR", "near*", '"not"', "'or'", "(and)", "a:b", "-x", "^"]:
        search(membership=owner, query=query)  # never a syntax error
    assert search(membership=owner, query="not or and near").total == 1


def test_counts_stop_at_the_cap_and_ranking_reads_a_bounded_candidate_set(
    notes, workspace, owner, monkeypatch
):
    """A word in most documents: the count says "more than N" instead of counting them all,
    and only the newest CANDIDATES permitted matches are ranked (exact below that)."""
    from keel.search import backends

    for i in range(8):
        notes.create(workspace, f"Refund {i}", "refund")
    hidden = notes.create(workspace, "Refund hidden", "refund", scope="secret")
    monkeypatch.setattr(backends, "COUNT_CAP", 5)
    monkeypatch.setattr(backends, "CANDIDATES", 6)
    # Everything: counted among the newest CANDIDATES permitted matches, "6+".
    results = search(membership=owner, query="refund", limit=3)
    assert results.total == 6 and results.more and results.has_next
    assert [(k.count, k.more) for k in results.kinds if k.kind == "note"] == [(6, True)]
    # One kind: its count stops at COUNT_CAP, "5+".
    one = search(membership=owner, query="refund", kinds=["note"], limit=3)
    assert one.total == 5 and one.more and one.has_next
    assert [(k.count, k.more) for k in one.kinds if k.kind == "note"] == [(5, True)]
    # The hidden note takes no candidate slot: the six newest permitted ones are ranked.
    page = search(membership=owner, query="refund", limit=6)
    assert hidden.id not in {h.object_id for h in page.hits}
    assert {h.object_id for h in page.hits} == {3, 4, 5, 6, 7, 8}
    monkeypatch.setattr(backends, "COUNT_CAP", 1000)
    monkeypatch.setattr(backends, "CANDIDATES", 1000)
    exact = search(membership=owner, query="refund")
    assert exact.total == 8 and not exact.more
    assert search(membership=owner, query="refund", kinds=["note"]).total == 8
