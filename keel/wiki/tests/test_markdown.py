"""The wiki's Markdown renderer: features, anchors, links, mentions, sanitizing, plain text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.utils import translation
from django.utils.functional import lazy

from keel.wiki.markdown import (
    CALLOUT_TITLES,
    Rendered,
    link_targets,
    mention_names,
    plain_text,
    render,
)
from keel.wiki.markdown_plugins import Heading, is_local_path, slugify

PAGES = {"Refund policy": "/demo/wiki/p/3/", "退款流程": "/demo/wiki/p/4/"}
PEOPLE = {"王芳": "/demo/people/7/", "ann": "/demo/people/8/", "Wang Fang": "/demo/people/9/"}


def page_url(title: str) -> str | None:
    return PAGES.get(title)


def person_url(name: str) -> str | None:
    return PEOPLE.get(name)


def html_of(text: str) -> str:
    return render(text, resolve_link=page_url, resolve_mention=person_url).html


# --- CommonMark, tables, strikethrough ----------------------------------------------------


def test_empty_source_renders_nothing():
    assert render("  \n") == Rendered(html="", toc=[], links=[], mentions=[], images=[])
    assert plain_text("") == ""


def test_commonmark_emphasis_lists_and_links():
    html = html_of("Hello **world** and *you*\n\n1. one\n2. two\n\n[docs](https://example.com/a)")
    assert "<strong>world</strong>" in html and "<em>you</em>" in html
    assert "<ol>\n<li>one</li>" in html
    assert '<a href="https://example.com/a" rel="noopener noreferrer">docs</a>' in html


def test_tables_keep_alignment_as_classes_not_styles():
    html = html_of("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |")
    assert '<th class="align-left">a</th>' in html
    assert '<td class="align-center">2</td>' in html
    assert '<td class="align-right">3</td>' in html
    assert "style=" not in html


def test_strikethrough():
    assert "<s>old</s>" in html_of("~~old~~")


# --- task lists ---------------------------------------------------------------------------


def _checkboxes(html: str) -> list[str]:
    """The inputs in a fragment as "checked"/"unchecked"; each must be a disabled checkbox.

    nh3 adds the forced attributes in no fixed order, so they are compared as a set."""
    found = []
    for attrs in re.findall(r"<input([^>]*)>", html):
        names = set(re.findall(r'(\w+)="[^"]*"', attrs))
        assert 'type="checkbox"' in attrs and "disabled" in names, attrs
        assert names <= {"type", "disabled", "checked"}, attrs
        found.append("checked" if "checked" in names else "unchecked")
    return found


def test_task_list_items_are_disabled_checkboxes_labelled_by_their_text():
    html = html_of("- [ ] call the carrier\n- [x] refund sent\n- plain item")
    assert '<ul class="contains-task-list">' in html
    assert _checkboxes(html) == ["unchecked", "checked"]
    items = re.findall(
        r'<li class="task-list-item"><label class="task-list-label"><input[^>]*>(.*?)</li>', html
    )
    assert items == [" call the carrier</label>", " refund sent</label>"]
    assert "<li>plain item</li>" in html


def test_task_marker_without_text_stays_text():
    html = html_of("- [ ]\n- [x]")
    assert "<input" not in html and "<li>[ ]</li>" in html


def test_raw_html_input_is_forced_to_a_disabled_checkbox():
    html = html_of('<input type="text" name="x" value="y" onfocus="alert(1)" autofocus>')
    assert _checkboxes(html) == ["unchecked"]
    assert "text" not in html and "onfocus" not in html


# --- code ---------------------------------------------------------------------------------


def test_fenced_code_is_highlighted_with_classes_only():
    html = html_of("```python\ndef refund(order):\n    return order.total\n```")
    assert html.startswith('<pre><code class="highlight">')
    assert '<span class="k">def</span>' in html
    assert '<span class="nf">refund</span>' in html
    assert "style" not in html


def test_unknown_language_renders_plain_escaped_code():
    html = html_of("```nosuchlang\n<b>bold?</b> & more\n```")
    assert html == "<pre><code>&lt;b&gt;bold?&lt;/b&gt; &amp; more\n</code></pre>"


def test_code_without_language_and_inline_code_are_escaped():
    html = html_of("```\n<i>x</i>\n```\n\nuse `<kbd>` here")
    assert "<pre><code>&lt;i&gt;x&lt;/i&gt;\n</code></pre>" in html
    assert "<code>&lt;kbd&gt;</code>" in html


def test_code_keeps_chinese_and_wiki_syntax_literal():
    html = html_of("```text\n[[Refund policy]] @王芳 退款\n```")
    assert "[[Refund policy]] @王芳 退款" in html
    assert "wikilink" not in html and "mention" not in html


# --- callouts -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("marker", "kind", "title"),
    [
        ("NOTE", "note", "Note"),
        ("TIP", "tip", "Tip"),
        ("WARNING", "warning", "Warning"),
        ("IMPORTANT", "important", "Important"),
        ("caution", "caution", "Caution"),
    ],
)
def test_callouts_become_asides_with_a_title(marker, kind, title):
    html = html_of(f"> [!{marker}]\n> Pack **fragile** items twice.")
    assert html == (
        f'<aside class="callout callout-{kind}" role="note">\n'
        f'<p class="callout-title">{title}</p>\n'
        "<p>Pack <strong>fragile</strong> items twice.</p>\n</aside>"
    )


def test_callout_title_is_translated_at_render_time(monkeypatch):
    # The catalogues may lag behind; a fake lazy title proves the title follows the language
    # of each render, even though parsed tokens and HTML are cached.
    def title() -> str:
        return {"zh-hans": "警告", "zh-hant": "警告！"}.get(
            translation.get_language() or "", "Warning"
        )

    monkeypatch.setitem(CALLOUT_TITLES, "warning", lazy(title, str)())
    source = "> [!WARNING]\n> 小心"
    with translation.override("zh-hans"):
        assert '<p class="callout-title">警告</p>' in html_of(source)
    with translation.override("zh-hant"):
        assert '<p class="callout-title">警告！</p>' in html_of(source)
    with translation.override("en"):
        assert '<p class="callout-title">Warning</p>' in html_of(source)


def test_callout_custom_title_and_plain_blockquote():
    html = html_of("> [!TIP] Faster refunds\n> Use the template.\n\n> just a quote")
    assert '<p class="callout-title">Faster refunds</p>\n<p>Use the template.</p>' in html
    assert "<blockquote>\n<p>just a quote</p>\n</blockquote>" in html


def test_callout_with_only_its_marker_and_nested_content():
    html = html_of("> [!NOTE]\n>\n> - one\n> - two")
    assert '<p class="callout-title">Note</p>\n<ul>' in html
    assert html.endswith("</ul>\n</aside>")


# --- headings and TOC ---------------------------------------------------------------------


def test_headings_get_unique_anchors_and_a_toc():
    rendered = render("# 退款流程\n\n## Steps\n\n## Steps\n\n### 退款流程\n\n#### Deep\n\n## Main")
    assert rendered.toc == [
        Heading(level=1, text="退款流程", anchor="退款流程"),
        Heading(level=2, text="Steps", anchor="steps"),
        Heading(level=2, text="Steps", anchor="steps-1"),
        Heading(level=3, text="退款流程", anchor="退款流程-1"),
        Heading(level=2, text="Main", anchor="main-1"),  # "main" is the shell's landmark
    ]
    assert '<h1 id="退款流程">' in rendered.html
    assert '<h3 id="退款流程-1">' in rendered.html
    assert '<h4 id="deep">Deep</h4>' in rendered.html  # deep links work, the TOC stays short
    anchors = re.findall(r'id="([^"]+)"', rendered.html)
    assert len(anchors) == len(set(anchors))


def test_many_equal_headings_and_a_heading_that_looks_like_a_suffix():
    rendered = render("## Notes\n\n## Notes-1\n\n" + "## Notes\n\n" * 300)
    anchors = [h.anchor for h in rendered.toc]
    assert anchors[:4] == ["notes", "notes-1", "notes-2", "notes-3"]
    assert anchors[-1] == "notes-301" and len(set(anchors)) == len(anchors)


def test_heading_text_keeps_words_of_links_code_and_mentions():
    rendered = render("## Ask @ann about `refund()` and [[Refund policy|the policy]]")
    assert rendered.toc[0].text == "Ask @ann about refund() and the policy"
    assert rendered.toc[0].anchor == "ask-ann-about-refund-and-the-policy"


def test_heading_of_symbols_only_falls_back_to_its_position():
    rendered = render("## 🚚\n\n## !!!\n\n## 退款（新）")
    assert [h.anchor for h in rendered.toc] == ["h-1", "h-2", "退款新"]


def test_slugify_normalizes_width_and_case():
    assert slugify("ＡＢＣ Refund  Policy") == "abc-refund-policy"
    assert slugify("库存 / 發票") == "库存-發票"


def test_raw_html_cannot_take_the_pages_own_ids():
    html = html_of('<p id="intro">x</p><h2 id="main">y</h2><h2 id="faq">z</h2>')
    assert html == '<p>x</p><h2>y</h2><h2 id="faq">z</h2>'


# --- wiki links ---------------------------------------------------------------------------


def test_wiki_links_resolve_with_and_without_alias():
    rendered = render(
        "See [[Refund policy]], [[ 退款流程 |the Chinese page]] and [[Refund policy]] again.",
        resolve_link=page_url,
    )
    assert (
        '<a class="wikilink" href="/demo/wiki/p/3/" rel="noopener noreferrer">Refund policy</a>'
        in rendered.html
    )
    assert (
        '<a class="wikilink" href="/demo/wiki/p/4/" rel="noopener noreferrer">the Chinese page</a>'
        in rendered.html
    )
    assert rendered.links == ["Refund policy", "退款流程"]


def test_missing_wiki_link_is_a_marked_span():
    rendered = render("[[No such page|shown]]", resolve_link=page_url)
    assert rendered.html == (
        '<p><span class="wikilink wikilink-missing" title="No page with this title yet">'
        "shown</span></p>"
    )
    assert rendered.links == ["No such page"]


def test_each_link_target_is_resolved_once():
    calls: list[str] = []

    def resolver(title: str) -> str | None:
        calls.append(title)
        return None

    render("[[A]] [[A]] [[B|b]] [[A|a]]", resolve_link=resolver)
    assert calls == ["A", "B"]


def test_escaped_brackets_and_code_are_not_wiki_links():
    rendered = render("\\[\\[Refund policy]] and `[[Refund policy]]`", resolve_link=page_url)
    assert rendered.links == [] and "wikilink" not in rendered.html


def test_link_targets_and_mention_names_without_rendering():
    text = "[[A]] `[[Not a link]]` [[ B  c |x]] [[A]] @ann @[Wang Fang] @ann\n\n```\n@x [[C]]\n```"
    assert link_targets(text) == ["A", "B c"]
    assert mention_names(text) == ["ann", "Wang Fang"]
    assert link_targets("") == [] and mention_names(" ") == []


# --- mentions -----------------------------------------------------------------------------


def test_mentions_latin_chinese_and_bracketed():
    rendered = render("Ask @ann, @王芳 and @[Wang Fang]; not @nobody.", resolve_mention=person_url)
    html = rendered.html
    assert '<a class="mention" href="/demo/people/8/" rel="noopener noreferrer">@ann</a>,' in html
    assert '<a class="mention" href="/demo/people/7/" rel="noopener noreferrer">@王芳</a>' in html
    assert (
        '<a class="mention" href="/demo/people/9/" rel="noopener noreferrer">@Wang Fang</a>' in html
    )
    assert "not @nobody." in html
    assert rendered.mentions == ["ann", "王芳", "Wang Fang", "nobody"]


def test_chinese_mention_followed_by_text_without_space_finds_the_name():
    rendered = render("@王芳请确认库存", resolve_mention=person_url)
    assert (
        '<a class="mention" href="/demo/people/7/" rel="noopener noreferrer">@王芳</a>请确认库存'
        in (rendered.html)
    )
    assert rendered.mentions == ["王芳"]


def test_email_addresses_and_link_text_are_not_mentions():
    rendered = render("Mail ann@example.com or [ask @ann](/x/)", resolve_mention=person_url)
    assert rendered.mentions == []
    assert "mention" not in rendered.html


# --- images -------------------------------------------------------------------------------


def test_only_same_host_images_survive():
    rendered = render(
        "![box](/demo/wiki/files/1/) ![pixel](https://tracker.example/p.gif) "
        "![proto](//evil.example/x.png) ![data](data:image/png;base64,AAAA) "
        '<img src="/demo/wiki/files/2/" alt="raw"> <img src="https://evil.example/y.png">'
    )
    html = rendered.html
    assert '<img src="/demo/wiki/files/1/" alt="box">' in html
    assert '<img src="/demo/wiki/files/2/" alt="raw">' in html
    assert "evil.example" not in html and "tracker" not in html and "data:" not in html
    assert "pixel" in html  # the description stays as text
    assert rendered.images == ["/demo/wiki/files/1/"]


@pytest.mark.parametrize(
    ("url", "local"),
    [
        ("/a/b.png", True),
        ("//evil.example/x", False),
        ("/\\evil.example/x", False),
        ("/\t/evil.example/x", False),
        ("/\n/evil.example/x", False),
        ("https://evil.example/x", False),
        ("a/b.png", False),
        ("", False),
    ],
)
def test_is_local_path(url, local):
    assert is_local_path(url) is local


# --- sanitizing ---------------------------------------------------------------------------

XSS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<img src=x onerror="alert(1)">',
    '<img src="/ok.png" onload=alert(1)>',
    "<svg onload=alert(1)><circle r=1></svg>",
    "<svg><script>alert(1)</script></svg>",
    "<style>body{background:url(javascript:alert(1))}</style>",
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "[x](javascript:alert(1))",
    "[x](JAVASCRIPT:alert(1))",
    "[x](javascript&#58;alert(1))",
    "[x](data:text/html,<script>alert(1)</script>)",
    "[x](vbscript:msgbox(1))",
    "![x](javascript:alert(1))",
    "![x](data:image/svg+xml,<svg onload=alert(1)>)",
    '![x](/ok.png "title\\" onerror=\\"alert(1)")',
    "[[javascript:alert(1)]]",
    "[[<script>alert(1)</script>]]",
    "[[Refund policy|<img src=x onerror=alert(1)>]]",
    '[[x" onmouseover="alert(1)|y]]',
    "@[<script>alert(1)</script>]",
    '@[x" onclick="alert(1)]',
    "@<svg/onload=alert(1)>",
    '```"><script>alert(1)</script>\ncode\n```',
    '```python" onclick="alert(1)\ncode\n```',
    "> [!NOTE] <script>alert(1)</script>\n> body",
    "> [!WARNING] <img src=x onerror=alert(1)>\n> body",
    "- [ ] <script>alert(1)</script>",
    '- [x] <a href="javascript:alert(1)">x</a>',
    "# <script>alert(1)</script>",
    "<details open ontoggle=alert(1)><summary>x</summary></details>",
    '<form action="javascript:alert(1)"><button>x</button></form>',
    '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph>"
    "</table></mtext></math>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    '<base href="javascript:alert(1)//">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<link rel="stylesheet" href="javascript:alert(1)">',
    "<!--<script>alert(1)</script>-->",
    '<a href="/ok" target="_blank" formaction="javascript:alert(1)" onclick="alert(1)">x</a>',
    '<span class="wikilink" onmouseover="alert(1)" style="position:fixed">x</span>',
    '<aside role="alert" class="callout evil" onclick="alert(1)">x</aside>',
]


def _resolve_evil(value: str) -> str | None:
    # A careless resolver must not be a way in either.
    return "javascript:alert(1)" if "javascript" in value or "x" in value else None


class _Tags(HTMLParser):
    """The live markup of a fragment: every tag with its attributes; text nodes are inert."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def _live_markup(html: str) -> tuple[str, list[str]]:
    """("<tag name name>…" for every tag, [every attribute value, whitespace removed])."""
    parser = _Tags()
    parser.feed(html)
    parser.close()
    tags = "".join(
        f"<{tag}" + "".join(f" {name}=" for name, _value in attrs) + ">"
        for tag, attrs in parser.tags
    )
    values = [
        "".join((value or "").split()).lower() for _tag, attrs in parser.tags for _n, value in attrs
    ]
    return tags.lower(), values


@pytest.mark.parametrize("payload", XSS)
def test_no_payload_can_run_script(payload):
    for resolver in (page_url, _resolve_evil):
        html = render(payload, resolve_link=resolver, resolve_mention=resolver).html
        assert "<script" not in html.lower()  # escaped text reads "&lt;script", which is inert
        tags, values = _live_markup(html)  # entities decoded, as the browser sees them
        assert "<script" not in tags
        assert not re.search(r"\bon\w+\s*=", tags), tags
        assert "style=" not in tags
        for tag in ("<iframe", "<svg", "<style", "<object", "<embed", "<form", "<base", "<meta"):
            assert tag not in tags
        for value in values:
            for scheme in ("javascript:", "vbscript:", "data:"):
                assert not value.startswith(scheme), value


def test_payloads_are_numerous():
    assert len(XSS) >= 25


def test_classes_survive_only_from_the_allowlist():
    html = html_of(
        '<span class="k evil">a</span><p class="callout-title x">b</p><div class="k">c</div>'
    )
    assert '<span class="k">a</span>' in html
    assert '<p class="callout-title">b</p>' in html
    assert "evil" not in html and '"x"' not in html and "<div" not in html


# --- plain text ---------------------------------------------------------------------------


def test_plain_text_keeps_words_code_and_link_text():
    text = (
        "# 退款流程\n\n"
        "Read the **[refund policy](/x/)** and [[Refund policy|the policy]] first, @王芳.\n\n"
        "> [!NOTE]\n> 库存 check\n\n"
        "- [ ] call the carrier\n\n"
        "| SKU | 数量 |\n|---|---|\n| A-1 | 3 |\n\n"
        "```python\nprint('发票')\n```\n\n"
        "![box photo](/demo/files/1/) <b>raw</b> html<br>\n\n"
        "<div>block <script>alert(1)</script>html</div>"
    )
    assert plain_text(text) == (
        "退款流程\n"
        "Read the refund policy and the policy first, @王芳.\n"
        "库存 check\n"
        "call the carrier\n"
        "SKU 数量\n"
        "A-1 3\n"
        "print('发票')\n"
        "box photo raw html\n"
        "block html"
    )


def test_plain_text_decodes_entities_and_drops_markup():
    assert plain_text("AT&amp;T &lt;tag&gt; *em* ~~gone~~") == "AT&T <tag> em gone"


# --- speed (measured in bench/, not asserted here; this only proves caching returns the same) --


def test_rendering_twice_gives_the_same_result_and_resolves_again():
    calls: list[str] = []

    def resolver(title: str) -> str | None:
        calls.append(title)
        return "/p/1/" if len(calls) > 1 else None

    first = render("[[A]]", resolve_link=resolver)
    second = render("[[A]]", resolve_link=resolver)
    assert "wikilink-missing" in first.html
    assert 'href="/p/1/"' in second.html  # a page created meanwhile: the cache must not hide it
