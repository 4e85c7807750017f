"""Highlighted snippets, made in Python from the stored readable text.

Done here rather than with FTS5's snippet() or PostgreSQL's ts_headline because those see
the segmented text (Chinese with spaces between words) and differ between the databases.
Everything is HTML-escaped; the only markup in the result is the <mark> we add.
"""

from __future__ import annotations

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from keel.search.text import highlight_terms, stem, to_simplified

_LATIN_WORD = re.compile(r"[0-9a-z]+")
SNIPPET_CHARS = 160
_LEAD = 40
# The first match is looked for chunk by chunk (with an overlap so no word is cut): a match
# near the start of a 50 KB page costs one chunk of normalising, not the whole text.
_CHUNK = 1_000
_OVERLAP = 40


def _comparable(text: str, *, chinese: bool = True) -> str:
    """`text` normalised for matching, position for position (same length as `text`).
    Without Chinese words to find (`chinese=False`) Traditional stays as it is: converting
    it cost more than the rest of the snippet and changes no Latin letter."""
    convert = to_simplified if chinese else str
    whole = convert(unicodedata.normalize("NFKC", text)).lower()
    if len(whole) == len(text):
        return whole
    out = []
    for ch in text:  # rare: NFKC or OpenCC changed a length (ligatures, phrases)
        n = convert(unicodedata.normalize("NFKC", ch)).lower()
        out.append(n if len(n) == 1 else ch.lower()[:1] or " ")
    return "".join(out)


def _spans(norm: str, latin: set[str], cjk: list[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    if latin:  # a word-by-word pass only when the query has Latin words (it is the slow part)
        prefixes = tuple(t[:-1] for t in latin if t.endswith("*"))
        for m in _LATIN_WORD.finditer(norm):
            word = m.group()
            if stem(word) in latin or (prefixes and word.startswith(prefixes)):
                spans.append(m.span())
    for term in cjk:
        start = norm.find(term)
        while start != -1:
            spans.append((start, start + len(term)))
            start = norm.find(term, start + len(term))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def _render(text: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    out: list[str] = []
    pos = start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        out.append(escape(text[pos:s]))
        out.append(f"<mark>{escape(text[s:e])}</mark>")
        pos = e
    out.append(escape(text[pos:end]))
    return "".join(out)


class Highlighter:
    """Marks the words of one query in titles and snippets."""

    def __init__(self, query: str) -> None:
        self.latin, self.cjk = highlight_terms(query)

    def title(self, text: str) -> SafeString:
        spans = _spans(_comparable(text, chinese=bool(self.cjk)), self.latin, self.cjk)
        return mark_safe(_render(text, spans, 0, len(text)))

    def _first(self, text: str) -> int | None:
        for offset in range(0, len(text), _CHUNK):
            piece = text[offset : offset + _CHUNK + _OVERLAP]
            spans = _spans(_comparable(piece, chinese=bool(self.cjk)), self.latin, self.cjk)
            if spans:
                return offset + spans[0][0]
        return None

    def snippet(self, text: str, size: int = SNIPPET_CHARS) -> SafeString:
        """About `size` characters of `text` around its first match (or its start)."""
        text = " ".join(text.split())
        first = self._first(text)
        start = max(0, first - _LEAD) if first is not None else 0
        end = min(len(text), start + size)
        start = max(0, min(start, end - size))
        # Marks within the window (a little wider, so a word cut by its edges still counts).
        lo, hi = max(0, start - _OVERLAP), min(len(text), end + _OVERLAP)
        window = _comparable(text[lo:hi], chinese=bool(self.cjk))
        spans = [(s + lo, e + lo) for s, e in _spans(window, self.latin, self.cjk)]
        html = _render(text, spans, start, end)
        prefix = "…" if start > 0 else ""
        suffix = "…" if end < len(text) else ""
        return mark_safe(prefix + html + suffix)
