# mypy: disable-error-code="attr-defined,union-attr,arg-type"
"""A page's history through the views: the list of versions with authors, an old version
rendered, an accessible inline diff (+/− in text, <ins>/<del>), and restoring an old version
as a new one (nothing lost); readers may look but not restore."""

from __future__ import annotations

import pytest
from django.urls import reverse

from keel.wiki import services
from keel.wiki.models import Level, Page, Revision

pytestmark = pytest.mark.django_db
WS = "acme"


def url(name: str, **kwargs: object) -> str:
    return reverse(name, kwargs={"ws": WS, **kwargs})


@pytest.fixture
def page(owner, member) -> Page:
    space = services.space_create(actor=owner, name="Operations", slug="ops")
    page = services.page_create(
        actor=owner,
        space=space,
        title="Returns",
        body="Alpha\nBravo\nCharlie\n",
        summary="first draft",
    )
    services.page_update(
        actor=member,
        page=page,
        base_version=1,
        body="Alpha\nBravo two\nCharlie\nDelta\n",
        summary="more steps",
    )
    page.refresh_from_db()
    return page


def test_history_lists_versions_with_authors_and_summaries(login, owner, member, page):
    body = login(owner).get(url("wiki_page_history", page_id=page.pk)).content.decode()
    assert "first draft" in body and "more steps" in body
    assert owner.user.display_name in body and member.user.display_name in body
    assert url("wiki_revision_restore", page_id=page.pk, number=1) in body
    assert 'name="from" value="1"' in body and 'name="to" value="2"' in body


def test_old_version_is_rendered(login, owner, page):
    response = login(owner).get(url("wiki_revision", page_id=page.pk, number=1))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Bravo" in body and "Bravo two" not in body and "Delta" not in body
    assert login(owner).get(url("wiki_revision", page_id=page.pk, number=9)).status_code == 404


def test_diff_marks_added_and_removed_lines_in_text(login, owner, page):
    response = login(owner).get(url("wiki_page_diff", page_id=page.pk) + "?from=1&to=2")
    assert response.status_code == 200
    body = response.content.decode()
    assert "<del>" in body and "<ins>" in body
    assert "Removed:" in body and "Added:" in body  # said in words, not only colour
    assert ">+<" in body and ">−<" in body
    assert "2 lines added" in body and "1 line removed" in body


def test_diff_defaults_and_bad_numbers(login, owner, page):
    client = login(owner)
    assert client.get(url("wiki_page_diff", page_id=page.pk)).status_code == 200
    assert client.get(url("wiki_page_diff", page_id=page.pk) + "?from=x").status_code == 404
    assert client.get(url("wiki_page_diff", page_id=page.pk) + "?from=1&to=7").status_code == 404


def test_restore_an_old_version_adds_a_new_one(login, owner, page):
    response = login(owner).post(url("wiki_revision_restore", page_id=page.pk, number=1))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.body == "Alpha\nBravo\nCharlie\n" and page.version == 3
    assert Revision.objects.filter(page=page).count() == 3


def test_reader_sees_history_but_cannot_restore(login, owner, assistant, page):
    services.grant_set(actor=owner, space=page.space, level=Level.READ, membership=assistant)
    client = login(assistant)
    body = client.get(url("wiki_page_history", page_id=page.pk)).content.decode()
    assert url("wiki_revision_restore", page_id=page.pk, number=1) not in body
    response = client.post(url("wiki_revision_restore", page_id=page.pk, number=1))
    assert response.status_code == 403
    page.refresh_from_db()
    assert page.version == 2


def test_history_of_a_page_in_another_workspace_is_404(client, outsider, page):
    client.force_login(outsider.user)
    assert client.get(url("wiki_page_history", page_id=page.pk)).status_code == 404
