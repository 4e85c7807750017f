"""Normalisation and segmentation: documents and queries share one function."""

from __future__ import annotations

from keel.search.text import QueryTerm, normalise, query_terms, stem, tokens


def test_traditional_full_width_and_case_are_normalised():
    assert normalise("開立發票 ＦＢＡ Refund") == "开立发票 fba refund"


def test_long_words_also_yield_their_two_character_words():
    assert {"商业", "发票", "商业发票"} <= set(tokens("商业发票缺失"))
    assert {"供应", "供应商"} <= set(tokens("開發票給供應商"))


def test_minimal_plural_stemmer():
    assert [stem(w) for w in ["refunds", "supplies", "boxes", "status", "class", "shipping"]] == [
        "refund", "supply", "boxe", "status", "class", "shipping",
    ]  # fmt: skip


def test_mixed_query_terms_and_prefix_on_the_last_latin_word():
    assert query_terms("FBA 退款") == [QueryTerm("fba"), QueryTerm("退款")]
    assert query_terms("退款 shopi") == [QueryTerm("退款"), QueryTerm("shopi", prefix="shopi")]
    assert query_terms("!!!") == []
