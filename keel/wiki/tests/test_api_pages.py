"""The wiki API for spaces, pages and revisions: each route's happy path, optimistic
concurrency (ETag / If-Match: 428, 412 with the merged text and nothing saved, a clean merge
saved), no existence leak (404 for what the caller may not read, in the list too), bounded
queries, stable operation ids, and a fuzz run that never gets a 500."""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import quote

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import resolve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from keel.core.tests.api_client import PROBLEM, api_client_for, assert_problem, error_fields
from keel.org.models import Seat
from keel.wiki import services
from keel.wiki.models import Level, Page, Revision, Space

pytestmark = pytest.mark.django_db
WS = "/workspaces/acme/wiki"
BODY = "Line 1\nLine 2\nLine 3\n"


@pytest.fixture
def space(owner) -> Space:
    return services.space_create(actor=owner, name="Operations", slug="ops")


@pytest.fixture
def page(owner, space) -> Page:
    return services.page_create(actor=owner, space=space, title="Returns", body=BODY)


def _patch(api, path: str, body: dict[str, Any], if_match: str | None = None):
    headers = dict(api.headers)
    if if_match is not None:
        headers["If-Match"] = if_match
    return api._send("patch", path, body, headers=headers)


def _etag(page: Page) -> str:
    return f'"{page.pk}-{page.version}"'


# --- Spaces ---------------------------------------------------------------------------------


def test_space_list_shows_readable_spaces_with_the_callers_level(api_for, owner, member, space):
    response = api_for(member).get(f"{WS}/spaces")
    assert response.status_code == 200
    [item] = response.json()["items"]
    assert item["slug"] == "ops" and item["level"] == "edit" and item["kind"] == "company"
    assert response.json()["next_cursor"] is None
    assert api_for(owner).get(f"{WS}/spaces").json()["items"][0]["level"] == "manage"


def test_space_list_paginates(api_for, owner):
    for n in range(3):
        services.space_create(actor=owner, name=f"Space {n}", slug=f"space-{n}")
    api = api_for(owner)
    first = api.get(f"{WS}/spaces", {"limit": 2}).json()
    second = api.get(f"{WS}/spaces", {"limit": 2, "cursor": first["next_cursor"]}).json()
    slugs = [s["slug"] for s in first["items"] + second["items"]]
    assert slugs == ["space-0", "space-1", "space-2"] and second["next_cursor"] is None


def test_assistant_without_a_grant_sees_no_spaces(api_for, assistant, space, page):
    api = api_for(assistant)
    assert api.get(f"{WS}/spaces").json()["items"] == []
    assert_problem(api.get(f"{WS}/spaces/ops"), 404)
    assert_problem(api.get(f"{WS}/spaces/ops/pages"), 404)
    assert_problem(api.get(f"{WS}/pages/{page.pk}"), 404)


def test_assistant_with_a_grant_reads(api_for, owner, assistant, space, page):
    services.grant_set(actor=owner, space=space, level=Level.READ, membership=assistant)
    api = api_for(assistant)
    assert [s["level"] for s in api.get(f"{WS}/spaces").json()["items"]] == ["read"]
    assert api.get(f"{WS}/pages/{page.pk}").status_code == 200
    assert_problem(_patch(api, f"{WS}/pages/{page.pk}", {"body": "x"}, _etag(page)), 403)


def test_space_create_by_a_manager(api_for, manager, workspace):
    response = api_for(manager).post(
        f"{WS}/spaces", {"name": "Buying", "slug": "buying", "description": "Suppliers"}
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["level"] == "manage" and body["staff_level"] == "edit" and body["pages"] == 0
    assert Space.objects.get(workspace=workspace, slug="buying").created_by == manager


def test_space_create_refused_to_a_member_and_validated(api_for, owner, member):
    assert_problem(api_for(member).post(f"{WS}/spaces", {"name": "X", "slug": "x"}), 403)
    api = api_for(owner)
    problem = assert_problem(api.post(f"{WS}/spaces", {"name": "X", "slug": "Not a slug"}), 422)
    assert error_fields(problem) == {"slug"}
    problem = assert_problem(
        api.post(f"{WS}/spaces", {"name": "X", "slug": "x", "group_id": 2_000_000}), 422
    )
    assert error_fields(problem) == {"group_id"}
    assert not Space.objects.exists()


def test_space_detail_and_update(api_for, owner, member, space, page):
    api = api_for(owner)
    assert api.get(f"{WS}/spaces/ops").json()["pages"] == 1
    response = api.patch(f"{WS}/spaces/ops", {"name": "Ops handbook", "slug": "handbook"})
    assert response.status_code == 200, response.content
    assert response.json()["name"] == "Ops handbook" and response.json()["slug"] == "handbook"
    assert_problem(api.get(f"{WS}/spaces/ops"), 404)
    assert_problem(api_for(member).patch(f"{WS}/spaces/handbook", {"name": "Mine"}), 403)
    response = api.patch(f"{WS}/spaces/handbook", {"archived": True})
    assert response.json()["archived"] is True
    assert api.get(f"{WS}/spaces").json()["items"] == []
    assert [s["slug"] for s in api.get(f"{WS}/spaces?archived=true").json()["items"]] == [
        "handbook"
    ]


def test_private_space_is_absent_for_staff_outside_it(api_for, owner, member, workspace):
    from keel.accounts.models import Group

    group = Group.objects.create(workspace=workspace, name="Buyers", alias="buyers")
    response = api_for(owner).post(
        f"{WS}/spaces",
        {"name": "Buying", "slug": "buying", "kind": "private", "group_id": group.pk},
    )
    assert response.status_code == 201, response.content
    assert api_for(member).get(f"{WS}/spaces").json()["items"] == []
    assert_problem(api_for(member).get(f"{WS}/spaces/buying"), 404)
    assert_problem(api_for(member).patch(f"{WS}/spaces/buying", {"name": "Mine"}), 404)


# --- Pages ----------------------------------------------------------------------------------


def test_page_create_returns_201_with_etag(api_for, member, space, workspace):
    seat = Seat.objects.create(workspace=workspace, title="Buyer")
    response = api_for(member).post(
        f"{WS}/spaces/ops/pages",
        {"title": "退款流程", "body": "# Refunds\n", "owner_seat_id": seat.pk,
         "review_every_days": 90, "summary": "First draft"},
    )  # fmt: skip
    assert response.status_code == 201, response.content
    body = response.json()
    assert response["ETag"] == f'"{body["id"]}-1"'
    assert body["version"] == 1 and body["owner_seat"] == {"id": seat.pk, "title": "Buyer"}
    assert body["owner"] is None and body["review_due"] and body["space"]["slug"] == "ops"
    assert Revision.objects.get(page_id=body["id"]).summary == "First draft"


def test_page_create_under_a_parent_and_field_errors(api_for, owner, space, page, workspace):
    api = api_for(owner)
    response = api.post(f"{WS}/spaces/ops/pages", {"title": "Child", "parent_id": page.pk})
    assert response.json()["parent_id"] == page.pk
    other = services.space_create(actor=owner, name="Other", slug="other-space")
    elsewhere = services.page_create(actor=owner, space=other, title="Elsewhere")
    for body, field in [
        ({"title": "x", "parent_id": elsewhere.pk}, "parent_id"),
        ({"title": "x", "parent_id": 2_000_000_000}, "parent_id"),
        ({"title": "x", "owner_id": 2_000_000_000}, "owner_id"),
        ({"title": "   "}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"title": "x", "review_every_days": 4000}, "review_every_days"),
        ({"title": "x", "body": "nul\x00"}, "body"),
        ({"title": "x", "kind": "video"}, "kind"),
    ]:
        problem = assert_problem(api.post(f"{WS}/spaces/ops/pages", body), 422)
        assert error_fields(problem) == {field}, (body, problem)
    assert Page.objects.count() == 3


def test_page_detail_has_body_and_strong_etag(api_for, member, page):
    response = api_for(member).get(f"{WS}/pages/{page.pk}")
    assert response.status_code == 200
    assert response["ETag"] == f'"{page.pk}-1"'
    body = response.json()
    assert body["body"] == BODY and body["version"] == 1 and body["level"] == "edit"
    assert body["owner"]["name"] == "Olivia" and body["restricted"] is False
    assert_problem(api_for(member).get(f"{WS}/pages/2000000000"), 404)


def test_restricted_page_is_404_and_missing_from_the_list(api_for, owner, member, space, page):
    secret = services.page_create(actor=owner, space=space, title="Salaries")
    below = services.page_create(actor=owner, space=space, title="Bands", parent=secret)
    services.page_set_restricted(actor=owner, page=secret, restricted=True)
    api = api_for(member)
    for target in (secret, below):
        assert_problem(api.get(f"{WS}/pages/{target.pk}"), 404)
        assert_problem(api.get(f"{WS}/pages/{target.pk}/revisions"), 404)
        assert_problem(_patch(api, f"{WS}/pages/{target.pk}", {"body": "x"}, '"1-1"'), 404)
        assert_problem(api.post(f"{WS}/pages/{target.pk}/archive"), 404)
    ids = [p["id"] for p in api.get(f"{WS}/spaces/ops/pages").json()["items"]]
    assert ids == [page.pk]
    problem = assert_problem(
        api.post(f"{WS}/spaces/ops/pages", {"title": "Sneak", "parent_id": secret.pk}), 422
    )
    assert error_fields(problem) == {"parent_id"}
    owner_ids = [p["id"] for p in api_for(owner).get(f"{WS}/spaces/ops/pages").json()["items"]]
    assert owner_ids == [page.pk, secret.pk, below.pk]
    services.grant_set(actor=owner, space=space, page=secret, level=Level.READ, membership=member)
    ids = [p["id"] for p in api_for(member).get(f"{WS}/spaces/ops/pages").json()["items"]]
    assert ids == [page.pk, secret.pk, below.pk]


def test_page_list_is_flat_with_parents_and_paginates(api_for, owner, space, page):
    child = services.page_create(actor=owner, space=space, title="Child", parent=page)
    api = api_for(owner)
    first = api.get(f"{WS}/spaces/ops/pages", {"limit": 1}).json()
    assert [p["id"] for p in first["items"]] == [page.pk]
    second = api.get(f"{WS}/spaces/ops/pages", {"limit": 1, "cursor": first["next_cursor"]})
    [item] = second.json()["items"]
    assert item["id"] == child.pk and item["parent_id"] == page.pk and item["position"] == 0
    assert set(item) == {"id", "title", "parent_id", "position", "kind", "restricted",
                         "updated_at"}  # fmt: skip
    assert second.json()["next_cursor"] is None
    assert_problem(api.get(f"{WS}/spaces/ops/pages", {"cursor": "garbage"}), 422)


def test_outsider_gets_404_everywhere(api_for, outsider, space, page):
    api = api_for(outsider)
    assert_problem(api.get(f"{WS}/spaces"), 404)
    assert_problem(api.get(f"{WS}/pages/{page.pk}"), 404)
    assert_problem(api.get(f"/workspaces/other/wiki/pages/{page.pk}"), 404)
    assert_problem(api.get("/workspaces/other/wiki/spaces/ops"), 404)
    assert_problem(_patch(api, f"/workspaces/other/wiki/pages/{page.pk}", {"body": "x"}), 404)
    assert_problem(api.post(f"/workspaces/other/wiki/pages/{page.pk}/revisions/1/restore"), 404)
    assert Page.objects.get(pk=page.pk).version == 1


# --- Optimistic concurrency ------------------------------------------------------------------


def test_patch_with_the_current_etag_saves_a_revision(api_for, member, page):
    api = api_for(member)
    response = _patch(api, f"{WS}/pages/{page.pk}", {"body": "New\n", "summary": "Rewrite"},
                      _etag(page))  # fmt: skip
    assert response.status_code == 200, response.content
    assert response["ETag"] == f'"{page.pk}-2"'
    assert response.json()["merged"] is False and response.json()["body"] == "New\n"
    revision = Revision.objects.get(page=page, number=2)
    assert revision.summary == "Rewrite" and revision.author == member


def test_patch_without_if_match_is_428(api_for, member, page):
    problem = assert_problem(_patch(api_for(member), f"{WS}/pages/{page.pk}", {"body": "x"}), 428)
    assert _etag(page) in problem["detail"]
    assert Page.objects.get(pk=page.pk).body == BODY


@pytest.mark.parametrize(
    "if_match", ["garbage", 'W/"{pk}-1"', "{pk}-1", '"{pk}-0"', '"{pk}-9"', '"999999-1"']
)
def test_patch_with_a_malformed_or_foreign_etag_is_412(api_for, member, page, if_match):
    response = _patch(
        api_for(member), f"{WS}/pages/{page.pk}", {"body": "x"}, if_match.format(pk=page.pk)
    )
    assert_problem(response, 412)
    assert response["ETag"] == _etag(page)
    assert Revision.objects.filter(page=page).count() == 1


def test_star_saves_over_the_current_version(api_for, member, page):
    response = _patch(api_for(member), f"{WS}/pages/{page.pk}", {"body": "Mine\n"}, "*")
    assert response.status_code == 200 and response.json()["version"] == 2


def test_concurrent_edits_on_different_lines_merge(api_for, owner, member, page):
    v1 = _etag(page)
    first = _patch(api_for(owner), f"{WS}/pages/{page.pk}",
                   {"body": "Line 1 by Olivia\nLine 2\nLine 3\n"}, v1)  # fmt: skip
    assert first.status_code == 200
    response = _patch(api_for(member), f"{WS}/pages/{page.pk}",
                      {"body": "Line 1\nLine 2\nLine 3 by Mike\n"}, v1)  # fmt: skip
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["merged"] is True and body["version"] == 3
    assert body["body"] == "Line 1 by Olivia\nLine 2\nLine 3 by Mike\n"
    assert response["ETag"] == f'"{page.pk}-3"'


def test_overlapping_edits_are_412_with_the_merged_text_and_nothing_saved(
    api_for, owner, member, page
):
    v1 = _etag(page)
    _patch(api_for(owner), f"{WS}/pages/{page.pk}", {"body": "Line 1 by Olivia\nLine 2\nLine 3\n"},
           v1)  # fmt: skip
    response = _patch(api_for(member), f"{WS}/pages/{page.pk}",
                      {"body": "Line 1 by Mike\nLine 2\nLine 3\n", "summary": "Mine"},
                      v1)  # fmt: skip
    assert response.status_code == 412
    assert response["Content-Type"].startswith(PROBLEM)
    assert response["ETag"] == f'"{page.pk}-2"'
    problem = response.json()
    assert problem["type"] == "urn:keel:problem:edit-conflict" and problem["status"] == 412
    assert problem["current_version"] == 2 and problem["etag"] == f'"{page.pk}-2"'
    assert problem["their_author"] == "Olivia" and "Olivia" in problem["detail"]
    assert problem["current_body"].startswith("Line 1 by Olivia")
    merged = problem["merged_body"]
    assert "<<<<<<<" in merged and ">>>>>>>" in merged
    assert "Line 1 by Mike" in merged and "Line 1 by Olivia" in merged
    assert Revision.objects.filter(page=page).count() == 2
    assert Page.objects.get(pk=page.pk).body.startswith("Line 1 by Olivia")
    # Resolving and sending again with the current ETag saves.
    resolved = _patch(api_for(member), f"{WS}/pages/{page.pk}",
                      {"body": "Line 1 by both\nLine 2\nLine 3\n"}, problem["etag"])  # fmt: skip
    assert resolved.status_code == 200 and resolved.json()["version"] == 3


def test_patch_owner_review_and_title(api_for, owner, member, page, workspace):
    seat = Seat.objects.create(workspace=workspace, title="Buyer")
    api = api_for(owner)
    response = _patch(api, f"{WS}/pages/{page.pk}",
                      {"owner_seat_id": seat.pk, "review_every_days": 30, "title": "Refunds"},
                      _etag(page))  # fmt: skip
    body = response.json()
    assert body["owner"] is None and body["owner_seat"]["id"] == seat.pk
    assert body["review_every_days"] == 30 and body["title"] == "Refunds"
    assert body["version"] == 2  # the owner alone adds no revision; the title does
    problem = assert_problem(
        _patch(api, f"{WS}/pages/{page.pk}", {"owner_id": None}, f'"{page.pk}-2"'), 422
    )
    assert error_fields(problem) == {"owner_id"}
    response = _patch(api, f"{WS}/pages/{page.pk}", {"owner_id": member.pk},
                      f'"{page.pk}-2"')  # fmt: skip
    assert response.json()["owner"]["id"] == member.pk and response.json()["owner_seat"] is None


def test_reader_gets_403_not_428(api_for, owner, member, space, page):
    services.space_update(actor=owner, space=space, name=space.name, slug=space.slug,
                          staff_level="read")  # fmt: skip
    assert_problem(_patch(api_for(member), f"{WS}/pages/{page.pk}", {"body": "x"}), 403)


# --- Move, archive ---------------------------------------------------------------------------


def test_move_archive_unarchive(api_for, owner, space, page):
    other = services.page_create(actor=owner, space=space, title="Shipping")
    api = api_for(owner)
    response = api.post(f"{WS}/pages/{other.pk}/move", {"parent_id": page.pk, "position": 0})
    assert response.status_code == 200, response.content
    assert response.json()["parent_id"] == page.pk
    problem = assert_problem(api.post(f"{WS}/pages/{page.pk}/move", {"parent_id": other.pk}), 422)
    assert error_fields(problem) == {"parent_id"}
    assert api.post(f"{WS}/pages/{other.pk}/move", {"parent_id": None}).json()["parent_id"] is None
    response = api.post(f"{WS}/pages/{page.pk}/archive")
    assert response.status_code == 200 and response.json()["archived"] is True
    assert api.get(f"{WS}/spaces/ops/pages").json()["items"][0]["id"] == other.pk
    archived = api.get(f"{WS}/spaces/ops/pages", {"archived": "true"}).json()["items"]
    assert [p["id"] for p in archived] == [page.pk]
    assert_problem(_patch(api, f"{WS}/pages/{page.pk}", {"body": "x"}, _etag(page)), 422)
    response = api.post(f"{WS}/pages/{page.pk}/unarchive")
    assert response.status_code == 200 and response.json()["archived"] is False


def test_reader_cannot_move_or_archive(api_for, owner, member, space, page):
    services.space_update(actor=owner, space=space, name=space.name, slug=space.slug,
                          staff_level="read")  # fmt: skip
    api = api_for(member)
    assert_problem(api.post(f"{WS}/pages/{page.pk}/archive"), 403)
    assert_problem(api.post(f"{WS}/pages/{page.pk}/move", {"parent_id": None}), 403)
    assert_problem(api.post(f"{WS}/pages/{page.pk}/unarchive"), 403)
    assert Page.objects.get(pk=page.pk).archived_at is None


# --- Revisions -------------------------------------------------------------------------------


def test_revisions_list_detail_and_restore(api_for, owner, member, page):
    _patch(api_for(member), f"{WS}/pages/{page.pk}", {"body": "Second\n", "summary": "Shorter"},
           _etag(page))  # fmt: skip
    api = api_for(owner)
    listing = api.get(f"{WS}/pages/{page.pk}/revisions").json()
    assert [r["number"] for r in listing["items"]] == [2, 1]
    assert listing["items"][0]["author"]["name"] == "Mike"
    assert listing["items"][0]["summary"] == "Shorter" and "body" not in listing["items"][0]
    paged = api.get(f"{WS}/pages/{page.pk}/revisions", {"limit": 1}).json()
    assert [r["number"] for r in paged["items"]] == [2] and paged["next_cursor"]
    detail = api.get(f"{WS}/pages/{page.pk}/revisions/1").json()
    assert detail["body"] == BODY and detail["author"]["name"] == "Olivia"
    assert_problem(api.get(f"{WS}/pages/{page.pk}/revisions/9"), 404)
    assert_problem(api.post(f"{WS}/pages/{page.pk}/revisions/9/restore"), 404)
    response = api.post(f"{WS}/pages/{page.pk}/revisions/1/restore")
    assert response.status_code == 200, response.content
    assert response.json()["body"] == BODY and response.json()["version"] == 3
    assert response["ETag"] == f'"{page.pk}-3"'
    assert Revision.objects.get(page=page, number=3).author == owner


# --- Budgets and contracts -------------------------------------------------------------------


def test_page_list_queries_do_not_grow_with_pages(
    api_for, owner, member, space, django_assert_max_num_queries
):
    secret = services.page_create(actor=owner, space=space, title="Secret")
    services.page_set_restricted(actor=owner, page=secret, restricted=True)
    for n in range(4):
        services.page_create(actor=owner, space=space, title=f"Page {n}")
    api = api_for(member)
    api.get(f"{WS}/spaces/ops/pages")  # warm up (content types, token lookups…)
    with CaptureQueriesContext(connection) as few:
        assert len(api.get(f"{WS}/spaces/ops/pages").json()["items"]) == 4
    for n in range(45):
        services.page_create(actor=owner, space=space, title=f"More {n}")
    with django_assert_max_num_queries(len(few)):
        assert len(api.get(f"{WS}/spaces/ops/pages", {"limit": 200}).json()["items"]) == 49


def _openapi() -> dict[str, Any]:
    """The API's OpenAPI document, from the view that serves it (apps may not import
    keel.api; this runs at collection time too, without a database)."""
    api = resolve("/api/v1/openapi.json").func.keywords["api"]  # type: ignore[attr-defined]
    return api.get_openapi_schema()


def test_operation_ids_follow_the_contract():
    schema = _openapi()
    ids = {
        operation["operationId"]
        for path, item in schema["paths"].items()
        if re.search(r"/wiki/(spaces|pages)", path)
        for operation in item.values()
    }
    expected = {
        "space_list", "space_create", "space_detail", "space_update", "page_list",
        "page_create", "page_detail", "page_update", "page_move", "page_archive",
        "page_unarchive", "revision_list", "revision_detail", "revision_restore",
    }  # fmt: skip
    assert {f"keel_wiki_api_pages_{name}" for name in expected} <= ids


# --- Fuzz: no input is a 500 -----------------------------------------------------------------


def _wiki_operations() -> list[tuple[str, str, list[str]]]:
    """(method, path template, body field names) of every route of this module."""
    schema = _openapi()
    components = schema["components"]["schemas"]
    found = []
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if not operation["operationId"].startswith("keel_wiki_api_pages_"):
                continue
            ref = (
                operation.get("requestBody", {})
                .get("content", {})
                .get("application/json", {})
                .get("schema", {})
                .get("$ref", "")
            )
            fields = list(components[ref.rsplit("/", 1)[-1]]["properties"]) if ref else []
            found.append((method.upper(), path.removeprefix("/api/v1"), fields))
    return found


WILD_TEXT = st.text(
    alphabet=st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF), max_size=60
)
WILD = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False) | WILD_TEXT
    | st.sampled_from(["company", "private", "department", "page", "template", "read", "edit",
                       "none", "manage", "ops", "", " ", "x" * 201]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                 max_size=3),
    max_leaves=6,
)  # fmt: skip


@pytest.mark.parametrize(
    "operation", _wiki_operations(), ids=lambda o: f"{o[0]} {o[1].split('/wiki/')[1]}"
)
def test_fuzzed_requests_never_get_a_500(api_for, owner, member, space, page, operation):
    method, template, fields = operation
    # Tokens for both, and a browser session (its workspace lookup is a query).
    apis = [api_for(owner), api_for(member), api_client_for(Client(), member, session=True)]
    # A path value with "/" or none at all would be another URL (Django's 404), not this route.
    segment = WILD_TEXT.filter(lambda text: text and "/" not in text)
    ids = st.one_of(
        st.sampled_from([page.pk, 1, 2_000_000_000]),
        st.integers(min_value=-(2**70), max_value=2**70),
        segment,
    )
    # Values that pass the schema often, so the fuzz reaches the services too.
    plausible = st.one_of(
        st.text(min_size=1, max_size=12), st.integers(min_value=0, max_value=40),
        st.sampled_from([page.pk, space.pk, owner.pk, None, "line\n" * 3]),
    )  # fmt: skip
    values = {
        "slug": st.one_of(st.just("acme"), segment),
        "space_slug": st.one_of(st.just("ops"), segment),
        "page_id": ids,
        "number": ids,
    }

    @settings(
        max_examples=30,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        derandomize=True,
    )
    @given(
        path=st.fixed_dictionaries({k: v for k, v in values.items() if f"{{{k}}}" in template}),
        body=st.one_of(
            st.fixed_dictionaries({}, optional={name: plausible | WILD for name in fields}),
            WILD,
        ),
        query=st.dictionaries(st.sampled_from(["cursor", "limit", "archived"]), WILD_TEXT),
        if_match=st.one_of(st.none(), WILD_TEXT, st.just(f'"{page.pk}-1"'), st.just("*")),
        who=st.sampled_from([0, 1, 2]),
    )
    def run(path, body, query, if_match, who):
        api = apis[who]
        url = re.sub(r"{(\w+)}", lambda m: quote(str(path[m.group(1)]), safe=""), template)
        headers = dict(api.headers)
        if if_match is not None and "\r" not in if_match and "\n" not in if_match:
            headers["If-Match"] = if_match.encode("utf-8", "replace").decode("latin-1")
        response = api.client.generic(
            method, f"/api/v1{url}" + ("?" + "&".join(
                f"{k}={quote(v.encode('utf-8', 'replace'))}" for k, v in query.items()
            ) if query and method == "GET" else ""),
            json.dumps(body) if method != "GET" else "",
            content_type="application/json", headers=headers,
        )  # fmt: skip
        assert response.status_code < 500, (method, url, body, response.content[:500])
        if response.status_code >= 400:
            assert response["Content-Type"].startswith(PROBLEM), response.content[:300]

    run()
