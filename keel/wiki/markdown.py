"""The wiki's Markdown: CommonMark, tables, task lists, code, callouts, [[links]], @mentions.

render() returns sanitized HTML plus what the page refers to (TOC, link targets, mentions,
images) so the caller can store backlinks and notify; plain_text() feeds the search index.
HTML is cleaned by nh3 after rendering with an explicit allowlist, so neither raw HTML in the
source nor anything a resolver returns can add scripts, handlers, styles or remote images.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import nh3
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml, unescapeAll
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import OptionsDict
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexer import Lexer
from pygments.lexers import get_lexer_by_name
from pygments.token import STANDARD_TYPES
from pygments.util import ClassNotFound

from keel.wiki.markdown_plugins import (
    CALLOUT_KINDS,
    ENV_KEY,
    RESERVED_IDS,
    DocState,
    Heading,
    inline_text,
    is_local_path,
    wiki_plugin,
)

__all__ = ["Heading", "Rendered", "link_targets", "mention_names", "plain_text", "render"]

CALLOUT_TITLES = {
    "note": pgettext_lazy("callout", "Note"),
    "tip": pgettext_lazy("callout", "Tip"),
    "important": pgettext_lazy("callout", "Important"),
    "warning": pgettext_lazy("callout", "Warning"),
    "caution": pgettext_lazy("callout", "Caution"),
}
MISSING_PAGE = _("No page with this title yet")
MAX_HIGHLIGHT = 50_000  # characters per code block; longer blocks are shown plain
_LANGUAGE_RE = re.compile(r"[\w+#.-]{1,40}")

ALLOWED_TAGS = frozenset(
    {
        "p", "br", "strong", "em", "b", "i", "code", "pre", "ul", "ol", "li", "blockquote",
        "a", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "img", "del", "s", "ins", "sub", "sup",
        "kbd", "mark", "abbr", "details", "summary", "dl", "dt", "dd",
        "table", "thead", "tbody", "tr", "th", "td",
        "span", "aside", "label", "input",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "ol": {"start"},
    "abbr": {"title"},
    "span": {"title"},
    "details": {"open"},
    "input": {"checked"},
    "th": {"colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    **{f"h{level}": {"id"} for level in range(1, 7)},
}
_ALIGN_CLASSES = {"align-left", "align-center", "align-right"}
ALLOWED_CLASSES = {
    # Pygments token classes ("k", "nf", "s2", …) only ever matter inside code; harmless elsewhere.
    "span": {name for name in STANDARD_TYPES.values() if name} | {"wikilink", "wikilink-missing"},
    "a": {"wikilink", "mention"},
    "code": {"highlight"},
    "aside": {"callout", *(f"callout-{kind}" for kind in CALLOUT_KINDS)},
    "p": {"callout-title"},
    "ul": {"contains-task-list"},
    "ol": {"contains-task-list"},
    "li": {"task-list-item"},
    "label": {"task-list-label"},
    "th": _ALIGN_CLASSES,
    "td": _ALIGN_CLASSES,
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})


@dataclass(frozen=True)
class Rendered:
    html: str  # sanitized: safe to mark_safe
    toc: list[Heading]  # h1–h3 in order, anchors unique in the document
    links: list[str]  # [[targets]] as written (whitespace collapsed), in order, no duplicates
    mentions: list[str]  # @names as written (or the part that resolved), no duplicates
    images: list[str]  # same-host image paths the page shows


# --- parsing ------------------------------------------------------------------------------


@cache
def _parser() -> MarkdownIt:
    # html=True: raw HTML reaches nh3, which keeps only the allowlisted part (as in tasks).
    md = MarkdownIt("commonmark", {"html": True, "linkify": False})
    md.enable(["table", "strikethrough"]).use(wiki_plugin)
    for name, rule in _RENDER_RULES.items():
        md.add_render_rule(name, rule)
    return md


@lru_cache(maxsize=128)
def _parse(text: str) -> tuple[list[Token], DocState]:
    """Tokens for a source text, cached: parsing is most of the cost of a render.

    The tokens are shared between calls and threads, so the render rules must never mutate them.
    """
    env: dict[str, Any] = {}
    tokens = _parser().parse(text, env)
    return tokens, env[ENV_KEY]


# --- rendering rules (self is the RendererHTML) -------------------------------------------


@cache
def _formatter() -> HtmlFormatter[str]:
    return HtmlFormatter(nowrap=True)  # CSS classes, no inline styles, no wrapping div


@lru_cache(maxsize=256)
def _lexer(language: str) -> Lexer | None:
    try:
        return get_lexer_by_name(language, stripnl=False, ensurenl=True)
    except ClassNotFound:
        return None


def _fence(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any
) -> str:
    token = tokens[idx]
    info = unescapeAll(token.info).strip()
    language = info.split(maxsplit=1)[0].lower() if info else ""
    code = token.content
    body = None
    if _LANGUAGE_RE.fullmatch(language) and len(code) <= MAX_HIGHLIGHT:
        body = (_highlight_cached if len(code) <= 4_000 else _highlight)(language, code)
    if body is None:
        return f"<pre><code>{escapeHtml(code)}</code></pre>\n"
    return f'<pre><code class="highlight">{body}</code></pre>\n'


def _highlight(language: str, code: str) -> str | None:
    lexer = _lexer(language)
    return None if lexer is None else highlight(code, lexer, _formatter())


# Highlighting is the slowest step of a render; the live preview re-renders a page on every
# pause in typing while its code blocks rarely change, so short blocks are cached.
_highlight_cached = lru_cache(maxsize=256)(_highlight)


def _image(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any
) -> str:
    token = tokens[idx]
    alt = self.renderInlineAsText(token.children or [], options, env)
    if not is_local_path(str(token.attrGet("src") or "")):
        return escapeHtml(alt)  # pictures from other hosts are dropped, their words stay
    attrs = "".join(
        f' {name}="{escapeHtml(str(value))}"'
        for name, value in token.attrs.items()
        if name != "alt"
    )
    return f'<img{attrs} alt="{escapeHtml(alt)}">'


def _wikilink(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any
) -> str:
    meta = tokens[idx].meta
    label = escapeHtml(meta["label"])
    url = env["links"].get(meta["target"])
    if url:
        return f'<a class="wikilink" href="{escapeHtml(url)}">{label}</a>'
    title = env["missing_title"]
    return f'<span class="wikilink wikilink-missing" title="{title}">{label}</span>'


def _mention(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any
) -> str:
    meta = tokens[idx].meta
    name = meta["name"]
    shown, url = env["mentions"].get((name, meta["bracket"]), (name, None))
    if not url:
        return escapeHtml("@" + name)
    rest = escapeHtml(name[len(shown) :])
    return f'<a class="mention" href="{escapeHtml(url)}">@{escapeHtml(shown)}</a>{rest}'


def _callout_title(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any
) -> str:
    meta = tokens[idx].meta
    title = meta["title"] or str(CALLOUT_TITLES[meta["kind"]])
    return f'<p class="callout-title">{escapeHtml(title)}</p>\n'


_RENDER_RULES: dict[str, Callable[..., str]] = {
    "fence": _fence,
    "image": _image,
    "wikilink": _wikilink,
    "mention": _mention,
    "callout_title": _callout_title,
}


# --- sanitizing ---------------------------------------------------------------------------


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    # Images only from paths inside Keel: no tracking pixels or pictures from other hosts.
    if tag == "img" and attribute == "src" and not is_local_path(value):
        return None
    # Generated anchors never use these; raw HTML must not take the shell's ids either.
    if attribute == "id" and value in RESERVED_IDS:
        return None
    return value


@cache
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        allowed_classes={tag: set(classes) for tag, classes in ALLOWED_CLASSES.items()},
        tag_attribute_values={"aside": {"role": {"note"}}},
        # Whatever the source says, an input is a disabled checkbox.
        set_tag_attribute_values={"input": {"type": "checkbox", "disabled": ""}},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer",
        attribute_filter=_filter_attribute,
        strip_comments=True,
    )


# --- public API ---------------------------------------------------------------------------


def _resolve_mention(
    name: str, bracket: bool, resolve: Callable[[str], str | None]
) -> tuple[str, str | None]:
    """(the name that resolved, its URL); Chinese is written without spaces ("@王芳请看"),
    so an unknown CJK run also tries its first 4, 3 and 2 characters."""
    url = resolve(name)
    if url or bracket or len(name) <= 2 or not _is_cjk(name[0]):
        return name, url
    for size in (4, 3, 2):
        if size < len(name) and _is_cjk(name[size - 1]):
            url = resolve(name[:size])
            if url:
                return name[:size], url
    return name, None


def _is_cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" or char >= "\U00020000"


@lru_cache(maxsize=128)
def _render_html(
    text: str,
    links: tuple[tuple[str, str | None], ...],
    mentions: tuple[tuple[tuple[str, bool], tuple[str, str | None]], ...],
    language: str | None,
) -> str:
    md = _parser()
    tokens, _doc = _parse(text)
    env = {
        "links": dict(links),
        "mentions": dict(mentions),
        "missing_title": escapeHtml(str(MISSING_PAGE)),
    }
    return _cleaner().clean(md.renderer.render(tokens, md.options, env)).strip()


def render(
    text: str,
    *,
    resolve_link: Callable[[str], str | None] = lambda title: None,
    resolve_mention: Callable[[str], str | None] = lambda name: None,
) -> Rendered:
    """Markdown → sanitized HTML and what it refers to.

    Each distinct link target and mention is resolved once. The HTML is cached by source,
    resolutions and language (callout titles are translated), so re-rendering an unchanged
    page costs the resolver calls only.
    """
    if not text or not text.strip():
        return Rendered(html="", toc=[], links=[], mentions=[], images=[])
    _tokens, doc = _parse(text)
    links = tuple((target, resolve_link(target)) for target in doc.links)
    mentions = tuple(
        (key, _resolve_mention(key[0], key[1], resolve_mention)) for key in doc.mentions
    )
    shown: list[str] = []
    for _key, (name, _url) in mentions:
        if name not in shown:
            shown.append(name)
    return Rendered(
        html=_render_html(text, links, mentions, get_language()),
        toc=list(doc.headings),
        links=list(doc.links),
        mentions=shown,
        images=list(doc.images),
    )


def link_targets(text: str) -> list[str]:
    """The [[targets]] of a text as render() reports them, without rendering.

    For resolving all titles in one query before render(); the parse is cached, so the
    render that follows does not parse again. Code spans and blocks are not links.
    """
    return list(_parse(text)[1].links) if text and text.strip() else []


def mention_names(text: str) -> list[str]:
    """The @names of a text as written (before any resolving), in order, no duplicates."""
    if not text or not text.strip():
        return []
    names: list[str] = []
    for name, _bracket in _parse(text)[1].mentions:
        if name not in names:
            names.append(name)
    return names


_BLOCK_ENDS = {
    "paragraph_close", "heading_close", "list_item_close", "blockquote_close", "tr_close",
    "table_close", "dt_close", "dd_close",
}  # fmt: skip


def _strip_html(fragment: str) -> str:
    return html_lib.unescape(nh3.clean(fragment, tags=set()))


def plain_text(text: str) -> str:
    """Markdown → plain text for the search index and snippets.

    Markup goes, words stay: link and wiki-link text, code, image descriptions, @names.
    Callout titles and task boxes are chrome, not content, and are left out.
    """
    if not text or not text.strip():
        return ""
    tokens, _doc = _parse(text)
    parts: list[str] = []
    for token in tokens:
        kind = token.type
        if kind == "inline":
            parts.append(inline_text(token.children, softbreak="\n"))
        elif kind in ("fence", "code_block"):
            parts.append(token.content + "\n")
        elif kind == "html_block":
            parts.append(_strip_html(token.content) + "\n")
        elif kind in ("th_close", "td_close"):
            parts.append(" ")
        elif kind in _BLOCK_ENDS:
            parts.append("\n")
    lines = [" ".join(line.split()) for line in "".join(parts).splitlines()]
    return "\n".join(line for line in lines if line)
