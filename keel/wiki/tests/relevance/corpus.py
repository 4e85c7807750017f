"""The relevance corpus: realistic e-commerce wiki pages in Simplified and Traditional Chinese,
English and mixed text (written by generate.py into two halves to keep files small).

Each page: id ("p001"…), title, body (plain text), lang ("zh-hans" | "zh-hant" | "en" |
"mixed"). queries.py grades pages by id.
"""

from __future__ import annotations

from keel.wiki.tests.relevance.corpus_a import PAGES_A
from keel.wiki.tests.relevance.corpus_b import PAGES_B

PAGES: list[dict[str, str]] = [*PAGES_A, *PAGES_B]
