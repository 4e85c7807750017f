"""Plumbing shared by every app's API router: who is calling, which workspace, errors, pages.

Routers resolve the caller's membership with `workspace_membership(request, slug)`, page lists
with `paginate(...)` and `page_schema(...)`, and leave every error to the problem handlers that
`install_problem_handlers(api)` sets on the NinjaAPI instance (RFC 9457 problem+json).
The route catalog is api_catalog.py; public (session-less) URLs use public_endpoints.py.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from http import HTTPStatus
from typing import TYPE_CHECKING, Annotated, Any, Protocol, Self, TypeVar, get_args, get_origin

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import APIKeyCookie, HttpBearer
from pydantic import ModelWrapValidatorHandler, ValidationInfo, create_model, model_validator
from pydantic import ValidationError as PydanticValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError

from keel.core.models import Membership
from keel.core.pagination import MAX_PAGE_SIZE, InvalidCursor
from keel.core.pagination import Page as Page  # re-exported for routers, beside PageParams
from keel.core.pagination import paginate as paginate

if TYPE_CHECKING:
    from ninja import NinjaAPI

logger = logging.getLogger("keel.api")

PROBLEM_CONTENT_TYPE = "application/problem+json"


# --- Who is calling ------------------------------------------------------------------------


class BoundToken(Protocol):
    """What the token authenticator returns: a token bound to one active membership."""

    @property
    def membership(self) -> Membership: ...


@dataclass(frozen=True)
class ApiCaller:
    """`request.auth` on every authenticated API request.

    `membership` is set for a personal access token (bound to exactly one workspace); it is
    None for a browser session, whose membership comes from the URL's workspace slug.
    `user` is the AUTH_USER_MODEL instance, typed by its Django base class so that core
    need not import the app that defines it.
    """

    user: AbstractBaseUser
    membership: Membership | None = None
    token: Any = None  # the ApiToken (accounts), typed loosely so core need not import it

    @property
    def via_token(self) -> bool:
        return self.token is not None


def api_caller(request: HttpRequest) -> ApiCaller:
    caller = getattr(request, "auth", None)
    if not isinstance(caller, ApiCaller):  # only reachable from a route declared auth=None
        raise AuthenticationError()
    return caller


class BearerTokenAuth(HttpBearer):
    """`Authorization: Bearer keel_...` personal access tokens.

    The function that checks a raw token is injected (keel/api.py passes
    `keel.accounts.tokens.token_authenticate`) so that `core` does not import `accounts`.
    A bearer header that does not authenticate is a 401 at once: we never fall back to the
    session, so a revoked token cannot be masked by a browser cookie.
    """

    def __init__(self, authenticate: Callable[[str], BoundToken | None]) -> None:
        self._authenticate = authenticate
        super().__init__()

    def authenticate(self, request: HttpRequest, token: str) -> ApiCaller | None:
        found = self._authenticate(token.strip()) if token else None
        if found is None:
            raise AuthenticationError(message=_("The API token is not valid or was revoked."))
        membership = found.membership
        return ApiCaller(user=membership.user, membership=membership, token=found)


def _csrf_failure(request: HttpRequest) -> bool:
    def _view(request: HttpRequest) -> HttpResponse:  # pragma: no cover - never called
        return HttpResponse()

    check = CsrfViewMiddleware(lambda r: HttpResponse())
    request.csrf_processing_done = False  # type: ignore[attr-defined]
    check.process_request(request)
    return check.process_view(request, _view, (), {}) is not None


class SessionAuth(APIKeyCookie):
    """The signed-in browser session, for same-origin pages; unsafe methods need the CSRF token.

    Unlike ninja's own SessionAuth, an anonymous request gets 401 (not a CSRF 403), and a
    signed-in request that fails CSRF gets a 403 problem.
    """

    param_name = settings.SESSION_COOKIE_NAME

    def _get_key(self, request: HttpRequest) -> str | None:
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request: HttpRequest, key: str | None) -> ApiCaller | None:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.is_active:
            return None
        exempt = getattr(request, "_ninja_csrf_exempt", False)  # a route marked csrf_exempt
        if self.csrf and not exempt and _csrf_failure(request):
            raise PermissionDenied(_("CSRF check failed. Reload the page and try again."))
        return ApiCaller(user=user)


# --- Which workspace -----------------------------------------------------------------------


def workspace_membership(request: HttpRequest, slug: str) -> Membership:
    """The caller's active membership in the workspace `slug`, or 404.

    Unknown workspace, non-member, offboarded member and a token of another workspace all
    give the same 404, so workspace names never leak. One query for a session, none for a
    token (its membership was loaded with it).
    """
    caller = api_caller(request)
    if caller.membership is not None:
        membership = caller.membership
        if membership.workspace.slug != slug or not membership.is_active:
            raise Http404
        return membership
    if "\x00" in slug:  # no workspace has one, and PostgreSQL refuses NUL in a query
        raise Http404
    found = (
        Membership.objects.select_related("workspace", "user")
        .filter(workspace__slug=slug, user_id=caller.user.pk, offboarded_at__isnull=True)
        .first()
    )
    if found is None:
        raise Http404
    return found


M = TypeVar("M", bound=models.Model)


def get_in_workspace(queryset: models.QuerySet[M], membership: Membership, pk: int) -> M:
    """The object `pk` of the membership's workspace, or 404 (other workspaces look absent)."""
    obj = queryset.filter(workspace_id=membership.workspace_id, pk=pk).first()
    if obj is None:
        raise Http404
    return obj


# --- Input shapes: what every request body and id is checked for -------------------------

# Ids are 64-bit row keys: a larger or non-positive number names nothing, and must be a 422
# here rather than an overflow in the database driver (`pk__in=[2**64]`).
MAX_ID = 2**63 - 1
Id = Annotated[int, Field(ge=1, le=MAX_ID)]


def _unstorable(text: str) -> bool:
    """NUL (PostgreSQL refuses it in text) or a lone UTF-16 surrogate (no database stores
    one; JSON's "\\ud800" escapes decode to it)."""
    return "\x00" in text or any("\ud800" <= ch <= "\udfff" for ch in text)


def _unstorable_location(
    value: Any, loc: tuple[str | int, ...] = ()
) -> tuple[str | int, ...] | None:
    """Where in a JSON value a string cannot be stored, or None."""
    if isinstance(value, str):
        return loc if _unstorable(value) else None
    if isinstance(value, Mapping):
        items: Any = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return None
    for key, item in items:
        if isinstance(key, str) and _unstorable(key):
            return (*loc, key)
        found = _unstorable_location(item, (*loc, key))
        if found is not None:
            return found
    return None


@cache
def _number_fields(schema: type[Schema]) -> frozenset[str]:
    """The names (and aliases) of `schema`'s fields that take a number and never a boolean."""
    names = set()
    for name, info in schema.model_fields.items():
        kinds = _leaf_types(info.annotation)
        if (int in kinds or float in kinds) and bool not in kinds:
            names.add(info.alias or name)
    return frozenset(names)


def _leaf_types(annotation: Any) -> set[Any]:
    """The plain types inside an annotation (`Id | None` → {int, NoneType})."""
    args = get_args(annotation)
    if not args:
        return {annotation}
    if get_origin(annotation) is Annotated:
        return _leaf_types(args[0])
    return set().union(*(_leaf_types(a) for a in args))


class InputSchema(Schema):
    """The base of every request body: a JSON object, and no NUL or lone surrogate in any of
    its strings (keys included); a number field refuses `true`/`false` (pydantic would read
    `"owner_seat_id": true` as the id 1).

    ninja's Schema reads its input through attribute access (to accept ORM objects), so a
    bare JSON string as a body had its str methods read as fields: `"hello"` gave
    `title="Hello"`. A body is data, never an object, so this replaces that reader.
    """

    @model_validator(mode="wrap")
    @classmethod
    def _run_root_validator(
        cls, values: Any, handler: ModelWrapValidatorHandler[Self], info: ValidationInfo
    ) -> Any:
        if not isinstance(values, Mapping):
            raise PydanticCustomError("object_type", _("Send a JSON object."))
        loc = _unstorable_location(values)
        if loc is not None:
            message = _("Remove the control characters from this text.")
            error = InitErrorDetails(
                type=PydanticCustomError("unstorable_text", message), loc=loc, input=""
            )
            raise PydanticValidationError.from_exception_data(cls.__name__, [error])
        for name in _number_fields(cls):
            if isinstance(values.get(name), bool):
                error = InitErrorDetails(
                    type=PydanticCustomError("int_type", _("Send a number.")),
                    loc=(name,), input=values[name],
                )  # fmt: skip
                raise PydanticValidationError.from_exception_data(cls.__name__, [error])
        return handler(values)


# --- Problem details (RFC 9457) ------------------------------------------------------------

PROBLEM_TYPE_BASE = "urn:keel:problem:"


class ProblemFieldError(Schema):
    loc: list[str | int]
    msg: str
    type: str


class Problem(Schema):
    """The body of every error response (content type application/problem+json)."""

    type: str
    title: str
    status: int
    detail: str
    errors: list[ProblemFieldError] | None = None


# Add to a route's `response=` so the OpenAPI schema documents its errors:
# `response={200: ThingOut, **ERROR_RESPONSES}`.
ERROR_RESPONSES: dict[int, type[Schema]] = {401: Problem, 403: Problem, 404: Problem, 422: Problem}


def use_problem_content_type(schema: dict[str, Any]) -> dict[str, Any]:
    """Document error responses (status >= 400) as application/problem+json, as they are sent,
    and the BODY_ERRORS any operation with a body may answer (not JSON, too large): they
    happen before the route runs, so no route can declare them."""
    for path_item in schema.get("paths", {}).values():
        for operation in path_item.values():
            responses = operation.get("responses", {})
            if "requestBody" in operation:
                for status, description in BODY_ERRORS.items():
                    responses.setdefault(str(status), {
                        "description": description,
                        "content": {PROBLEM_CONTENT_TYPE: {"schema": _problem_schema_ref(schema)}},
                    })  # fmt: skip
            for status, response in operation.get("responses", {}).items():
                content = response.get("content")
                if str(status)[0] in "45" and content and "application/json" in content:
                    response["content"] = {PROBLEM_CONTENT_TYPE: content["application/json"]}
    return schema


# What any operation with a body may answer before its route runs.
BODY_ERRORS = {
    400: "The body is not JSON.",
    413: "The body is larger than the server accepts (DATA_UPLOAD_MAX_MEMORY_SIZE).",
}


def _problem_schema_ref(schema: dict[str, Any]) -> dict[str, Any]:
    """A reference to the Problem schema, added to the components when no route named it."""
    schemas = schema.setdefault("components", {}).setdefault("schemas", {})
    if "Problem" not in schemas:
        definition = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
        schemas.update(definition.pop("$defs", {}))
        schemas["Problem"] = definition
    return {"$ref": "#/components/schemas/Problem"}


def problem_response(
    status: int,
    *,
    code: str,
    detail: str = "",
    title: str = "",
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> HttpResponse:
    """An `application/problem+json` response; `code` becomes the type `urn:keel:problem:<code>`."""
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE_BASE + code,
        "title": title or HTTPStatus(status).phrase,
        "status": status,
        "detail": detail or HTTPStatus(status).description,
    }
    if errors is not None:
        body["errors"] = errors
    response = HttpResponse(
        json.dumps(body, default=str), status=status, content_type=PROBLEM_CONTENT_TYPE
    )
    for name, value in (headers or {}).items():
        response[name] = value
    return response


# Routers name their body parameter `payload`; ninja puts that name in the error location
# (["body", "payload", "email"]), which we drop so that schema errors and service errors
# point at the same place: ["body", "email"].
BODY_PARAM = "payload"


def _ninja_field_errors(exc: NinjaValidationError) -> list[dict[str, Any]]:
    errors = []
    for error in exc.errors:
        loc = [part if isinstance(part, int) else str(part) for part in error.get("loc", ())]
        if loc[:2] == ["body", BODY_PARAM]:
            del loc[1]
        msg = str(error.get("msg", "")).removeprefix("Value error, ")
        errors.append({"loc": loc, "msg": msg, "type": str(error.get("type", ""))})
    return errors


def django_field_errors(
    exc: DjangoValidationError, *, prefix: str = "body"
) -> list[dict[str, Any]]:
    """A Django ValidationError as problem `errors`: `loc` is [prefix, field] or [prefix]."""
    errors: list[dict[str, Any]] = []
    if hasattr(exc, "error_dict"):
        for field, field_errors in exc.error_dict.items():
            loc: list[str | int] = [prefix] if field == "__all__" else [prefix, field]
            for error in field_errors:
                for message in error:  # iterating a ValidationError yields its formatted text
                    errors.append(
                        {"loc": loc, "msg": str(message), "type": error.code or "invalid"}
                    )
    else:
        for error in exc.error_list:
            for message in error:
                errors.append(
                    {"loc": [prefix], "msg": str(message), "type": error.code or "invalid"}
                )
    return errors


def _validation_problem(errors: list[dict[str, Any]]) -> HttpResponse:
    detail = "; ".join(e["msg"] for e in errors[:3]) or _("The request is not valid.")
    return problem_response(
        422,
        code="validation-error",
        title=_("Your request is not valid."),
        detail=detail,
        errors=errors,
    )


def install_problem_handlers(api: NinjaAPI) -> None:
    """Make every error the API returns an RFC 9457 problem (replaces ninja's defaults)."""

    def on_ninja_validation(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        return _validation_problem(_ninja_field_errors(exc))

    def on_django_validation(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
        return _validation_problem(django_field_errors(exc))

    def on_invalid_cursor(request: HttpRequest, exc: InvalidCursor) -> HttpResponse:
        return _validation_problem(exc.errors)

    def on_authentication(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        message = exc.message if exc.message != "Unauthorized" else ""
        return problem_response(
            401,
            code="not-authenticated",
            detail=message or _("Send a personal access token: Authorization: Bearer keel_…"),
            headers={"WWW-Authenticate": 'Bearer realm="keel"'},
        )

    def on_permission(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        return problem_response(
            403, code="permission-denied", detail=str(exc) or _("Your role does not allow this.")
        )

    def on_not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
        # Never echo the exception: it could name another workspace's object.
        return problem_response(404, code="not-found", detail=_("Nothing was found here."))

    def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        status = exc.status_code
        code = {
            400: "bad-request",
            403: "permission-denied",
            404: "not-found",
            429: "rate-limited",
        }.get(status, "http-error")
        detail = str(exc)
        if status == 400 and detail.startswith("Cannot parse request body"):  # ninja's words
            detail = _("The request body is not valid JSON.")
        return problem_response(status, code=code, detail=detail)

    def on_too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
        return problem_response(
            413, code="request-too-large", detail=_("The request body is too large.")
        )

    def on_server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
        from keel.core.outage import is_outage, unavailable_response

        if is_outage(exc):  # the database is away: 503 "try again", as pages answer
            logger.warning("API %s %s: database unavailable (%s)", request.method,
                           request.path, type(exc).__name__)  # fmt: skip
            return unavailable_response(request)
        logger.exception("API error on %s %s", request.method, request.path, exc_info=exc)
        return problem_response(
            500, code="server-error", detail=_("Something went wrong on our side.")
        )

    handlers: list[tuple[type[Exception], Callable[[HttpRequest, Any], HttpResponse]]] = [
        (NinjaValidationError, on_ninja_validation),
        (InvalidCursor, on_invalid_cursor),
        (DjangoValidationError, on_django_validation),
        (AuthenticationError, on_authentication),
        (PermissionDenied, on_permission),
        (Http404, on_not_found),
        (ObjectDoesNotExist, on_not_found),
        (HttpError, on_http_error),
        (RequestDataTooBig, on_too_big),
        (Exception, on_server_error),
    ]
    for exc_class, handler in handlers:
        api.add_exception_handler(exc_class, handler)


# --- Cursor pagination (keel.core.pagination, with the API's query schema) ------------------


class PageParams(Schema):
    """Query parameters of every list: `?cursor=<opaque>&limit=<1..200>`.

    Use as `params: Query[PageParams]` in a route and pass it to `paginate`.
    """

    cursor: str | None = Field(None, description="`next_cursor` of the previous page.")
    limit: int | None = Field(
        None,
        ge=1,
        le=MAX_PAGE_SIZE,
        description="Items per page (default: settings.KEEL_API_PAGE_SIZE).",
    )


@cache
def page_schema(item: type[Schema]) -> type[Schema]:
    """The response schema `{"items": [item], "next_cursor": str | null}` for a list route.

    `@router.get("/things", response=page_schema(ThingOut))` and return `paginate(...)`.
    """
    name = f"{item.__name__.removesuffix('Out')}Page"
    model: type[Schema] = create_model(
        name,
        __base__=Schema,
        items=(list[item], ...),  # type: ignore[valid-type]
        next_cursor=(str | None, None),
    )
    return model


@contextmanager
def api_field_names(names: Mapping[str, str]) -> Iterator[None]:
    """Re-raise a service's ValidationError with its fields as the API spells them
    (`parent` → `parent_id`), so a problem's `loc` names the field the client sent."""
    try:
        yield
    except DjangoValidationError as exc:
        if hasattr(exc, "error_dict"):
            raise DjangoValidationError(
                {names.get(k, k): v for k, v in exc.error_dict.items()}
            ) from exc
        raise
