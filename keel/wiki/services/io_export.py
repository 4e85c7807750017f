"""Export a space as a zip of Markdown files that `keel.wiki.services.io` imports back.

Layout: a page without children is `Title.md`; a page with children is a folder `Title/`
whose own text is `Title/index.md`. Each file starts with front matter (`title:` — file
names cannot hold every title — and `order:` among its siblings). `[[Title]]` links become
relative `.md` links; attachments go under `_files/` and links to them are rewritten. Only
pages the exporter may read are included (the tree as they see it), and only their files.
"""

from __future__ import annotations

import posixpath
import re
import shutil
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass
from typing import IO
from urllib.parse import quote

from django.db.models import Q
from django.http import Http404

from keel.core.models import Membership
from keel.core.services import AuditContext, audit_event, same_workspace
from keel.wiki.access import READ, can, reader_for, space_level
from keel.wiki.models import Attachment, Page, Space
from keel.wiki.selectors import TreeNode, space_tree
from keel.wiki.services import io_html
from keel.wiki.services.io import LINK_RE

FILES_DIR = "_files"
NAME_MAX = 80
BATCH = 500
_WIKILINK = re.compile(r"\[\[([^\[\]|\n]{1,200})(?:\|([^\[\]\n]*))?\]\]")
_BAD_NAME = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|#%]')
_KEY = re.compile(r"[A-Za-z0-9_-]{32}")
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
             *(f"lpt{i}" for i in range(10)), "index", "readme", FILES_DIR}  # fmt: skip


def file_name(title: str) -> str:
    """A title as a file name every system accepts (CJK kept; `/`, `:` and the like become
    dashes; no leading dot; Windows' reserved names avoided)."""
    name = unicodedata.normalize("NFC", _BAD_NAME.sub("-", title))
    name = " ".join(name.split()).strip(" .")[:NAME_MAX].strip(" .")
    if not name or name.casefold() in _RESERVED:
        name = f"{name or 'page'}-page"
    return name


@dataclass
class _Entry:
    page_id: int
    title: str
    path: str  # the .md file in the zip
    order: int


def _lay_out(nodes: list[TreeNode], folder: str, entries: list[_Entry]) -> None:
    used: set[str] = set()
    for order, node in enumerate(nodes):
        base = file_name(node.page.title)
        name, n = base, 1
        while name.casefold() in used:
            n += 1
            name = f"{base} ({n})"
        used.add(name.casefold())
        if node.children:
            path = f"{folder}{name}/index.md"
            entries.append(_Entry(node.page.pk, node.page.title, path, order))
            _lay_out(node.children, f"{folder}{name}/", entries)
        else:
            entries.append(_Entry(node.page.pk, node.page.title, f"{folder}{name}.md", order))


def _relative(target: str, source: str) -> str:
    return quote(posixpath.relpath(target, posixpath.dirname(source) or "."), safe="/")


@dataclass(frozen=True)
class Export:
    file: IO[bytes]
    pages: int
    files: int


def space_export(*, actor: Membership, space: Space, context: AuditContext | None = None) -> Export:
    """The zip (a temporary file, rewound) of the pages `actor` may read; audited."""
    same_workspace(actor, space)
    level = space_level(reader_for(actor), space)
    if not can(level, READ):
        raise Http404
    entries: list[_Entry] = []
    _lay_out(space_tree(actor, space, level), "", entries)
    ids = [e.page_id for e in entries]
    by_title: dict[str, str] = {}
    for entry in entries:
        by_title.setdefault(" ".join(entry.title.split()), entry.path)

    attachments = list(
        Attachment.objects.in_workspace(actor.workspace)
        .filter(space=space)
        .filter(Q(page__isnull=True) | Q(page_id__in=ids))
        .order_by("pk")
    )
    file_paths: dict[str, str] = {}
    used: set[str] = set()
    for attachment in attachments:
        # A folder per file keeps its name as it was (a re-import names the attachment so).
        name = f"{FILES_DIR}/{attachment.key[:8]}/{file_name(attachment.name)}"
        if name.casefold() in used:
            name = f"{FILES_DIR}/{attachment.key}/{file_name(attachment.name)}"
        used.add(name.casefold())
        file_paths[attachment.key] = name

    out = tempfile.SpooledTemporaryFile(max_size=16 * 1024 * 1024)  # noqa: SIM115 (returned)
    written = 0
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for start in range(0, len(entries), BATCH):  # a large space is never all in memory
            batch = entries[start : start + BATCH]
            bodies = dict(
                Page.objects.filter(pk__in=[e.page_id for e in batch]).values_list("pk", "body")
            )
            for entry in batch:
                body = _rewrite(bodies.get(entry.page_id, ""), entry.path, by_title, file_paths)
                text = io_html.front_matter(entry.title, entry.order) + body
                archive.writestr(entry.path, text.encode("utf-8"))
        for attachment in attachments:
            try:
                with (
                    attachment.file.open("rb") as stored,
                    archive.open(file_paths[attachment.key], "w") as target,
                ):
                    shutil.copyfileobj(stored, target, 1024 * 1024)
                written += 1
            except (FileNotFoundError, OSError):
                continue  # a file missing from storage: the rest of the export still works
    out.seek(0)
    audit_event(actor, "wiki.space_exported", space, context, pages=len(entries), files=written)
    return Export(file=out, pages=len(entries), files=written)


def _rewrite(body: str, source: str, by_title: dict[str, str], files: dict[str, str]) -> str:
    def wikilink(match: re.Match[str]) -> str:
        title = " ".join(match.group(1).split())
        target = by_title.get(title)
        if target is None:  # a page not exported (missing, or not readable): left as written
            return match.group(0)
        label = (match.group(2) or "").strip() or title
        label = label.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
        return f"[{label}]({_relative(target, source)})"

    def link(match: re.Match[str]) -> str:
        target = match.group("target").strip("<>")
        if not target.startswith("/") or target.startswith("//"):
            return match.group(0)
        key = next((k for k in _KEY.findall(target) if k in files), None)
        if key is None:
            return match.group(0)
        path = _relative(files[key], source)
        return f"{match.group('bang')}[{match.group('label')}]({path}{match.group('title') or ''})"

    return io_html.outside_code(body, lambda text: LINK_RE.sub(link, _WIKILINK.sub(wikilink, text)))
