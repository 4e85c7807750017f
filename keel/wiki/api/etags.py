"""Optimistic concurrency for wiki pages in the API: the strong ETag `"<page id>-<version>"`,
the If-Match it must come back in, and the problem documents of a missing or stale one.

A page's version grows by one with every saved revision, so the ETag changes exactly when
the text or title does. A weak tag never matches If-Match (RFC 9110), so `W/"…"` is a 412.
"""

from __future__ import annotations

import json
import re
from typing import Annotated

from django.http import HttpResponse
from django.utils.translation import gettext as _
from ninja import Header

from keel.core.api_support import PROBLEM_CONTENT_TYPE, PROBLEM_TYPE_BASE, problem_response
from keel.wiki.models import Page
from keel.wiki.services import PageConflict

IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        max_length=1000,
        description='The ETag you last read, e.g. "12-3"; "*" saves over any version.',
    ),
]
# One entity-tag of ours: "<page id>-<version>", strong (a weak tag never matches If-Match).
_ETAG = re.compile(r'"(\d{1,19})-(\d{1,10})"')


def etag(page: Page) -> str:
    """The page's strong entity-tag: it changes exactly when a save adds a revision."""
    return f'"{page.pk}-{page.version}"'


def precondition_failed(page: Page, detail: str) -> HttpResponse:
    return problem_response(412, code="precondition-failed", detail=detail,
                            headers={"ETag": etag(page)})  # fmt: skip


def base_version(page: Page, if_match: str | None) -> int | HttpResponse:
    """The version the edit starts from, named by If-Match; or the problem to answer."""
    header = (if_match or "").strip()
    if not header:
        return problem_response(
            428, code="precondition-required",
            detail=_("Send the ETag you last read in If-Match, e.g. If-Match: %(etag)s.")
            % {"etag": etag(page)},
        )  # fmt: skip
    if header == "*":
        return page.version
    versions = []
    for tag in header.split(","):
        match = _ETAG.fullmatch(tag.strip())
        if match is None:
            return precondition_failed(
                page, _("If-Match is not an ETag of this API: send it as it came, e.g. %(etag)s.")
                % {"etag": etag(page)},
            )  # fmt: skip
        if int(match[1]) == page.pk:
            versions.append(int(match[2]))
    if not versions or not 1 <= max(versions) <= page.version:
        return precondition_failed(page, _("If-Match does not name a version of this page."))
    return max(versions)


def conflict_response(conflict: PageConflict) -> HttpResponse:
    """The 412 of overlapping edits: everything a client needs to resolve and retry."""
    page = conflict.page
    body = {
        "type": PROBLEM_TYPE_BASE + "edit-conflict",
        "title": _("The page changed while you were editing it."),
        "status": 412,
        "detail": conflict.messages[0],
        "etag": etag(page),
        "current_version": page.version,
        "current_title": page.title,
        "current_body": page.body,
        "their_author": conflict.theirs.author.user.display_name
        if conflict.theirs.author
        else None,
        "merged_body": conflict.merged,
    }
    response = HttpResponse(json.dumps(body), status=412, content_type=PROBLEM_CONTENT_TYPE)
    response["ETag"] = etag(page)
    return response
