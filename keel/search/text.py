"""Text normalisation and segmentation for the index: one function for documents and queries,
so both sides always agree (docs/search.md has the measurements behind these choices).

- Traditional → Simplified with OpenCC (`t2s`), so 發票 and 发票 are the same token.
- Chinese is cut into words by rjieba in search mode (a long word also yields its dictionary
  sub-words: 商业发票 → 商业 / 发票 / 商业发票), so a 2-character word matches inside longer ones.
- Latin text is lower-cased (NFKC first, so full-width ＦＢＡ is fba) and reduced by a minimal
  plural stemmer done here in Python: SQLite and PostgreSQL then index identical tokens.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# A token: a run of letters/digits (no underscore: FTS5's unicode61 splits on it).
_WORD = re.compile(r"[^\W_]+")
_LATIN = re.compile(r"[0-9a-z]+")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → Simplified (OpenCC `t2s`); other scripts pass through unchanged."""
    if not text or not _CJK.search(text):
        return text
    return str(_converter().convert(text))


def normalise(text: str) -> str:
    """The form both documents and queries are compared in: NFKC, Simplified, lower case."""
    return to_simplified(unicodedata.normalize("NFKC", text)).lower()


def stem(word: str) -> str:
    """A minimal English plural stemmer (Harman's S-stemmer, as Lucene's EnglishMinimalStemmer):
    refunds → refund, supplies → supply, boxes → boxe… Deliberately light: it never merges
    words people tell apart (shipping ≠ ship), and it is the same on every database."""
    n = len(word)
    if n < 3 or word[-1] != "s" or not word.isascii():
        return word
    if word[-2] in "us":
        return word
    if word[-2] == "e":
        if n > 3 and word[-3] == "i" and word[-4] not in "ae":
            return word[:-3] + "y"
        if word[-3] in "iaoe":
            return word
    return word[:-1]


def _cut(text: str) -> list[str]:
    import rjieba

    return list(rjieba.cut_for_search(text))


def tokens(text: str) -> list[str]:
    """The index tokens of `text`, in order (duplicates kept: they weigh in the ranking)."""
    out: list[str] = []
    for chunk in _WORD.findall(normalise(text)):
        if _CJK.search(chunk):
            for piece in _cut(chunk):
                out.extend(stem(w) for w in _WORD.findall(piece))
        else:
            out.append(stem(chunk))
    return out


def segment(text: str) -> str:
    """`tokens` joined by spaces: what the FTS5 table and the tsvector are built from."""
    return " ".join(tokens(text))


@dataclass(frozen=True)
class QueryTerm:
    """One term every result must contain; `prefix` also accepts words starting with `raw`
    (the last Latin word of a query, which may still be being typed)."""

    token: str
    prefix: str = ""


def query_terms(query: str) -> list[QueryTerm]:
    """The terms of a typed query (at most 16: a pasted paragraph is not a search)."""
    words = tokens(query)
    seen: dict[str, None] = dict.fromkeys(words)
    terms = [QueryTerm(token=w) for w in list(seen)[:16]]
    raw_words = _WORD.findall(normalise(query))
    if terms and raw_words and _LATIN.fullmatch(raw_words[-1]) and len(raw_words[-1]) >= 2:
        last = terms[-1]
        if last.token == stem(raw_words[-1]):
            terms[-1] = QueryTerm(token=last.token, prefix=raw_words[-1])
    return terms


def highlight_terms(query: str) -> tuple[set[str], list[str]]:
    """What to mark in a snippet: stemmed Latin words, and Chinese words as substrings."""
    latin: set[str] = set()
    cjk: list[str] = []
    for term in query_terms(query):
        if _CJK.search(term.token):
            cjk.append(term.token)
        else:
            latin.add(term.token)
            if term.prefix:
                latin.add(term.prefix + "*")
    return latin, sorted(set(cjk), key=len, reverse=True)
