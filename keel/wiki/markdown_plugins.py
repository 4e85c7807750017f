"""markdown-it rules for the wiki's own syntax: [[wiki links]], @mentions, callouts, task lists.

The rules only parse: they turn the source into tokens and record what a page refers to (a
DocState in env). Resolving titles and names, translating labels and producing the final HTML
happen at render time in keel.wiki.markdown, so parsed tokens can be cached and shared.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

ENV_KEY = "keel_wiki"
CALLOUT_KINDS = ("note", "tip", "important", "warning", "caution")
# Ids the page around the article already uses (shell and wiki page chrome): a heading called
# "Main" must not steal the skip link's target, so its anchor becomes "main-1".
RESERVED_IDS = frozenset(
    {
        "main", "sidebar", "content", "toc", "search", "top", "user-menu", "workspace-menu",
        "unread-count", "shortcuts-dialog", "shortcuts-title", "backlinks", "history",
        "attachments", "comments", "editor", "preview",
    }
)  # fmt: skip
TOC_MAX_LEVEL = 3
MAX_TITLE = 200
MAX_MENTION = 64

_WIKILINK_RE = re.compile(
    rf"\[\[([^\[\]\n|]{{1,{MAX_TITLE}}})(?:\|([^\[\]\n]{{1,{MAX_TITLE}}}))?\]\]"
)
_MENTION_BRACKET_RE = re.compile(rf"@\[([^\[\]\n]{{1,{MAX_MENTION}}})\]")
_MENTION_WORD_RE = re.compile(rf"@(\w[\w.\-]{{0,{MAX_MENTION - 1}}})")
_WORD_CHAR_RE = re.compile(r"\w")
_CALLOUT_RE = re.compile(rf"\[!({'|'.join(CALLOUT_KINDS)})\][ \t]*([^\n]*)(?:\n|$)", re.I)
_TASK_RE = re.compile(r"\[([ xX])\][ \t]+")
_ALIGN_RE = re.compile(r"text-align:\s*(left|center|right)")
_SLUG_DROP_RE = re.compile(r"[^\w\s-]")
_SPACE_RE = re.compile(r"\s+")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str


@dataclass
class DocState:
    """What a parsed page refers to, in source order, without duplicates."""

    headings: list[Heading] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    mentions: list[tuple[str, bool]] = field(default_factory=list)  # (name, written as @[…])
    images: list[str] = field(default_factory=list)


def collapse_spaces(value: str) -> str:
    return " ".join(value.split())


def is_local_path(url: str) -> bool:
    """A path on this host: "/x", never "//host", "/\\host" or anything a browser rewrites.

    Browsers drop tabs and newlines inside URLs and read "\\" as "/", so "/\\t/evil.example"
    would leave the host; any control character, space or backslash rejects the URL.
    """
    if not url.startswith("/") or url.startswith("//"):
        return False
    return not any(ch <= " " or ch == "\\" or ch == "\x7f" for ch in url)


def slugify(text: str) -> str:
    """Anchor for a heading: lower-case words joined by "-", CJK kept as it is ("退款流程")."""
    slug = _SLUG_DROP_RE.sub("", unicodedata.normalize("NFKC", text).lower())
    return _SPACE_RE.sub("-", slug).strip("-")[:80].rstrip("-")


def inline_text(children: list[Token] | None, *, softbreak: str = " ") -> str:
    """The words of an inline token as a reader sees them (link text, code, @names, alt)."""
    parts: list[str] = []
    for child in children or ():
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind == "softbreak":
            parts.append(softbreak)
        elif kind == "hardbreak":
            parts.append("\n")
        elif kind == "wikilink":
            parts.append(child.meta["label"])
        elif kind == "mention":
            parts.append("@" + child.meta["name"])
        elif kind == "image":
            parts.append(inline_text(child.children, softbreak=softbreak))
    return "".join(parts)


# --- inline rules -------------------------------------------------------------------------


def _wikilink(state: StateInline, silent: bool) -> bool:
    """[[Page title]] or [[Page title|shown text]]; not inside another link."""
    pos = state.pos
    if state.linkLevel > 0 or not state.src.startswith("[[", pos):
        return False
    match = _WIKILINK_RE.match(state.src, pos)
    if match is None or match.end() > state.posMax:
        return False
    target = collapse_spaces(match.group(1))
    if not target:
        return False
    if not silent:
        token = state.push("wikilink", "", 0)
        token.meta = {"target": target, "label": collapse_spaces(match.group(2) or "") or target}
    state.pos = match.end()
    return True


def _mention(state: StateInline, silent: bool) -> bool:
    """@[Full Name] or @word (a Latin or CJK run); "ann@example.com" is not a mention."""
    src, pos = state.src, state.pos
    if src[pos] != "@" or state.linkLevel > 0:
        return False
    if pos > 0 and _WORD_CHAR_RE.match(src[pos - 1]):
        return False
    bracket = _MENTION_BRACKET_RE.match(src, pos)
    if bracket is not None:
        name, end, is_bracket = collapse_spaces(bracket.group(1)), bracket.end(), True
    else:
        word = _MENTION_WORD_RE.match(src, pos)
        if word is None:
            return False
        name = word.group(1).rstrip(".-")  # "ask @ann." ends the sentence, not the name
        end, is_bracket = pos + 1 + len(name), False
    if not name or end > state.posMax:
        return False
    if not silent:
        token = state.push("mention", "", 0)
        token.meta = {"name": name, "bracket": is_bracket}
    state.pos = end
    return True


# --- core rules ---------------------------------------------------------------------------


def _matching_close(tokens: list[Token], start: int, kind: str) -> int:
    level = tokens[start].level
    for index in range(start + 1, len(tokens)):
        if tokens[index].type == kind and tokens[index].level == level:
            return index
    return len(tokens) - 1


def _callouts(state: StateCore) -> None:
    """> [!NOTE] (GitHub alerts) become <aside> with a title token; runs before inline."""
    tokens = state.tokens
    index = 0
    while index < len(tokens) - 2:
        opening = tokens[index]
        index += 1
        if opening.type != "blockquote_open" or tokens[index].type != "paragraph_open":
            continue
        first = tokens[index + 1]
        match = _CALLOUT_RE.match(first.content) if first.type == "inline" else None
        if match is None:
            continue
        kind = match.group(1).lower()
        closing = tokens[_matching_close(tokens, index - 1, "blockquote_close")]
        for token in (opening, closing):
            token.tag = "aside"
            token.meta = {"callout": kind}
        opening.attrs = {"class": f"callout callout-{kind}", "role": "note"}
        title = Token("callout_title", "p", 0, level=opening.level + 1, block=True)
        title.meta = {"kind": kind, "title": collapse_spaces(match.group(2))[:MAX_TITLE]}
        tokens.insert(index, title)
        rest = first.content[match.end() :]
        if rest.strip():
            first.content = rest
        else:  # the marker was the whole paragraph
            del tokens[index + 1 : index + 4]


def _task_item(tokens: list[Token], index: int, parent: Token | None) -> None:
    """- [ ] / - [x] with text after it: a disabled checkbox labelled by the item's text."""
    if tokens[index + 1].type != "paragraph_open" or tokens[index + 2].type != "inline":
        return
    children = tokens[index + 2].children or []
    first = children[0] if children else None
    match = _TASK_RE.match(first.content) if first is not None and first.type == "text" else None
    if first is None or match is None:
        return
    if len(children) == 1 and not first.content[match.end() :].strip():
        return  # "- [ ] " alone: nothing to label the box with, leave it as written
    first.content = first.content[match.end() :]
    checked = " checked" if match.group(1) != " " else ""
    opening = Token("html_inline", "", 0, meta={"task": True})
    opening.content = f'<label class="task-list-label"><input type="checkbox" disabled{checked}> '
    closing = Token("html_inline", "", 0, meta={"task": True}, content="</label>")
    children.insert(0, opening)
    children.append(closing)
    tokens[index].attrSet("class", "task-list-item")
    if parent is not None:
        parent.attrSet("class", "contains-task-list")


def _collect(state: StateCore) -> None:
    """After inline parsing: heading ids and the TOC, tasks, table alignment, references."""
    doc = DocState()
    used: set[str] = set(RESERVED_IDS)
    next_suffix: dict[str, int] = {}  # a page of 3000 "## Notes" must not take 3000² steps
    lists: list[Token] = []
    links: set[str] = set()
    mentions: set[tuple[str, bool]] = set()
    images: set[str] = set()
    tokens = state.tokens
    ordinal = 0
    for index, token in enumerate(tokens):
        kind = token.type
        if kind == "heading_open":
            ordinal += 1
            text = collapse_spaces(inline_text(tokens[index + 1].children))
            base = slugify(text) or f"h-{ordinal}"
            anchor, suffix = base, next_suffix.get(base, 0)
            while anchor in used:
                suffix += 1
                anchor = f"{base}-{suffix}"
            next_suffix[base] = suffix
            used.add(anchor)
            token.attrSet("id", anchor)
            level = int(token.tag[1])
            if level <= TOC_MAX_LEVEL:
                doc.headings.append(Heading(level=level, text=text, anchor=anchor))
        elif kind in ("th_open", "td_open"):
            # CSP forbids inline styles: alignment travels as a class.
            align = _ALIGN_RE.search(str(token.attrs.pop("style", "")))
            if align:
                token.attrSet("class", f"align-{align.group(1)}")
        elif kind in ("bullet_list_open", "ordered_list_open"):
            lists.append(token)
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open" and index + 2 < len(tokens):
            _task_item(tokens, index, lists[-1] if lists else None)
        elif kind == "inline":
            for child in token.children or ():
                if child.type == "wikilink" and child.meta["target"] not in links:
                    links.add(child.meta["target"])
                    doc.links.append(child.meta["target"])
                elif child.type == "mention":
                    key = (child.meta["name"], child.meta["bracket"])
                    if key not in mentions:
                        mentions.add(key)
                        doc.mentions.append(key)
                elif child.type == "image":
                    src = str(child.attrGet("src") or "")
                    if is_local_path(src) and src not in images:
                        images.add(src)
                        doc.images.append(src)
    state.env[ENV_KEY] = doc


def wiki_plugin(md: MarkdownIt) -> None:
    md.inline.ruler.before("link", "wikilink", _wikilink)
    md.inline.ruler.before("link", "mention", _mention)
    md.core.ruler.before("inline", "callouts", _callouts)
    md.core.ruler.push("wiki_collect", _collect)
