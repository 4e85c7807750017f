"""Videos in pages: `![name](/<ws>/wiki/files/<key>/)` becomes a player.

The Markdown renderer only knows images; after it has sanitized the HTML, `embed_media` turns
each same-host `<img>` whose attachment is a video into a `<video>` (with its poster frame when
the worker has made one) and a download link inside it for browsers that cannot play it.
Unknown keys, images and other workspaces' paths are left as they are. One query per page.

The input is the sanitizer's output (attributes double-quoted, `&<>"` escaped), so a small
pattern is enough; every value written back comes from the database or the URL we build, and
is escaped again.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from keel.core.models import Workspace
from keel.wiki.models import Attachment, FileKind

_IMG = re.compile(r"<img\b[^<>]*>")
_ATTR = re.compile(r'\s([a-zA-Z-]+)="([^"]*)"')
_KEY = r"([A-Za-z0-9_-]{8,40})"


def _files_path(workspace: Workspace) -> re.Pattern[str]:
    prefix = reverse("wiki_home", kwargs={"ws": workspace.slug}) + "files/"
    return re.compile(re.escape(prefix) + _KEY + "/$")


def embed_media(html_text: str, *, workspace: Workspace) -> str:
    """Sanitized page HTML with video attachments turned into players."""
    if "<img" not in html_text:
        return html_text
    path = _files_path(workspace)
    found: list[tuple[re.Match[str], str, dict[str, str]]] = []
    for tag in _IMG.finditer(html_text):
        attrs = dict(_ATTR.findall(tag.group(0)))
        match = path.match(html.unescape(attrs.get("src", "")))
        if match:
            found.append((tag, match.group(1), attrs))
    if not found:
        return html_text
    videos = {
        row["key"]: row
        for row in Attachment.objects.in_workspace(workspace)
        .filter(key__in={key for _tag, key, _attrs in found}, kind=FileKind.VIDEO)
        .values("key", "name", "poster", "content_type")
    }
    out, last = [], 0
    for tag, key, attrs in found:
        video = videos.get(key)
        if video is None:
            continue
        out.append(html_text[last : tag.start()])
        out.append(_player(workspace, video, html.unescape(attrs.get("alt", ""))))
        last = tag.end()
    out.append(html_text[last:])
    return "".join(out)


def _player(workspace: Workspace, video: Mapping[str, Any], alt: str) -> str:
    src = reverse("wiki_file", kwargs={"ws": workspace.slug, "key": video["key"]})
    label = alt.strip() or video["name"]
    poster = ""
    classes = "wiki-video"
    if video["poster"]:
        poster_url = reverse("wiki_file_poster", kwargs={"ws": workspace.slug, "key": video["key"]})
        poster = f' poster="{html.escape(poster_url)}"'
    else:
        classes += " wiki-video-no-poster"  # a neutral placeholder until the frame exists
    fallback = _("Download the video %(name)s") % {"name": video["name"]}
    return (
        f'<video class="{classes}" controls preload="metadata"{poster} '
        f'src="{html.escape(src)}" aria-label="{html.escape(label)}" '
        f'title="{html.escape(label)}">'
        f'<a href="{html.escape(src)}" download>{html.escape(fallback)}</a></video>'
    )
