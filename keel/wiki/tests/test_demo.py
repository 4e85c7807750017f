# mypy: disable-error-code="union-attr,return-value"
"""The demo shop's wiki is a living one: spaces per department, 30+ pages linked together,
an image and a video, revisions by several people, two pages due for review (with their
tasks), contacts — in English and in Chinese — and seeding twice changes nothing."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from keel.core.models import Workspace
from keel.tasks.models import Task
from keel.wiki.models import Attachment, Contact, Page, PageLink, Revision, Space

pytestmark = pytest.mark.django_db


def _seed(*args: str) -> Workspace:
    call_command("seed", "demo", *args, stdout=io.StringIO())
    return Workspace.objects.order_by("-id").first()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_demo_wiki_is_alive(language, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ws = _seed("--language", language)
    pages = Page.objects.in_workspace(ws)
    assert Space.objects.in_workspace(ws).count() >= 6
    assert pages.count() >= 30
    assert PageLink.objects.in_workspace(ws).filter(target__isnull=False).count() >= 10
    kinds = set(Attachment.objects.in_workspace(ws).values_list("kind", flat=True))
    assert {"image", "video"} <= kinds
    authors = Revision.objects.in_workspace(ws).values_list("author", flat=True).distinct()
    assert len(set(authors)) >= 3
    reviews = pages.filter(review_task__isnull=False)
    assert reviews.count() == 2
    assert Task.objects.filter(pk__in=reviews.values("review_task")).count() == 2
    assert Contact.objects.in_workspace(ws).count() >= 20
    if language == "zh-hans":
        assert pages.filter(title__regex=r"[\u4e00-\u9fff]").count() >= 25
    counts = (pages.count(), Contact.objects.in_workspace(ws).count())
    with django_capture_on_commit_callbacks(execute=True):
        _seed("--language", language)
    assert (Page.objects.in_workspace(ws).count(), Contact.objects.in_workspace(ws).count()) == (
        counts
    )
