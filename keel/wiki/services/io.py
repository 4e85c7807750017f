"""Import a zip of Markdown or HTML pages into a space: `import_plan` reads the zip into a
Plan (the tree, the images, per-file problems; nothing written) and `import_confirm` writes
every valid page and image of a fresh plan in one transaction, or nothing.

How a zip becomes pages (Notion, Confluence/Obsidian Markdown, Google Sites HTML, Keel's own
export): each .md/.html file is a page; a folder is the page of the same name beside it
(`Shipping.md` + `Shipping/`), else its `index.md`/`README.md`/`index.html`, else an empty
page named after the folder, and the folder's pages are its children. A single folder
wrapping the whole zip is unwrapped. Titles: front matter `title:`, else <title>/<h1>, else
the file name without Notion's 32-hex id. Relative links between files become `[[Title]]`;
images become attachments of the space (`files.attachment_upload`: type from the content,
size limits) and links point at them. Duplicate titles get " (2)", " (3)"…
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from functools import partial
from typing import IO, Any
from urllib.parse import unquote

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from keel.core.models import Membership
from keel.core.services import AuditContext, audit_event, same_workspace
from keel.wiki.access import EDIT, require_space
from keel.wiki.models import Attachment, Page, Space
from keel.wiki.services import io_html
from keel.wiki.services.io_zip import Limits, Problem, SafeZip, open_zip
from keel.wiki.services.pages import BODY_MAX, TITLE_MAX, page_create

MARKDOWN = {"md", "markdown"}
HTML = {"html", "htm"}
IMAGES = {"png", "jpg", "jpeg", "gif", "webp", "svg"}
INDEX_STEMS = ("index", "readme")  # in this order of preference
FILE_REF = "keel-import-file:"  # placeholder for an image's address until it is uploaded
_FILE_REF_RE = re.compile(re.escape(FILE_REF) + r"(\d+)")
LINK_RE = re.compile(
    r"(?P<bang>!?)\[(?P<label>(?:\\.|[^\[\]\\\n])*)\]"
    r"\(\s*(?P<target><[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"
    r"(?P<title>\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)"
)
_EMBED = re.compile(r"!\[\[([^\[\]|\n]{1,300})(?:\|[^\[\]\n]*)?\]\]")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_UNSAFE_TITLE = re.compile(r"[\[\]|]")


@dataclass
class PlannedPage:
    key: str  # the node: the file's path without extension, or a folder's path
    path: str  # the file it comes from; "" for a folder without a file of its own
    title: str
    body: str
    parent: str | None  # the parent node's key
    depth: int = 0
    order: int | None = None


@dataclass
class Plan:
    pages: list[PlannedPage] = field(default_factory=list)  # parents before children
    images: list[str] = field(default_factory=list)  # paths, index = FILE_REF number
    problems: list[Problem] = field(default_factory=list)
    prefix: str = ""  # the wrapping folder taken off every path

    def summary(self) -> dict[str, Any]:
        """What the preview shows (stored as JSON, so a reload needs no second read)."""
        return {
            "pages": [{"title": p.title, "depth": p.depth, "path": p.path} for p in self.pages],
            "images": len(self.images),
            "problems": [p.as_dict() for p in self.problems],
        }


def _ext(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _stem_path(path: str) -> str:
    return path.rsplit(".", 1)[0] if "." in path.rsplit("/", 1)[-1] else path


def _parent_dir(path: str) -> str:
    return path.rsplit("/", 1)[0] if "/" in path else ""


def _unwrap(paths: list[str]) -> str:
    """The folders that wrap everything (Notion's "Export-…/", Takeout's "Takeout/Sites/x/"),
    down to the first that is a page itself (it has an index file); else ""."""
    prefix = ""
    while True:
        rest = [p[len(prefix) :] for p in paths]
        firsts = {p.split("/", 1)[0] for p in rest}
        if len(firsts) != 1 or any("/" not in p for p in rest):
            return prefix
        if any(
            p.count("/") == 1 and _stem_path(p.split("/", 1)[1]).lower() in INDEX_STEMS
            for p in rest
        ):
            return prefix
        prefix += firsts.pop() + "/"


@dataclass
class _Source:
    path: str
    title: str
    body: str
    titled: bool  # the title came from the file's own text (front matter, <title>, <h1>)
    order: int | None


def _image_ok(safe: SafeZip, path: str, original: str) -> bool:
    """The checks attachment_upload will make (type from the content, size), made now so the
    preview lists a refused image instead of the import dropping it."""
    from keel.wiki.services.files import max_bytes, sniff

    raw = safe.read_or_problem(original)
    if raw is None:
        return False
    try:
        sniffed = sniff(ContentFile(raw, name=path.rsplit("/", 1)[-1]), path.rsplit("/", 1)[-1])
        if len(raw) > max_bytes(sniffed.kind):
            raise ValidationError(
                _("The file is larger than %(n)s MB: skipped.")
                % {"n": max_bytes(sniffed.kind) // 1024 // 1024}
            )
    except ValidationError as error:
        safe.problems.append(Problem(path, " ".join(error.messages)))
        return False
    if not raw:
        safe.problems.append(Problem(path, _("The file is empty: skipped.")))
        return False
    return True


def _read_page(safe: SafeZip, path: str, original: str) -> _Source | None:
    raw = safe.read_or_problem(original)
    if raw is None:
        return None
    try:
        text = io_html.decode_text(raw)
    except io_html.UndecodableText:
        safe.problems.append(Problem(path, _(
            "The file is not text in UTF-8, UTF-16 or GB18030: skipped. Save it as UTF-8 and "
            "export again.")))  # fmt: skip
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _ext(path) in HTML:
        page = io_html.html_to_markdown(text)
        title, body, order = page.title, page.markdown, None
    else:
        meta = io_html.split_front_matter(text)
        title, body, order = meta.title, meta.body, meta.order
    if len(body) > BODY_MAX:
        safe.problems.append(Problem(path, _("The text is longer than %(n)s characters: "
                                             "skipped.") % {"n": f"{BODY_MAX:,}"}))  # fmt: skip
        return None
    return _Source(path=path, title=" ".join(title.split())[:TITLE_MAX], body=body,
                   titled=bool(title), order=order)  # fmt: skip


def import_plan(
    *, actor: Membership, space: Space, source: IO[bytes], limits: Limits | None = None
) -> Plan:
    """Read the zip into a Plan; raises ValidationError({"file": …}) when the whole zip is
    refused (not a zip, empty, too big, a zip bomb, nothing importable)."""
    same_workspace(actor, space)
    require_space(actor, space, EDIT)
    safe = open_zip(source, limits)
    prefix = _unwrap(list(safe.entries))
    plan = Plan(problems=safe.problems, prefix=prefix)
    renamed = {p[len(prefix) :]: p for p in safe.entries}

    sources: dict[str, _Source] = {}
    for path in sorted(renamed, key=str.casefold):
        ext = _ext(path)
        if ext in MARKDOWN or ext in HTML:
            key = _stem_path(path)
            if key in sources:
                plan.problems.append(Problem(path, _(
                    "Another file makes the same page (%(other)s): skipped.") % {
                    "other": sources[key].path}))  # fmt: skip
                continue
            read = _read_page(safe, path, renamed[path])
            if read is not None:
                sources[key] = read
        elif ext in IMAGES:
            if _image_ok(safe, path, renamed[path]):
                plan.images.append(path)
        else:
            plan.problems.append(Problem(path, _(
                "Not imported: only Markdown (.md), HTML (.html) and images (PNG, JPEG, GIF, "
                "WebP, SVG) are read.")))  # fmt: skip
    if not sources:
        raise ValidationError(
            {"file": _("The zip has no Markdown (.md) or HTML (.html) page to import.")},
            code="no_pages",
        )

    _build_tree(plan, sources, space)
    _rewrite_links(plan, sources)
    plan.problems.sort(key=lambda p: (p.path.casefold(), p.message))
    return plan


def _build_tree(plan: Plan, sources: dict[str, _Source], space: Space) -> None:
    # A folder's own page: the sibling file of its name, else its index file.
    nodes: dict[str, _Source | None] = {}
    index_of: dict[str, str] = {}
    for key in sources:
        folder, stem = _parent_dir(key), key.rsplit("/", 1)[-1].lower()
        if folder and stem in INDEX_STEMS and folder not in sources:
            best = index_of.get(folder)
            if best is None or INDEX_STEMS.index(stem) < INDEX_STEMS.index(
                best.rsplit("/", 1)[-1].lower()
            ):
                index_of[folder] = key
    index_files = set(index_of.values())
    for key, src in sources.items():
        if key not in index_files:
            nodes[key] = src
    for folder, key in index_of.items():
        nodes[folder] = sources[key]
    # Folders with pages below them, but no page of their own: empty pages named after them.
    for key in list(nodes):
        folder = _parent_dir(key)
        while folder and folder not in nodes:
            nodes[folder] = None
            folder = _parent_dir(folder)

    taken = {
        t.casefold()
        for t in Page.objects.filter(space=space, archived_at__isnull=True).values_list(
            "title", flat=True
        )
    }

    def title_for(key: str, src: _Source | None) -> str:
        base = src.title if src is not None and src.titled else ""
        base = (base or io_html.title_from_name(key) or _("Untitled"))[:TITLE_MAX].strip()
        title, n = base, 1
        while title.casefold() in taken:
            n += 1
            suffix = f" ({n})"
            title = base[: TITLE_MAX - len(suffix)] + suffix
        taken.add(title.casefold())
        return title

    def sort_key(key: str) -> tuple[int, str]:
        src = nodes[key]
        order = src.order if src is not None and src.order is not None else 10**9
        return order, key.rsplit("/", 1)[-1].casefold()

    children: dict[str | None, list[str]] = {}
    for key in nodes:
        parent = _parent_dir(key) or None
        children.setdefault(parent, []).append(key)
    stack: list[tuple[str, int]] = [(k, 0) for k in sorted(children.get(None, []),
                                                           key=sort_key, reverse=True)]  # fmt: skip
    while stack:
        key, depth = stack.pop()
        node = nodes[key]
        title = title_for(key, node)
        body = node.body if node is not None else ""
        if node is not None and not node.titled:
            body = io_html.drop_leading_title(body, title)
        plan.pages.append(PlannedPage(
            key=key, path=node.path if node is not None else "", title=title, body=body,
            parent=_parent_dir(key) or None, depth=depth,
        ))  # fmt: skip
        for child in sorted(children.get(key, []), key=sort_key, reverse=True):
            stack.append((child, depth + 1))


def _rewrite_links(plan: Plan, sources: dict[str, _Source]) -> None:
    """Relative links to pages → `[[Title]]`; to images → FILE_REF placeholders."""
    page_titles: dict[str, str] = {}
    for page in plan.pages:
        if page.path:
            page_titles[page.path] = page.title
        page_titles.setdefault(page.key, page.title)  # a link to the folder itself
    image_index = {path: n for n, path in enumerate(plan.images)}
    by_name: dict[str, list[int]] = {}
    for n, path in enumerate(plan.images):
        by_name.setdefault(path.rsplit("/", 1)[-1].casefold(), []).append(n)

    def embed(match: re.Match[str], base: str) -> str:
        """Obsidian's `![[photo.png]]`: the path from the page, from the vault's root, or
        else the one image of that name anywhere in the zip."""
        name = match.group(1).strip()
        for candidate in (posixpath.normpath(posixpath.join(base, name)), name):
            if candidate in image_index:
                return f"![{name}]({FILE_REF}{image_index[candidate]})"
        found = by_name.get(name.rsplit("/", 1)[-1].casefold(), [])
        return f"![{name}]({FILE_REF}{found[0]})" if len(found) == 1 else match.group(0)

    for page in plan.pages:
        if page.path and "![[" in page.body:
            embeds = partial(_EMBED.sub, partial(embed, base=_parent_dir(page.path)))
            page.body = io_html.outside_code(page.body, embeds)
        if not page.path or "](" not in page.body:
            continue
        base = _parent_dir(page.path)
        missing: list[str] = []
        remote = sum(
            1
            for m in LINK_RE.finditer(page.body)
            if m.group("bang") and _SCHEME.match(m.group("target").strip("<>"))
        )
        if remote:
            plan.problems.append(Problem(page.path, ngettext(
                "%(n)s picture is on another site: the wiki shows only its own files, so its "
                "description is shown instead. Add it to the zip to keep it.",
                "%(n)s pictures are on another site: the wiki shows only its own files, so "
                "their descriptions are shown instead. Add them to the zip to keep them.",
                remote) % {"n": remote}, skipped=False))  # fmt: skip

        def replace(match: re.Match[str], base: str = base, missing: list[str] = missing) -> str:
            target = match.group("target").strip("<>")
            if not target or _SCHEME.match(target) or target.startswith(("#", "/")):
                return match.group(0)
            path = unquote(target.split("#", 1)[0].split("?", 1)[0])
            resolved = posixpath.normpath(posixpath.join(base, path)) if path else ""
            if not resolved or resolved.startswith("../") or resolved == "..":
                return match.group(0)
            resolved = resolved.rstrip("/")
            label = match.group("label")
            if resolved in image_index:
                title = match.group("title") or ""
                ref = f"{FILE_REF}{image_index[resolved]}"
                return f"{match.group('bang')}[{label}]({ref}{title})"
            title_of = page_titles.get(resolved) or page_titles.get(_stem_path(resolved))
            if title_of is not None and not match.group("bang"):
                if _UNSAFE_TITLE.search(title_of):
                    return label
                text = re.sub(r"\\(.)", r"\1", label).strip()
                if not text or text == title_of or _UNSAFE_TITLE.search(text):
                    return f"[[{title_of}]]"
                return f"[[{title_of}|{text}]]"
            if _ext(resolved) in MARKDOWN | HTML | IMAGES:
                missing.append(path)
            return match.group(0)

        page.body = io_html.outside_code(page.body, lambda text: LINK_RE.sub(replace, text))
        for path in dict.fromkeys(missing):
            plan.problems.append(Problem(page.path, _(
                "Links to %(target)s, which is not in the zip: the link is kept as it is."
            ) % {"target": path[:200]}, skipped=False))  # fmt: skip


def attachment_url(attachment: Attachment) -> str:
    """Where the wiki serves an attachment (views/files.py): what imported links point at."""
    return reverse("wiki_file", kwargs={"ws": attachment.workspace.slug, "key": attachment.key})


@dataclass(frozen=True)
class ImportResult:
    pages: int
    images: int
    skipped: int
    first_page: Page | None


def import_confirm(
    *,
    actor: Membership,
    space: Space,
    source: IO[bytes],
    parent: Page | None = None,
    file_name: str = "",
    context: AuditContext | None = None,
) -> ImportResult:
    """Import every valid page and image of the zip under `parent` (None: top level), in one
    transaction: on any error nothing is saved, and the images stored so far are deleted."""
    same_workspace(actor, space, parent)
    if parent is not None and (parent.space_id != space.pk or parent.archived_at is not None):
        raise ValidationError({"parent": _("Choose a live page of this space.")})
    plan = import_plan(actor=actor, space=space, source=source)
    safe_reader = _reader(source)
    uploaded: list[Attachment] = []
    problems = list(plan.problems)
    try:
        with transaction.atomic():
            urls: dict[int, str] = {}
            for n, path in enumerate(plan.images):
                attachment = _store_image(actor, space, safe_reader, path, plan.prefix + path,
                                          problems, context)  # fmt: skip
                if attachment is not None:
                    uploaded.append(attachment)
                    urls[n] = attachment_url(attachment)
            created: dict[str, Page] = {}
            for planned in plan.pages:
                body = _FILE_REF_RE.sub(lambda m: urls.get(int(m.group(1)), ""), planned.body)
                created[planned.key] = page_create(
                    actor=actor, space=space, title=planned.title, body=body,
                    parent=created[planned.parent] if planned.parent else parent,
                    summary=_("Imported from %(file)s") % {"file": file_name[:100] or "zip"},
                    context=context,
                )  # fmt: skip
            audit_event(actor, "wiki.space_imported", space, context, file=file_name[:120],
                        pages=len(created), images=len(uploaded),
                        skipped=sum(1 for p in problems if p.skipped),
                        parent=parent.pk if parent else None)  # fmt: skip
    except BaseException:
        for attachment in uploaded:
            attachment.file.storage.delete(attachment.file.name)
        raise
    first = created[plan.pages[0].key] if plan.pages else None
    return ImportResult(
        pages=len(created),
        images=len(uploaded),
        skipped=sum(1 for p in problems if p.skipped),
        first_page=first,
    )


def _reader(source: IO[bytes]) -> SafeZip:
    source.seek(0)
    return open_zip(source)


def _store_image(
    actor: Membership, space: Space, safe: SafeZip, path: str, original: str,
    problems: list[Problem], context: AuditContext | None,
) -> Attachment | None:  # fmt: skip
    """Hand one image to the wiki's files (the same checks as any upload); a refused image
    is skipped with its reason, and links to it lose their address."""
    from keel.wiki.services.files import attachment_upload

    data = safe.read_or_problem(original)
    if data is None:
        problems.extend(safe.problems[-1:])
        return None
    try:
        with transaction.atomic():
            return attachment_upload(
                actor=actor,
                space=space,
                context=context,
                file=ContentFile(data, name=path.rsplit("/", 1)[-1]),
            )
    except ValidationError as error:
        problems.append(Problem(path, " ".join(error.messages)))
        return None
