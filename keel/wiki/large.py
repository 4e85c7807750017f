"""The wiki's share of the benchmark data set: 40 spaces, 20,000 pages, 100,000 revisions,
then the whole workspace's search index (pages, contacts and the 100,000 bench tasks).

Bulk-inserted (it exists only to be measured; the services would take an hour), deterministic
(a seeded random) and idempotent: a workspace that already has the bench spaces is left
alone. Bodies are Markdown built from the relevance corpus (keel/wiki/tests/relevance): 3–6
paragraphs of different pages, sentences sampled and reordered, headings, a list, a
`[[link]]`, and a unique SKU and order number, so no two pages are near-identical and a
query word is in a realistic share of them. 2 % of the pages are restricted (their own
grants: a group, or one member), and a few spaces are private to a group.

Registered as a large seeder (`keel seed large`); bench/run.py calls it directly and prints
`rebuild_seconds`, the index rebuild time of the whole set.
"""

from __future__ import annotations

import random
import re
import time
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Count

from keel.core.models import Membership, Role, Workspace
from keel.wiki.models import Grant, Level, Page, Revision, Space, SpaceKind, StaffLevel

SPACES = 40
PAGES = 20_000
REVISIONS = 100_000
RESTRICTED_SHARE = 0.02
PRIVATE_SPACES = 4  # private to a group (staff see nothing unless in it)
MAX_DEPTH = 5
BATCH = 1_000
SLUG_PREFIX = "bench-wiki-"

_AREAS = [
    "客服 Customer service", "仓库 Warehouse", "采购 Purchasing", "財務 Finance",
    "Amazon US", "Amazon EU", "天猫 Tmall", "Shopify", "物流 Logistics", "设计 Design",
    "HR 人事", "產品開發", "Marketing", "TikTok Shop", "合规 Compliance", "IT",
]  # fmt: skip
_VARIANTS = ["", "", "", " (2025)", " v2", " – EU", " 美国站", " 华东仓", " 草稿", " FAQ",
             " checklist", " 舊版", " Q3", " for new hires"]  # fmt: skip
_SENTENCE = re.compile(r"(?<=[。！？；.!?;])\s*")


@dataclass(frozen=True)
class LargeWiki:
    spaces: int
    pages: int
    revisions: int
    restricted: int
    index_counts: dict[str, int]
    rebuild_seconds: float  # 0.0 when the data existed and nothing was rebuilt
    seed_seconds: float


def _corpus() -> list[dict[str, str]]:
    # The relevance corpus is test data of this app; imported only when seeding the bench.
    from keel.wiki.tests.relevance.corpus import PAGES as CORPUS

    return CORPUS


def _paragraph(rng: random.Random, body: str) -> str:
    """Most of a corpus page's sentences, some dropped and the order varied a little."""
    sentences = [s for s in _SENTENCE.split(body) if s.strip()]
    if len(sentences) > 3:
        keep = max(2, int(len(sentences) * rng.uniform(0.6, 1.0)))
        start = rng.randrange(0, len(sentences) - keep + 1)
        sentences = sentences[start : start + keep]
        if rng.random() < 0.3:
            i = rng.randrange(len(sentences) - 1)
            sentences[i], sentences[i + 1] = sentences[i + 1], sentences[i]
    joiner = "" if any("\u4e00" <= ch <= "\u9fff" for ch in body[:20]) else " "
    return joiner.join(s.strip() for s in sentences)


def _body(rng: random.Random, corpus: list[dict[str, str]], n: int, link: str) -> list[str]:
    """The page's sections (Markdown blocks); revision k shows the first k-ish of them."""
    picks = rng.sample(corpus, rng.randint(3, 6))
    sku = f"SKU BW-{n:05d}-{rng.choice('ABCDEFGH')}{rng.randint(10, 99)}"
    order = f"{rng.choice(['订单号', '訂單號', 'Order no.'])} {20250000 + n * 7 % 99991:08d}"
    blocks = [f"{sku} · {order}"]
    for i, doc in enumerate(picks):
        if i:
            blocks.append(f"## {doc['title']}")
        blocks.append(_paragraph(rng, doc["body"]))
        if i == 1 and rng.random() < 0.5:
            items = rng.sample(corpus, 3)
            blocks.append("\n".join(f"- [ ] {x['title']}" for x in items))
    if link:
        blocks.append(f"See also [[{link}]].")
    return blocks


def _tree(rng: random.Random, count: int) -> list[int | None]:
    """Parent index of each page in a space: ~15 top-level pages, depth up to MAX_DEPTH."""
    parents: list[int | None] = [None]
    depth = [0]
    for i in range(1, count):
        if rng.random() < 0.03:
            parents.append(None)
            depth.append(0)
            continue
        # Prefer recent, shallow pages: guides gather under a handful of sections.
        for _ in range(8):
            p = rng.randrange(max(0, i - 60), i) if rng.random() < 0.7 else rng.randrange(i)
            if depth[p] < MAX_DEPTH - 1:
                break
        else:
            p = 0
        parents.append(p)
        depth.append(depth[p] + 1)
    return parents


def _revision_counts(rng: random.Random, pages: int, revisions: int) -> list[int]:
    counts = [rng.randint(1, 9) for _ in range(pages)]
    diff = revisions - sum(counts)
    while diff:
        i = rng.randrange(pages)
        if diff > 0 and counts[i] < 12:
            counts[i] += 1
            diff -= 1
        elif diff < 0 and counts[i] > 1:
            counts[i] -= 1
            diff += 1
    return counts


def seed_wiki_large(
    workspace: Workspace, *, pages: int = PAGES, revisions: int = REVISIONS, index: bool = True
) -> LargeWiki:
    """Build the bench wiki in `workspace` unless it exists, then rebuild the search index.

    The tasks share is seeded first (idempotent) so the rebuilt index holds the tasks too:
    the wiki's seeder runs before the tasks' one (INSTALLED_APPS order).
    """
    from keel.search.models import SearchDocument
    from keel.search.services.index import rebuild
    from keel.tasks.large import seed_tasks_large

    started = time.perf_counter()
    seed_tasks_large(workspace)
    spaces = Space.objects.in_workspace(workspace).filter(slug__startswith=SLUG_PREFIX)
    if spaces.exists():
        made = Page.objects.filter(space__in=spaces)
        return LargeWiki(
            spaces=spaces.count(), pages=made.count(),
            revisions=Revision.objects.filter(page__space__in=spaces).count(),
            restricted=made.filter(restricted=True).count(),
            index_counts=dict(SearchDocument.objects.in_workspace(workspace).values_list("kind")
                              .annotate(n=Count("id")).values_list("kind", "n")),
            rebuild_seconds=0.0, seed_seconds=0.0,
        )  # fmt: skip
    with transaction.atomic():
        made_pages, made_revisions, restricted = _build(workspace, pages, revisions)
    seed_seconds = time.perf_counter() - started
    counts: dict[str, int] = {}
    rebuild_seconds = 0.0
    if index:
        t0 = time.perf_counter()
        counts = rebuild(workspace=workspace)
        rebuild_seconds = time.perf_counter() - t0
    return LargeWiki(SPACES, made_pages, made_revisions, restricted, counts, rebuild_seconds,
                     seed_seconds)  # fmt: skip


def _build(workspace: Workspace, pages: int, revisions: int) -> tuple[int, int, int]:
    from keel.accounts.models import Group

    rng = random.Random(20_261_207)  # noqa: S311 - bench data, not security
    corpus = _corpus()
    members = list(
        Membership.objects.in_workspace(workspace).active().order_by("pk").values_list(
            "pk", "role")
    )  # fmt: skip
    staff = [pk for pk, role in members if role != Role.GUEST] or [pk for pk, _r in members]
    owner_id = next((pk for pk, role in members if role == Role.OWNER), staff[0])
    groups = list(Group.objects.filter(workspace=workspace).order_by("pk").values_list(
        "pk", flat=True))  # fmt: skip

    spaces = Space.objects.bulk_create(
        Space(
            workspace=workspace, slug=f"{SLUG_PREFIX}{i + 1:02d}", position=100 + i,
            name=f"{_AREAS[i % len(_AREAS)]} {i // len(_AREAS) + 1}",
            kind=SpaceKind.PRIVATE if i % (SPACES // PRIVATE_SPACES) == 3 and groups
            else SpaceKind.COMPANY,
            staff_level=StaffLevel.NONE if i % (SPACES // PRIVATE_SPACES) == 3 and groups
            else (StaffLevel.READ if i % 3 == 2 else StaffLevel.EDIT),
            created_by_id=owner_id,
        )
        for i in range(SPACES)
    )  # fmt: skip
    grants = [
        Grant(workspace=workspace, space=s, level=Level.EDIT, group_id=groups[i % len(groups)])
        for i, s in enumerate(spaces)
        if s.kind == SpaceKind.PRIVATE
    ]

    per_space = [pages // SPACES + (1 if i < pages % SPACES else 0) for i in range(SPACES)]
    counts = _revision_counts(rng, pages, revisions)
    # Everything about each page first, then insert level by level (children need parent ids).
    specs: list[dict[str, Any]] = []
    n = 0
    for space, size in zip(spaces, per_space, strict=True):
        parents = _tree(rng, size)
        first = len(specs)
        for j in range(size):
            doc = rng.choice(corpus)
            title = f"{doc['title']}{rng.choice(_VARIANTS)}"
            link = specs[first + rng.randrange(j)]["title"] if j and rng.random() < 0.4 else ""
            parent = parents[j]
            specs.append({
                "space": space, "parent": None if parent is None else first + parent,
                "title": title[:200], "blocks": _body(rng, corpus, n, link),
                "position": j, "versions": counts[n],
                "restricted": rng.random() < RESTRICTED_SHARE,
                "owner": rng.choice(staff), "author": rng.choice(staff),
            })  # fmt: skip
            n += 1
    depth = [0] * len(specs)
    for i, spec in enumerate(specs):
        depth[i] = 0 if spec["parent"] is None else depth[spec["parent"]] + 1
    made: list[Page | None] = [None] * len(specs)
    for level in range(MAX_DEPTH + 1):
        todo = [i for i in range(len(specs)) if depth[i] == level]
        for start in range(0, len(todo), BATCH):
            chunk = todo[start : start + BATCH]
            rows = [_page(workspace, specs[i], made) for i in chunk]
            for i, page in zip(chunk, Page.objects.bulk_create(rows), strict=True):
                made[i] = page
    restricted = 0
    for i, spec in enumerate(specs):
        if not spec["restricted"]:
            continue
        restricted += 1
        narrowed = made[i]
        assert narrowed is not None
        if groups and i % 2:
            grants.append(Grant(workspace=workspace, space=spec["space"], page=narrowed,
                                level=Level.EDIT, group_id=groups[i % len(groups)]))  # fmt: skip
        else:
            grants.append(Grant(workspace=workspace, space=spec["space"], page=narrowed,
                                level=Level.READ, membership_id=spec["owner"]))  # fmt: skip
    Grant.objects.bulk_create(grants, batch_size=BATCH)

    batch: list[Revision] = []
    total = 0
    for i, spec in enumerate(specs):
        revised = made[i]
        assert revised is not None
        blocks, versions = spec["blocks"], spec["versions"]
        for number in range(1, versions + 1):
            # A page grows: early revisions hold the first sections, the last one all of them.
            shown = max(1, round(len(blocks) * number / versions))
            body = "\n\n".join(blocks[:shown])
            batch.append(Revision(
                workspace=workspace, page=revised, number=number, title=spec["title"], body=body,
                author_id=spec["author"] if number % 2 else spec["owner"],
                summary="" if number % 3 else "Update",
            ))  # fmt: skip
            total += 1
            if len(batch) >= BATCH:
                Revision.objects.bulk_create(batch)
                batch = []
    if batch:
        Revision.objects.bulk_create(batch)
    return len(specs), total, restricted


def _page(workspace: Workspace, spec: dict[str, Any], made: list[Page | None]) -> Page:
    parent = made[spec["parent"]] if spec["parent"] is not None else None
    return Page(
        workspace=workspace, space=spec["space"], parent=parent, position=spec["position"],
        title=spec["title"], body="\n\n".join(spec["blocks"]), version=spec["versions"],
        restricted=spec["restricted"], owner_id=spec["owner"], created_by_id=spec["author"],
        updated_by_id=spec["owner"],
    )  # fmt: skip
