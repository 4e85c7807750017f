"""Text handling for wiki imports: decoding files, front matter, HTML → Markdown, titles.

Pure functions (no database): `keel.wiki.services.io` reads the zip and calls these.
Decisions, measured (docs in the import view's module docstring):
- Encodings: a fixed chain — BOM (UTF-8, UTF-16), strict UTF-8, UTF-16 without BOM when
  NUL bytes say so, strict GB18030 (a superset of GBK and GB2312) — and otherwise a per-file
  error. charset-normalizer 3.5 guessed 2 of 5 GB18030 test texts wrong (an 18-byte title as
  UTF-16-BE, a mixed English/Chinese page as cp949), so it is not used.
- HTML is sanitized by nh3 first (an allowlist: no script, style, iframe, event handler or
  `javascript:` URL survives), then converted by markdownify (MIT; html2text is GPL-3.0 and
  left `*literal stars*` unescaped, which Markdown then reads as emphasis). markdownify with
  `escape_misc` escapes `#`, `1.`, `|`, `<` in text so text stays text.
"""

from __future__ import annotations

import codecs
import html as html_lib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass

import nh3

# Notion appends a 32-hex id to every page's file and folder name: "Refunds 3f2a…".
_NOTION_ID = re.compile(r"\s+[0-9a-fA-F]{32}$")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.S | re.I)
_H1_TAG = re.compile(r"<h1[^>]*>(.*?)</h1\s*>", re.S | re.I)
_BODY_TAG = re.compile(r"<body[^>]*>(.*)</body\s*>", re.S | re.I)
_TAGS = re.compile(r"<[^>]*>")
_FENCE = re.compile(r"^(?:```|~~~).*?^(?:```|~~~)[ \t]*$", re.M | re.S)

HTML_TAGS = {
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "a", "b", "strong", "i", "em", "u",
    "s", "del", "code", "pre", "kbd", "blockquote", "ul", "ol", "li", "dl", "dt", "dd",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "img", "sub", "sup",
    "div", "span", "section", "article", "main", "header", "footer", "figure", "figcaption",
}  # fmt: skip
HTML_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}}
# Only links that cannot run anything; relative links (no scheme) are always kept.
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Removed with everything inside them (nh3 would otherwise keep their text).
DROP_WITH_CONTENT = {"script", "style", "title", "noscript", "template", "textarea", "select",
                     "iframe", "object", "embed", "svg", "math", "button", "nav"}  # fmt: skip


class UndecodableText(ValueError):
    """The bytes are in none of the encodings the import reads."""


def decode_text(raw: bytes) -> str:
    """The text of a Markdown or HTML file; raises UndecodableText."""
    if raw.startswith(codecs.BOM_UTF8):
        return _strict(raw[len(codecs.BOM_UTF8) :], "utf-8")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(raw, "utf-16")
    if b"\x00" in raw:
        # Text has no NUL byte, except UTF-16 without a BOM: take the byte order whose text
        # is all printable, else it is binary.
        if len(raw) % 2 == 0:
            for encoding in ("utf-16-le", "utf-16-be"):
                try:
                    text = raw.decode(encoding)
                except UnicodeDecodeError:
                    continue
                if all(ch.isprintable() or ch in "\n\r\t" for ch in text):
                    return text
        raise UndecodableText("binary")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return _strict(raw, "gb18030")


def _strict(raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UndecodableText(encoding) from exc


def title_from_name(name: str) -> str:
    """A file or folder name as a page title: no extension, no Notion id, tidy spaces."""
    stem = name.rsplit("/", 1)[-1]
    if "." in stem:
        base, ext = stem.rsplit(".", 1)
        if ext.lower() in {"md", "markdown", "html", "htm"}:
            stem = base
    stem = _NOTION_ID.sub("", stem)
    return " ".join(stem.split())


@dataclass
class FrontMatter:
    title: str
    body: str
    order: int | None = None  # Keel's export keeps the order of pages among their siblings


def split_front_matter(text: str) -> FrontMatter:
    """`title:` from a YAML front matter block (only that key is read; no YAML library, so
    nothing in the file can construct objects), and the text after the block."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return FrontMatter(title="", body=text)
    title, order = "", None
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if sep and key == "title":
            title = _yaml_scalar(value.strip())
        elif sep and key == "order" and value.strip().isdigit():
            order = int(value.strip()[:9])
    return FrontMatter(title=" ".join(title.split()), body=text[match.end() :].lstrip("\n"),
                       order=order)  # fmt: skip


def _yaml_scalar(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] == '"':
        try:
            result = json.loads(value)
        except ValueError:
            return value[1:-1]
        return result if isinstance(result, str) else value[1:-1]
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    return value


def front_matter(title: str, order: int) -> str:
    """The block the export writes: the title as a JSON string, which YAML reads too."""
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\norder: {order}\n---\n\n"


def drop_leading_title(body: str, title: str) -> str:
    """Notion and Google Sites repeat the page title as the first heading; the wiki shows
    the title above the text already."""
    stripped = body.lstrip("\n")
    first, _sep, rest = stripped.partition("\n")
    if first.startswith("# ") and " ".join(first[2:].split()) == title:
        return rest.lstrip("\n")
    return body


@dataclass
class HtmlPage:
    title: str
    markdown: str


def _text(fragment: str) -> str:
    return " ".join(html_lib.unescape(_TAGS.sub(" ", fragment)).split())


def html_to_markdown(text: str) -> HtmlPage:
    """Sanitize an HTML page, then convert its body to Markdown. The title is the page's
    <title>, else its first <h1>, or the <h1> when the <title> only adds the site's name to
    it (plain text either way)."""
    title = ""
    match = _TITLE_TAG.search(text)
    if match:
        title = _text(match.group(1))
    heading = _H1_TAG.search(text)
    h1 = _text(heading.group(1)) if heading else ""
    # "Refunds - Acme Wiki" in <title> and "Refunds" in <h1>: the page's own name is the h1.
    if h1 and (not title or (h1 in title and h1 != title)):
        title = h1
    body = _BODY_TAG.search(text)
    clean = nh3.clean(
        body.group(1) if body else text,
        tags=HTML_TAGS,
        clean_content_tags=DROP_WITH_CONTENT,
        attributes={tag: set(attrs) for tag, attrs in HTML_ATTRIBUTES.items()},
        url_schemes=URL_SCHEMES,
        strip_comments=True,
        link_rel=None,
    )
    from markdownify import markdownify

    markdown = markdownify(
        clean, heading_style="ATX", bullets="-", escape_misc=True, strip=["div", "span"]
    )
    markdown = re.sub(r"\n{3,}", "\n\n", markdown).strip() + "\n"
    return HtmlPage(title=title[:200], markdown=drop_leading_title(markdown, title))


def outside_code(text: str, change: Callable[[str], str]) -> str:
    """Apply `change` to the text between fenced code blocks only: a link written inside
    code is an example, not a link."""
    out, last = [], 0
    for block in _FENCE.finditer(text):
        out.append(change(text[last : block.start()]))
        out.append(block.group(0))
        last = block.end()
    out.append(change(text[last:]))
    return "".join(out)
