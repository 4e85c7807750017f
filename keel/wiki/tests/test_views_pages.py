# mypy: disable-error-code="attr-defined,union-attr,arg-type"
"""The wiki's space and page screens through the views: what each role sees and may do, a
restricted page hidden everywhere from someone without its grant (tree, page, backlinks,
links, search), the editor's conflict flow (merge or conflict screen, nothing lost), moves
(never under its own page), preview, archive and restore, and query budgets that do not
grow with the size of a space."""

from __future__ import annotations

import pytest
from django.urls import reverse

from keel.org.models import Seat
from keel.wiki import services
from keel.wiki.models import Grant, Level, Page, Revision, Space

pytestmark = pytest.mark.django_db
WS = "acme"


def url(name: str, **kwargs: object) -> str:
    return reverse(name, kwargs={"ws": WS, **kwargs})


@pytest.fixture
def space(owner) -> Space:
    return services.space_create(actor=owner, name="Operations", slug="ops")


def _page(actor, space, title="Returns", body="Line 1\nLine 2\nLine 3\n", **kw) -> Page:
    return services.page_create(actor=actor, space=space, title=title, body=body, **kw)


# --- Roles ------------------------------------------------------------------------------------


def test_home_lists_spaces_with_counts_and_new_space_for_managers(login, owner, member, space):
    _page(owner, space)
    body = login(owner).get(url("wiki_home")).content.decode()
    assert "Operations" in body and url("wiki_space_new") in body and "1 page" in body
    body = login(member).get(url("wiki_home")).content.decode()
    assert "Operations" in body and url("wiki_space_new") not in body


def test_member_reads_and_edits_a_company_space(login, owner, member, space):
    page = _page(owner, space)
    client = login(member)
    assert client.get(url("wiki_space", space="ops")).status_code == 200
    body = client.get(url("wiki_page", page_id=page.pk)).content.decode()
    assert "Line 2" in body and url("wiki_page_edit", page_id=page.pk) in body
    assert url("wiki_page_access", page_id=page.pk) not in body  # managers only
    assert client.get(url("wiki_page_edit", page_id=page.pk)).status_code == 200
    assert client.get(url("wiki_space_settings", space="ops")).status_code == 403


def test_assistant_without_a_grant_finds_nothing(login, owner, assistant, space):
    page = _page(owner, space)
    client = login(assistant)
    assert "Operations" not in client.get(url("wiki_home")).content.decode()
    assert client.get(url("wiki_space", space="ops")).status_code == 404
    assert client.get(url("wiki_page", page_id=page.pk)).status_code == 404
    assert client.get(url("wiki_page_history", page_id=page.pk)).status_code == 404
    assert client.post(url("wiki_page_edit", page_id=page.pk), {"title": "x"}).status_code == 404
    assert Page.objects.get(pk=page.pk).title == "Returns"


def test_assistant_with_a_read_grant_reads_but_cannot_edit(login, owner, assistant, space):
    services.grant_set(actor=owner, space=space, level=Level.READ, membership=assistant)
    page = _page(owner, space)
    client = login(assistant)
    assert client.get(url("wiki_space", space="ops")).status_code == 200
    body = client.get(url("wiki_page", page_id=page.pk)).content.decode()
    assert "Line 2" in body and url("wiki_page_edit", page_id=page.pk) not in body
    response = client.post(
        url("wiki_page_edit", page_id=page.pk), {"title": "Hacked", "body": "x", "base_version": 1}
    )
    assert response.status_code == 403
    assert Page.objects.get(pk=page.pk).title == "Returns"


def test_outsider_gets_404(client, outsider, owner, space):
    page = _page(owner, space)
    client.force_login(outsider.user)
    assert client.get(url("wiki_page", page_id=page.pk)).status_code == 404
    assert client.get(url("wiki_space", space="ops")).status_code == 404


# --- Spaces and grants --------------------------------------------------------------------------


def test_manager_creates_a_space_and_member_cannot(login, manager, member):
    response = login(member).post(
        url("wiki_space_new"), {"name": "X", "slug": "x", "kind": "company"}
    )
    assert response.status_code == 403
    response = login(manager).post(
        url("wiki_space_new"), {"name": "Buying", "slug": "buying", "kind": "company"}
    )
    assert response.status_code == 302
    assert Space.objects.filter(slug="buying").exists()


def test_settings_give_and_revoke_access(login, owner, assistant, space):
    client = login(owner)
    response = client.post(
        url("wiki_space_settings", space="ops"),
        {"action": "grant", "grantee": f"m:{assistant.pk}", "level": "edit"},
    )
    assert response.status_code == 302
    grant = Grant.objects.get(space=space, membership=assistant)
    assert grant.level == "edit"
    assert (
        assistant.user.display_name
        in client.get(url("wiki_space_settings", space="ops")).content.decode()
    )
    client.post(url("wiki_grant_revoke", space="ops", grant_id=grant.pk))
    assert not Grant.objects.filter(pk=grant.pk).exists()


def test_settings_rename_and_bad_slug(login, owner, space):
    client = login(owner)
    data = {"action": "details", "name": "Ops", "slug": "Bad slug!", "staff_level": "read"}
    assert client.post(url("wiki_space_settings", space="ops"), data).status_code == 400
    data["slug"] = "operations"
    assert client.post(url("wiki_space_settings", space="ops"), data).status_code == 302
    space.refresh_from_db()
    assert (space.name, space.slug, space.staff_level) == ("Ops", "operations", "read")


def test_empty_space_says_what_to_do(login, owner, space):
    body = login(owner).get(url("wiki_space", space="ops")).content.decode()
    assert "Write the first page" in body


# --- Pages ------------------------------------------------------------------------------------


def test_create_page_with_link_shows_backlink_and_owner_seat(
    login, owner, member, workspace, space
):
    target = _page(owner, space, title="Refund policy", body="# Refunds\n")
    seat = Seat.objects.create(
        workspace=workspace, title="Support lead", holder=member, status="filled"
    )
    client = login(owner)
    response = client.post(
        url("wiki_page_new", space="ops"),
        {
            "title": "How we refund",
            "body": "See [[Refund policy]].",
            "owner": f"s:{seat.pk}",
            "review_every_days": "30",
            "summary": "first",
        },
    )
    assert response.status_code == 302
    page = Page.objects.get(title="How we refund")
    assert page.owner_seat == seat and page.review_every_days == 30
    body = client.get(url("wiki_page", page_id=page.pk)).content.decode()
    assert f'href="{url("wiki_page", page_id=target.pk)}"' in body
    assert "Support lead" in body and member.user.display_name in body  # the seat and its holder
    body = client.get(url("wiki_page", page_id=target.pk)).content.decode()
    assert "How we refund" in body  # Linked from


def test_new_subpage_under_parent(login, owner, space):
    parent = _page(owner, space)
    client = login(owner)
    assert client.get(url("wiki_page_new", space="ops") + f"?parent={parent.pk}").status_code == 200
    client.post(
        url("wiki_page_new", space="ops"), {"title": "Child", "body": "", "parent": parent.pk}
    )
    assert Page.objects.get(title="Child").parent == parent


def test_toc_shows_with_three_headings(login, owner, space):
    page = _page(owner, space, body="# One\n\n## Two\n\n## Three\n")
    body = login(owner).get(url("wiki_page", page_id=page.pk)).content.decode()
    assert 'id="toc-title"' in body
    page2 = _page(owner, space, title="Short", body="# One\n")
    assert (
        'id="toc-title"'
        not in login(owner).get(url("wiki_page", page_id=page2.pk)).content.decode()
    )


def test_script_in_markdown_is_not_run(login, owner, space):
    page = _page(owner, space, body="<script>alert(1)</script><img src=x onerror=alert(1)>")
    body = login(owner).get(url("wiki_page", page_id=page.pk)).content.decode()
    assert "<script>alert" not in body and "onerror" not in body


def test_preview_renders_markdown_and_resolves_links_for_the_reader(login, owner, space):
    target = _page(owner, space, title="Carriers")
    response = login(owner).post(url("wiki_preview"), {"body": "**hi** [[Carriers]]"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "<strong>hi</strong>" in body and url("wiki_page", page_id=target.pk) in body


def test_needs_review_badge(login, owner, space):
    import datetime

    page = _page(owner, space, review_every_days=7)
    Page.objects.filter(pk=page.pk).update(review_due=datetime.date(2000, 1, 1))
    client = login(owner)
    assert "Needs review" in client.get(url("wiki_page", page_id=page.pk)).content.decode()
    assert "Pages you own that need a review" in client.get(url("wiki_home")).content.decode()


# --- Restricted pages -----------------------------------------------------------------------------


@pytest.fixture
def secret(owner, space) -> Page:
    page = _page(owner, space, title="Salaries", body="Secret numbers [[Returns]] zebrafish\n")
    services.page_set_restricted(actor=owner, page=page, restricted=True)
    return page


def test_restricted_page_hidden_from_member_everywhere(login, owner, member, space, secret):
    public = _page(owner, space, title="Returns", body="Public. See [[Salaries]].\n")
    from keel.wiki.services.pages import sync_links

    sync_links(Page.objects.get(pk=secret.pk))  # the secret now links to the public page
    client = login(member)
    assert "Salaries" not in client.get(url("wiki_space", space="ops")).content.decode()
    assert client.get(url("wiki_page", page_id=secret.pk)).status_code == 404
    assert client.get(url("wiki_page_history", page_id=secret.pk)).status_code == 404
    body = client.get(url("wiki_page", page_id=public.pk)).content.decode()
    assert url("wiki_page", page_id=secret.pk) not in body  # neither linked nor a backlink
    assert "Salaries" not in body.split('id="backlinks-title"')[1]
    assert "Salaries" not in client.get(url("wiki_home")).content.decode()
    # The owner sees it all.
    client = login(owner)
    assert "Salaries" in client.get(url("wiki_space", space="ops")).content.decode()
    body = client.get(url("wiki_page", page_id=public.pk)).content.decode()
    assert url("wiki_page", page_id=secret.pk) in body


def test_restricted_page_not_in_search_without_grant(
    owner, member, space, django_capture_on_commit_callbacks
):
    from keel.search.selectors.search import search

    with django_capture_on_commit_callbacks(execute=True):
        page = _page(owner, space, title="Salaries", body="zebrafish budget\n")
        services.page_set_restricted(actor=owner, page=page, restricted=True)
    assert search(membership=member, query="zebrafish").total == 0
    assert search(membership=owner, query="zebrafish").total == 1
    services.grant_set(actor=owner, space=space, page=page, level=Level.READ, membership=member)
    fresh = type(member).objects.get(pk=member.pk)
    assert search(membership=fresh, query="zebrafish").total == 1


def test_page_access_restricts_and_grants(login, owner, member, space):
    page = _page(owner, space)
    client = login(owner)
    client.post(
        url("wiki_page_access", page_id=page.pk), {"action": "restrict", "restricted": "on"}
    )
    assert Page.objects.get(pk=page.pk).restricted
    assert login(member).get(url("wiki_page", page_id=page.pk)).status_code == 404
    client = login(owner)
    client.post(
        url("wiki_page_access", page_id=page.pk),
        {"action": "grant", "grantee": f"m:{member.pk}", "level": "read"},
    )
    assert login(member).get(url("wiki_page", page_id=page.pk)).status_code == 200
    assert login(member).get(url("wiki_page_access", page_id=page.pk)).status_code == 403


# --- Conflicts ------------------------------------------------------------------------------------


def _edit(client, page, body, base, title="Returns"):
    return client.post(
        url("wiki_page_edit", page_id=page.pk),
        {"title": title, "body": body, "base_version": base, "summary": ""},
    )


def test_two_saves_from_the_same_version_on_different_lines_merge(login, owner, member, space):
    page = _page(owner, space)
    assert _edit(login(owner), page, "Line 1 owner\nLine 2\nLine 3\n", 1).status_code == 302
    response = _edit(login(member), page, "Line 1\nLine 2\nLine 3 member\n", 1)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.body == "Line 1 owner\nLine 2\nLine 3 member\n" and page.version == 3


def test_overlapping_saves_show_the_conflict_screen_and_save_nothing(login, owner, member, space):
    page = _page(owner, space)
    assert _edit(login(owner), page, "Line 1\nLine 2 by owner\nLine 3\n", 1).status_code == 302
    response = _edit(login(member), page, "Line 1\nLine 2 by member\nLine 3\n", 1)
    assert response.status_code == 409
    body = response.content.decode()
    assert "Line 2 by owner" in body and "Line 2 by member" in body
    assert "&lt;&lt;&lt;&lt;&lt;&lt;&lt;" in body  # merge markers in the textarea
    assert 'name="base_version" value="2"' in body
    assert Revision.objects.filter(page=page).count() == 2  # no new revision
    # The member resolves and saves against version 2: nothing lost.
    response = _edit(login(member), page, "Line 1\nLine 2 by owner and member\nLine 3\n", 2)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.version == 3 and "owner and member" in page.body


# --- Move, archive ---------------------------------------------------------------------------


def test_move_under_own_child_is_refused_with_a_message(login, owner, space):
    parent = _page(owner, space, title="Parent")
    child = _page(owner, space, title="Child", parent=parent)
    client = login(owner)
    body = client.get(url("wiki_page_move", page_id=parent.pk)).content.decode()
    assert f'value="{child.pk}"' not in body  # not offered
    response = client.post(url("wiki_page_move", page_id=parent.pk), {"parent": child.pk})
    assert response.status_code == 400
    assert "cannot be moved under itself" in response.content.decode()
    parent.refresh_from_db()
    assert parent.parent_id is None


def test_move_form_and_drag_and_drop(login, owner, space):
    a = _page(owner, space, title="A")
    b = _page(owner, space, title="B")
    client = login(owner)
    assert client.post(url("wiki_page_move", page_id=b.pk), {"parent": a.pk}).status_code == 302
    assert Page.objects.get(pk=b.pk).parent_id == a.pk
    response = client.post(
        url("wiki_page_move", page_id=b.pk), {"parent": "", "position": "1"}, HTTP_X_WIKI_MOVE="1"
    )
    assert response.status_code == 200 and response.json() == {"ok": True}
    b.refresh_from_db()
    assert b.parent_id is None and b.position == 0
    response = client.post(
        url("wiki_page_move", page_id=a.pk), {"parent": a.pk}, HTTP_X_WIKI_MOVE="1"
    )
    assert response.status_code == 400 and response.json()["errors"]


def test_archive_and_restore(login, owner, space):
    page = _page(owner, space)
    child = _page(owner, space, title="Child", parent=page)
    client = login(owner)
    assert (
        "1 page under it" in client.get(url("wiki_page_archive", page_id=page.pk)).content.decode()
    )
    assert client.post(url("wiki_page_archive", page_id=page.pk)).status_code == 302
    assert Page.objects.get(pk=child.pk).archived_at is not None
    assert "Returns" not in client.get(url("wiki_space", space="ops")).content.decode()
    assert "Returns" in client.get(url("wiki_space_archived", space="ops")).content.decode()
    client.post(url("wiki_page_unarchive", page_id=page.pk))
    assert Page.objects.get(pk=child.pk).archived_at is None


def test_archive_space_from_settings(login, owner, member, space):
    login(owner).post(
        url("wiki_space_settings", space="ops"), {"action": "archive", "archive": "1"}
    )
    space.refresh_from_db()
    assert space.archived_at is not None
    assert login(member).get(url("wiki_space", space="ops")).status_code == 404


# --- Query budgets ------------------------------------------------------------------------------


def _grow(owner, space, n):
    parent = None
    for i in range(n):
        page = Page.objects.create(
            workspace=space.workspace,
            space=space,
            parent=parent,
            title=f"Page {i}",
            body=f"[[Page {i + 1}]]",
            position=i,
        )
        parent = page if i % 10 == 0 else parent


def _count(client, path, django_assert_max_num_queries) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize("who", ["owner", "member"])
def test_space_tree_and_page_view_do_not_grow_with_pages(
    request, login, owner, space, who, django_assert_max_num_queries
):
    reader = request.getfixturevalue(who)
    page = _page(owner, space, title="Hub", body="[[Page 1]] [[Page 2]]")
    _grow(owner, space, 5)
    client = login(reader)
    small_tree = _count(client, url("wiki_space", space="ops"), django_assert_max_num_queries)
    small_page = _count(client, url("wiki_page", page_id=page.pk), django_assert_max_num_queries)
    _grow(owner, space, 200)
    with django_assert_max_num_queries(small_tree):
        client.get(url("wiki_space", space="ops"))
    with django_assert_max_num_queries(small_page):
        client.get(url("wiki_page", page_id=page.pk))
