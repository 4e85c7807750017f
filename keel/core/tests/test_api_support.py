"""API plumbing: problem details, cursor pagination, the route catalog, docs and schema pages."""

from __future__ import annotations

import base64
import json
import re
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from ninja import NinjaAPI, Query, Schema
from ninja.errors import AuthenticationError
from ninja.testing import TestClient

from keel.core.api_catalog import api_route_catalog
from keel.core.api_support import (
    PROBLEM_CONTENT_TYPE,
    PageParams,
    django_field_errors,
    install_problem_handlers,
    page_schema,
    paginate,
    problem_response,
)
from keel.core.models import Membership, Workspace
from keel.core.pagination import InvalidCursor
from keel.core.tests.factories import MembershipFactory, WorkspaceFactory

# --- Problem details ------------------------------------------------------------------------


class In(Schema):  # at module level: route annotations are strings under `from __future__`
    email: str
    count: int


def _problem_api() -> NinjaAPI:
    api = NinjaAPI(urls_namespace="problem-test")
    install_problem_handlers(api)

    @api.get("/denied")
    def denied(request):
        raise PermissionDenied("Not for you.")

    @api.get("/missing")
    def missing(request):
        raise Http404("workspace secret-name")

    @api.get("/gone")
    def gone(request):
        return Workspace.objects.get(slug="does-not-exist")

    @api.get("/anon")
    def anon(request):
        raise AuthenticationError()

    @api.get("/field")
    def field(request):
        raise ValidationError({"email": "Taken.", "__all__": "Whole form."})

    @api.get("/plain")
    def plain(request):
        raise ValidationError("Just wrong.", code="wrong")

    @api.post("/body")
    def body(request, payload: In):
        return {}

    @api.get("/boom")
    def boom(request):
        raise RuntimeError("database password is hunter2")

    return api


@pytest.fixture(scope="module")
def problem_client():
    return TestClient(_problem_api())


def _problem(response, status):
    assert response.status_code == status
    assert response["Content-Type"] == PROBLEM_CONTENT_TYPE
    body = json.loads(response.content)
    assert {"type", "title", "status", "detail"} <= set(body)
    assert body["status"] == status
    return body


def test_permission_denied_is_403(problem_client, db):
    body = _problem(problem_client.get("/denied"), 403)
    assert body["type"] == "urn:keel:problem:permission-denied"
    assert body["detail"] == "Not for you."


@pytest.mark.parametrize("path", ["/missing", "/gone"])
def test_http404_and_does_not_exist_are_404_without_echo(problem_client, db, path):
    body = _problem(problem_client.get(path), 404)
    assert body["type"] == "urn:keel:problem:not-found"
    assert "secret-name" not in json.dumps(body)


def test_authentication_error_is_401_with_challenge(problem_client, db):
    response = problem_client.get("/anon")
    _problem(response, 401)
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_django_validation_error_maps_fields(problem_client, db):
    body = _problem(problem_client.get("/field"), 422)
    assert body["type"] == "urn:keel:problem:validation-error"
    assert {"loc": ["body", "email"], "msg": "Taken.", "type": "invalid"} in body["errors"]
    assert {"loc": ["body"], "msg": "Whole form.", "type": "invalid"} in body["errors"]


def test_django_validation_error_without_fields(problem_client, db):
    body = _problem(problem_client.get("/plain"), 422)
    assert body["errors"] == [{"loc": ["body"], "msg": "Just wrong.", "type": "wrong"}]


def test_schema_errors_point_at_fields_without_param_name(problem_client, db):
    body = _problem(problem_client.post("/body", json={"count": "many"}), 422)
    locs = sorted(e["loc"] for e in body["errors"])
    assert locs == [["body", "count"], ["body", "email"]]
    assert all(set(e) == {"loc", "msg", "type"} for e in body["errors"])


def test_unexpected_error_is_500_problem_without_details(problem_client, db, caplog):
    body = _problem(problem_client.get("/boom"), 500)
    assert "hunter2" not in json.dumps(body)
    assert "hunter2" in caplog.text  # logged for us, not shown to the caller


def test_problem_response_defaults_title_and_detail():
    response = problem_response(404, code="not-found")
    body = json.loads(response.content)
    assert body["title"] == "Not Found"
    assert body["detail"]
    assert "errors" not in body


def test_django_field_errors_with_params():
    exc = ValidationError({"name": ValidationError("%(n)s is taken.", params={"n": "Ops"})})
    assert django_field_errors(exc) == [{"loc": ["body", "name"], "msg": "Ops is taken.",
                                         "type": "invalid"}]  # fmt: skip


# --- Cursor pagination ----------------------------------------------------------------------


def _walk(queryset, order_by, limit):
    seen, cursor, pages = [], None, 0
    while True:
        page = paginate(queryset, PageParams(cursor=cursor, limit=limit), order_by=order_by)
        seen += [obj.pk for obj in page.items]
        pages += 1
        cursor = page.next_cursor
        if cursor is None:
            return seen, pages


@pytest.fixture
def shops(db):
    # Ties on the sort key (three "b"s) must be broken by id, never skipped or repeated.
    names = ["c", "b", "a", "b", "d", "b", "e"]
    return [WorkspaceFactory(name=name) for name in names]


@pytest.mark.parametrize("limit", [1, 2, 3, 7, 50])
def test_paginate_by_field_with_ties_visits_each_row_once_in_order(shops, limit):
    seen, pages = _walk(Workspace.objects.all(), "name", limit)
    expected = [w.pk for w in sorted(shops, key=lambda w: (w.name, w.pk))]
    assert seen == expected
    assert pages == -(-len(shops) // limit)


def test_paginate_descending(shops):
    seen, _ = _walk(Workspace.objects.all(), "-name", 2)
    assert seen == [w.pk for w in sorted(shops, key=lambda w: (w.name, w.pk), reverse=True)]


def test_paginate_by_id(shops):
    seen, _ = _walk(Workspace.objects.all(), "id", 3)
    assert seen == sorted(w.pk for w in shops)


def test_paginate_by_datetime_with_ties(shops):
    same = shops[0].created_at
    Workspace.objects.filter(pk__in=[w.pk for w in shops[:4]]).update(created_at=same)
    Workspace.objects.filter(pk=shops[5].pk).update(created_at=same - timedelta(days=1))
    rows = sorted(Workspace.objects.all(), key=lambda w: (w.created_at, w.pk), reverse=True)
    seen, _ = _walk(Workspace.objects.all(), "-created_at", 2)
    assert seen == [w.pk for w in rows]


def test_paginate_by_related_field(db):
    ws = WorkspaceFactory()
    MembershipFactory.create_batch(5, workspace=ws)
    qs = Membership.objects.in_workspace(ws).select_related("user")
    seen, _ = _walk(qs, "user__email", 2)
    assert seen == [m.pk for m in sorted(qs, key=lambda m: (m.user.email, m.pk))]


def test_paginate_one_query_per_page(shops, django_assert_num_queries):
    with django_assert_num_queries(1):
        page = paginate(Workspace.objects.all(), PageParams(limit=3), order_by="name")
    with django_assert_num_queries(1):
        params = PageParams(cursor=page.next_cursor, limit=3)
        paginate(Workspace.objects.all(), params, order_by="name")


def test_paginate_default_limit_from_settings(shops, settings):
    settings.KEEL_API_PAGE_SIZE = 4
    page = paginate(Workspace.objects.all(), PageParams(), order_by="name")
    assert len(page.items) == 4 and page.next_cursor


def test_cursor_is_urlsafe_base64_of_sort_key_and_id(shops):
    page = paginate(Workspace.objects.all(), PageParams(limit=1), order_by="name")
    cursor = page.next_cursor
    assert re.fullmatch(r"[A-Za-z0-9_-]+", cursor)
    decoded = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    assert decoded == [page.items[0].name, page.items[0].pk]


@pytest.mark.parametrize(
    "cursor",
    [
        "%%%",
        "bm9wZQ",  # "nope"
        base64.urlsafe_b64encode(b'["a", "x"]').decode(),  # id not an int
        base64.urlsafe_b64encode(b'["a", true]').decode(),
        base64.urlsafe_b64encode(b'["a"]').decode(),
        base64.urlsafe_b64encode(b"\xff\xfe").decode(),
    ],
)
def test_invalid_cursor_raises(shops, cursor):
    with pytest.raises(InvalidCursor) as info:
        paginate(Workspace.objects.all(), PageParams(cursor=cursor), order_by="name")
    assert info.value.errors[0]["loc"] == ["query", "cursor"]


def test_invalid_datetime_cursor_raises(shops):
    cursor = base64.urlsafe_b64encode(b'["yesterday", 1]').decode()
    with pytest.raises(InvalidCursor):
        paginate(Workspace.objects.all(), PageParams(cursor=cursor), order_by="created_at")


def test_page_params_bounds():
    with pytest.raises(Exception):  # noqa: B017 - pydantic's error type
        PageParams(limit=0)
    with pytest.raises(Exception):  # noqa: B017
        PageParams(limit=201)
    assert PageParams(limit=200).limit == 200


def test_page_schema_is_cached_and_shaped():
    class ThingOut(Schema):
        id: int

    schema = page_schema(ThingOut)
    assert schema is page_schema(ThingOut)
    assert schema.__name__ == "ThingPage"
    assert set(schema.model_fields) == {"items", "next_cursor"}


def test_paginate_in_a_route_returns_items_and_next_cursor(shops):
    api = NinjaAPI(urls_namespace="page-test")
    install_problem_handlers(api)

    class ShopOut(Schema):
        id: int
        name: str

    @api.get("/shops", response=page_schema(ShopOut))
    def shops_view(request, params: Query[PageParams]):
        return paginate(Workspace.objects.all(), params, order_by="name")

    client = TestClient(api)
    body = client.get("/shops?limit=5").json()
    assert len(body["items"]) == 5 and body["next_cursor"]
    body = client.get(f"/shops?limit=5&cursor={body['next_cursor']}").json()
    assert len(body["items"]) == 2 and body["next_cursor"] is None
    response = client.get("/shops?cursor=junk")
    assert response.status_code == 422
    assert response["Content-Type"] == PROBLEM_CONTENT_TYPE


# --- Route catalog, schema and docs ---------------------------------------------------------


def test_route_catalog_lists_every_operation_and_matches_openapi(client):
    from keel.api import api

    routes = api_route_catalog(api)
    catalog = [(route.method, route.template) for route in routes]
    assert ("GET", "/api/v1/me", "keel.accounts.api.routes") in routes
    assert ("GET", "/api/v1/me") in catalog
    assert ("PATCH", "/api/v1/workspaces/{slug}/members/{member_id}") in catalog
    assert ("PUT", "/api/v1/workspaces/{slug}/groups/{group_id}/members") in catalog
    assert len(catalog) == len(set(catalog))
    schema = client.get("/api/v1/openapi.json").json()
    documented = {(method.upper(), path) for path, ops in schema["paths"].items() for method in ops}
    assert set(catalog) == documented


def test_openapi_documents_auth_and_problem_errors(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["components"]["securitySchemes"]["BearerTokenAuth"]["scheme"] == "bearer"
    for path, ops in schema["paths"].items():
        for method, op in ops.items():
            assert op.get("security"), (method, path)
            for status, resp in op["responses"].items():
                if status.startswith(("4", "5")):
                    assert list(resp["content"]) == [PROBLEM_CONTENT_TYPE], (method, path)


def test_docs_page_uses_local_static_files_and_no_inline_script(client, owner):
    client.force_login(owner.user)  # the docs page asks for sign-in when DEBUG is off
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html), "loads from another host"
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, flags=re.S)
    assert scripts
    for attrs, content in scripts:
        if "src=" in attrs:
            assert not content.strip()
        else:
            # Only the JSON settings block, which is data, not code (CSP does not run it).
            assert 'type="application/json"' in attrs
    sources = re.findall(r"""(?:src|href)=["']([^"']+)""", html)
    assert "/static/ninja/swagger-ui-init.js" in sources
    assert "/static/ninja/swagger-ui-bundle.js" in sources
    for url in sources:
        if url.startswith("/static/"):
            assert client.get(url).status_code == 200, url
    csp = response["Content-Security-Policy"]
    assert "script-src 'self';" in csp
    assert "style-src 'self' 'unsafe-inline'" in csp
