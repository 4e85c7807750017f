"""The API's shared input rules (keel.core.api_support, keel.core.validators): every body is a
JSON object without NUL, ids are 64-bit, an unparseable body is a documented 400 problem,
names are one printable line, and public endpoints never show a debug page."""

from __future__ import annotations

from typing import Any, get_args

import pytest
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory
from ninja.params.models import BodyModel
from pydantic import ValidationError as PydanticValidationError

from keel.accounts.services.groups import group_create
from keel.accounts.services.workspaces import workspace_create
from keel.api import api
from keel.core.api_support import Id, InputSchema
from keel.core.public_endpoints import public_errors
from keel.core.tests.api_client import PROBLEM, assert_problem
from keel.core.validators import clean_line, printable_line
from keel.goals import services as goal_services
from keel.wiki import services as wiki_services


class _Thing(InputSchema):
    title: str = ""
    ids: list[Id] = []


def test_every_request_body_of_the_api_is_an_input_schema() -> None:
    """A body schema that skips InputSchema reads a bare JSON string through str's methods
    (`"hello"` became title "Hello") and lets NUL reach PostgreSQL."""
    bodies = []
    for router in api._get_bound_routers():
        for path_view in router.path_operations.values():
            for operation in path_view.operations:
                for model in operation.models:
                    if issubclass(model, BodyModel):
                        bodies += [(operation.view_func.__name__, field.annotation)
                                   for field in model.model_fields.values()]  # fmt: skip
    assert bodies
    wrong = [
        name
        for name, annotation in bodies
        # `Schema | None` is an optional body: its schema must be one too.
        for schema in (get_args(annotation) or (annotation,))
        if schema is not type(None)
        and not (isinstance(schema, type) and issubclass(schema, InputSchema))
    ]
    assert wrong == [], f"body schemas must derive from InputSchema: {wrong}"


@pytest.mark.parametrize("value", ["hello", ["title"], 42, None, True])
def test_input_schema_refuses_anything_but_an_object(value: Any) -> None:
    with pytest.raises(PydanticValidationError) as caught:
        _Thing.model_validate(value)
    assert caught.value.errors()[0]["type"] == "object_type"


@pytest.mark.parametrize(
    ("value", "loc"),
    [
        ({"title": "a\x00b"}, ("title",)),
        ({"title": "lone \ud800 surrogate"}, ("title",)),
        ({"ids": [1], "extra": {"deep": ["ok", "n\x00"]}}, ("extra", "deep", 1)),
    ],
)
def test_input_schema_points_at_text_no_database_can_store(value: Any, loc: tuple) -> None:
    with pytest.raises(PydanticValidationError) as caught:
        _Thing.model_validate(value)
    assert caught.value.errors()[0]["loc"] == loc


@pytest.mark.parametrize("ids", [[0], [-1], [2**63], [2**64]])
def test_ids_are_positive_64_bit_integers(ids: list[int]) -> None:
    with pytest.raises(PydanticValidationError):
        _Thing.model_validate({"ids": ids})
    assert _Thing.model_validate({"ids": [1, 2**63 - 1]}).ids == [1, 2**63 - 1]


@pytest.mark.parametrize("status", ["400", "413"])
def test_every_operation_with_a_body_documents_its_body_problems(status: str) -> None:
    schema = api.get_openapi_schema()
    missing = [
        f"{method.upper()} {path}"
        for path, item in schema["paths"].items()
        for method, operation in item.items()
        if "requestBody" in operation
        and PROBLEM not in operation["responses"].get(status, {}).get("content", {})
    ]
    assert missing == []
    assert "Problem" in schema["components"]["schemas"]


@pytest.mark.django_db
def test_unparseable_json_is_a_400_problem(client: Any, owner: Any, api_for: Any) -> None:
    token = api_for(owner).headers
    response = client.post(
        "/api/v1/workspaces/acme/goals", data="{not json", content_type="application/json",
        headers=token,
    )  # fmt: skip
    body = assert_problem(response, 400)
    assert body["type"] == "urn:keel:problem:bad-request"


@pytest.mark.django_db
def test_a_body_larger_than_the_server_reads_is_a_413_problem(
    client: Any, owner: Any, api_for: Any, settings: Any
) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = '{"title": "' + "x" * 2000 + '", "target_year": 2030}'
    response = client.post(
        "/api/v1/workspaces/acme/goals", data=body, content_type="application/json",
        headers=api_for(owner).headers,
    )  # fmt: skip
    assert assert_problem(response, 413)["type"] == "urn:keel:problem:request-too-large"


@pytest.mark.parametrize("text", ["Tea\nCups", "Tea\rCups", "Tea\x00", "Tea\tCups", "Tea\x7f"])
def test_clean_line_refuses_control_characters(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        clean_line(text, field="name", max_length=80)
    assert "name" in caught.value.message_dict


def test_clean_line_refuses_what_does_not_fit_instead_of_cutting_it() -> None:
    assert clean_line("  Tea cups  ", field="name", max_length=8) == "Tea cups"
    with pytest.raises(ValidationError):
        clean_line("Tea cups!", field="name", max_length=8)
    with pytest.raises(ValidationError):
        clean_line(" ", field="name", max_length=8, required="Give it a name.")
    assert clean_line(" ", field="name", max_length=8) == ""


def test_printable_line_makes_old_rows_safe_to_write() -> None:
    assert printable_line("Tea\r\nCups\x00") == "Tea  Cups "


def test_public_endpoints_never_show_the_debug_page(settings: Any) -> None:
    settings.DEBUG = True

    @public_errors
    def broken(request: HttpRequest) -> HttpResponse:
        raise RuntimeError("secret detail")

    response = broken(RequestFactory().get("/feeds/x.ics"))
    assert response.status_code == 500
    assert response["Content-Type"] == PROBLEM
    assert b"secret detail" not in response.content


# Every name people give a thing refuses control characters at its service, whichever entry
# point (page, API, import) called it: CR/LF and the like end up in feeds, mail headers and
# exports. (Tasks, goals, milestones, departments and seats have their own tests.)
def _page(owner: Any, bad: str) -> Any:
    space = wiki_services.space_create(actor=owner, name="Ops", slug="ops")
    return wiki_services.page_create(actor=owner, space=space, title=bad, body="")


NAMED = {
    "workspace": lambda owner, bad: workspace_create(
        user=owner.user, name=bad, slug="bad-shop", email_domain="bad.example"
    ),
    "group": lambda owner, bad: group_create(actor=owner, name=bad, alias="bad"),
    "wiki space": lambda owner, bad: wiki_services.space_create(actor=owner, name=bad, slug="bad"),
    "wiki page": _page,
    "core value": lambda owner, bad: goal_services.value_create(actor=owner, title=bad),
}


@pytest.mark.django_db
@pytest.mark.parametrize("what", sorted(NAMED))
def test_names_refuse_control_characters_at_the_service(what: str, owner: Any) -> None:
    with pytest.raises(ValidationError) as refused:
        NAMED[what](owner, "Bad\x07name")
    assert "control characters" in str(refused.value)
