"""Markdown is rendered, then sanitized: no scripts, handlers or outside images."""

from __future__ import annotations

from keel.tasks.markdown import render_markdown


def test_basic_markdown_and_links_get_rel():
    html = render_markdown("# Title\n\n**bold** [site](https://example.com)")
    assert "<h1>Title</h1>" in html and "<strong>bold</strong>" in html
    assert 'rel="noopener noreferrer"' in html


def test_scripts_handlers_and_javascript_links_are_removed():
    html = render_markdown(
        "<script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1))"
        '<a href="#" onclick="evil()">y</a><style>p{}</style>'
    )
    for bad in ("<script", "onerror", 'href="javascript:', "onclick", "<style"):
        assert bad not in html


def test_images_only_from_inside_keel():
    html = render_markdown("![a](https://tracker.example/p.gif) ![b](/acme/tasks/attachments/1/)")
    assert "tracker.example" not in html
    assert 'src="/acme/tasks/attachments/1/"' in html
    assert "//evil" not in render_markdown("![c](//evil.example/x.png)")


def test_tables_and_empty():
    assert "<table>" in render_markdown("|a|b|\n|-|-|\n|1|2|")
    assert render_markdown("   ") == ""


def test_no_linkify():
    assert "<a" not in render_markdown("see www.example.com")


def test_an_image_path_a_browser_would_send_to_another_host_is_dropped():
    # Browsers drop the tab and read "/\t/evil.example/x.png" as "//evil.example/x.png".
    for src in ("/&#9;/evil.example/x.png", "/\\evil.example/x.png", "/%20/x.png "):
        html = render_markdown(f'<img src="{src}">')
        assert "evil.example" not in html and "src=" not in html
    assert 'src="/ok.png"' in render_markdown("![a](/ok.png)")
