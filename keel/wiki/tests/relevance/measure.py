"""Relevance of wiki search on the labelled set: MRR@10 and nDCG@10 per query language.

Loads corpus.py's 313 pages into one space (rows written directly, then the search index
rebuilt the way `keel search rebuild` does), runs every query of queries.py through the one
search selector as the workspace owner, and scores the first ten page hits. Used by
test_relevance.py (floors) and by hand:

    .venv/bin/python -m keel.wiki.tests.relevance.measure   # prints the table (own database)
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from keel.core.models import Membership
from keel.wiki.models import Page, Revision, Space
from keel.wiki.tests.relevance.corpus import PAGES
from keel.wiki.tests.relevance.queries import QUERIES

K = 10


@dataclass
class Scores:
    mrr: float
    ndcg: float
    queries: int


def load_corpus(owner: Membership) -> dict[int, str]:
    """The corpus as pages of one space; returns {page pk: corpus id}."""
    from keel.search.services.index import rebuild

    ws = owner.workspace
    space = Space.objects.create(workspace=ws, name="Handbook", slug="handbook",
                                 created_by=owner)  # fmt: skip
    pages = Page.objects.bulk_create(
        Page(workspace=ws, space=space, title=p["title"], body=p["body"], position=i,
             owner=owner, created_by=owner, updated_by=owner)
        for i, p in enumerate(PAGES)
    )  # fmt: skip
    Revision.objects.bulk_create(
        Revision(workspace=ws, page=page, number=1, title=page.title, body=page.body,
                 author=owner)
        for page in pages
    )  # fmt: skip
    rebuild(workspace=ws, kinds=["page"])
    return {page.pk: p["id"] for page, p in zip(pages, PAGES, strict=True)}


def _dcg(gains: list[int]) -> float:
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains))


def measure(owner: Membership, ids: dict[int, str]) -> dict[str, Scores]:
    """Scores per query language (and "all")."""
    from keel.search.selectors import search

    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    for query in QUERIES:
        results = search(membership=owner, query=query["q"], kinds=["page"], limit=K)
        ranked = [ids.get(hit.object_id, "") for hit in results.hits]
        relevant: dict[str, int] = query["relevant"]
        rr = next((1 / (i + 1) for i, cid in enumerate(ranked) if relevant.get(cid)), 0.0)
        ideal = _dcg(sorted(relevant.values(), reverse=True)[:K])
        ndcg = _dcg([relevant.get(cid, 0) for cid in ranked]) / ideal if ideal else 0.0
        for key in (query["lang"], "all"):
            sums[key][0] += rr
            sums[key][1] += ndcg
            sums[key][2] += 1
    return {key: Scores(mrr=s[0] / s[2], ndcg=s[1] / s[2], queries=int(s[2]))
            for key, s in sums.items()}  # fmt: skip


def table(scores: dict[str, Scores]) -> str:
    lines = ["| queries | n | MRR@10 | nDCG@10 |", "|---|---|---|---|"]
    for key in ("zh-hans", "zh-hant", "en", "mixed", "all"):
        if key in scores:
            s = scores[key]
            lines.append(f"| {key} | {s.queries} | {s.mrr:.3f} | {s.ndcg:.3f} |")
    return "\n".join(lines)
