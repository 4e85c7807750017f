"""Markdown for descriptions, comments and status updates: CommonMark (+ tables), then nh3.

The HTML is sanitized after rendering, so raw HTML in the source cannot add scripts, styles,
event handlers or remote images. Links get rel="noopener noreferrer"; images may only point
inside Keel (a path such as /demo/tasks/attachments/3/), never at another host.
"""

from __future__ import annotations

from functools import cache

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = frozenset(
    {
        "p", "br", "strong", "em", "code", "pre", "ul", "ol", "li", "blockquote", "a",
        "h1", "h2", "h3", "h4", "hr", "img", "del", "s",
        "table", "thead", "tbody", "tr", "th", "td",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "th": {"align"},
    "td": {"align"},
    "ol": {"start"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})


@cache
def _parser() -> MarkdownIt:
    # html=True lets CommonMark pass raw HTML through so nh3 can keep the safe part of it.
    return MarkdownIt("commonmark", {"html": True, "linkify": False}).enable(
        ["table", "strikethrough"]
    )


def _local_path(url: str) -> bool:
    """A path on this host. Browsers drop tabs and newlines inside URLs and read "\\" as "/",
    so "/<tab>/evil.example" would leave the host: control characters, spaces and
    backslashes reject the URL."""
    if not url.startswith("/") or url.startswith("//"):
        return False
    return not any(ch <= " " or ch == "\\" or ch == "\x7f" for ch in url)


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    # Images only from paths inside Keel: no tracking pixels or pictures from other hosts.
    if tag == "img" and attribute == "src" and not _local_path(value):
        return None
    return value


def sanitize_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer",
        attribute_filter=_filter_attribute,
        strip_comments=True,
    )


def render_markdown(text: str) -> str:
    """Markdown source → safe HTML (empty string for empty text)."""
    if not text or not text.strip():
        return ""
    return sanitize_html(_parser().render(text)).strip()
