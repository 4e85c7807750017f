"""Plumbing shared by every app's API router: who is calling, which workspace, errors, pages.

Routers resolve the caller's membership with `workspace_membership(request, slug)`, page lists
with `paginate(...)` and `page_schema(...)`, and leave every error to the problem handlers that
`install_problem_handlers(api)` sets on the NinjaAPI instance (RFC 9457 problem+json).
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from functools import cache
from http import HTTPStatus
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar
from uuid import UUID

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist, PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import APIKeyCookie, HttpBearer
from pydantic import create_model

from keel.core.models import Membership

if TYPE_CHECKING:
    from ninja import NinjaAPI

    from keel.accounts.models import User

logger = logging.getLogger("keel.api")

PROBLEM_CONTENT_TYPE = "application/problem+json"
MAX_PAGE_SIZE = 200


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
    """

    user: User
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
    found = (
        Membership.objects.select_related("workspace", "user")
        .filter(workspace__slug=slug, user=caller.user, offboarded_at__isnull=True)
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
    """Document error responses (status >= 400) as application/problem+json, as they are sent."""
    for path_item in schema.get("paths", {}).values():
        for operation in path_item.values():
            for status, response in operation.get("responses", {}).items():
                content = response.get("content")
                if str(status)[0] in "45" and content and "application/json" in content:
                    response["content"] = {PROBLEM_CONTENT_TYPE: content["application/json"]}
    return schema


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
        return problem_response(status, code=code, detail=str(exc))

    def on_server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
        logger.exception("API error on %s %s", request.method, request.path, exc_info=exc)
        return problem_response(
            500, code="server-error", detail=_("Something went wrong on our side.")
        )

    handlers: list[tuple[type[Exception], Callable[[HttpRequest, Any], HttpResponse]]] = [
        (NinjaValidationError, on_ninja_validation),
        (DjangoValidationError, on_django_validation),
        (AuthenticationError, on_authentication),
        (PermissionDenied, on_permission),
        (Http404, on_not_found),
        (ObjectDoesNotExist, on_not_found),
        (HttpError, on_http_error),
        (Exception, on_server_error),
    ]
    for exc_class, handler in handlers:
        api.add_exception_handler(exc_class, handler)


# --- Cursor pagination ---------------------------------------------------------------------


class InvalidCursor(NinjaValidationError):
    """A cursor that was not made by `paginate` for this ordering (a 422 on `query.cursor`)."""

    def __init__(self) -> None:
        message = _("This cursor is not valid. Start again without one.")
        super().__init__([{"loc": ["query", "cursor"], "msg": message, "type": "invalid_cursor"}])


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


T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    next_cursor: str | None


def _json_value(value: Any) -> Any:
    """A sort value as JSON; the sort field's `to_python` turns it back when decoding."""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal | UUID):
        return str(value)
    return value


def _encode_cursor(sort_value: Any, pk: Any) -> str:
    raw = json.dumps([_json_value(sort_value), pk], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _sort_field(model: type[models.Model], path: str) -> models.Field[Any, Any]:
    """The model field at a `__` path such as "user__email"."""
    current: type[models.Model] = model
    field: Any = None
    for part in path.split("__"):
        field = current._meta.get_field(part)
        if field.is_relation and field.related_model is not None:
            current = field.related_model
    if field is None or field.is_relation:
        raise FieldDoesNotExist(f"Cannot paginate on {path!r}: not a concrete value.")
    return field  # type: ignore[no-any-return]


def _decode_cursor(cursor: str, field: models.Field[Any, Any]) -> tuple[Any, int]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        sort_raw, pk = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
        if not isinstance(pk, int) or isinstance(pk, bool):
            raise ValueError(pk)
        sort_value = field.to_python(sort_raw)
    except (ValueError, TypeError, UnicodeError, binascii.Error, DjangoValidationError) as exc:
        raise InvalidCursor() from exc
    return sort_value, pk


def _value_at(obj: Any, path: str) -> Any:
    for part in path.split("__"):
        obj = getattr(obj, part)
    return obj


def paginate(
    queryset: models.QuerySet[M],
    params: PageParams,
    *,
    order_by: str = "id",
) -> Page[M]:
    """One page of `queryset`, keyset-paginated on (`order_by`, id).

    `order_by` is a field path ("name", "user__email", "-created_at"; a leading "-" sorts
    descending); the sort field must be non-null. Ties are broken by the primary key, so the
    order is total and stable: walking `next_cursor` visits every row exactly once even when
    rows are added meanwhile. One SQL query per page (plus the queryset's own prefetches);
    no COUNT. The cursor is urlsafe base64 of JSON `[last_sort_value, last_id]`; a cursor
    that cannot be decoded raises `InvalidCursor` (a 422 problem with a `cursor` error).
    """
    descending = order_by.startswith("-")
    path = order_by.lstrip("-")
    field = _sort_field(queryset.model, path)
    limit = params.limit or settings.KEEL_API_PAGE_SIZE
    limit = max(1, min(limit, MAX_PAGE_SIZE))

    if path in {"id", "pk"}:
        ordering = ["-pk"] if descending else ["pk"]
    else:
        ordering = [f"-{path}", "-pk"] if descending else [path, "pk"]
    qs = queryset.order_by(*ordering)

    if params.cursor:
        sort_value, last_pk = _decode_cursor(params.cursor, field)
        op = "lt" if descending else "gt"
        if path in {"id", "pk"}:
            qs = qs.filter(**{f"pk__{op}": last_pk})
        else:
            qs = qs.filter(
                models.Q(**{f"{path}__{op}": sort_value})
                | models.Q(**{path: sort_value, f"pk__{op}": last_pk})
            )

    rows = list(qs[: limit + 1])
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        last = rows[-1]
        next_cursor = _encode_cursor(
            last.pk if path in {"id", "pk"} else _value_at(last, path), last.pk
        )
    return Page(items=rows, next_cursor=next_cursor)


@cache
def page_schema(item: type[Schema]) -> type[Schema]:
    """The response schema `{"items": [item], "next_cursor": str | null}` for a list route.

    `@router.get("/things", response=page_schema(ThingOut))` and return `paginate(...)`.
    """
    name = f"{item.__name__.removesuffix('Out')}Page"
    model: type[Schema] = create_model(  # type: ignore[call-overload]
        name,
        __base__=Schema,
        items=(list[item], ...),  # type: ignore[valid-type]
        next_cursor=(str | None, None),
    )
    return model


# --- Route catalog -------------------------------------------------------------------------


def api_route_catalog(api: NinjaAPI | None = None) -> list[tuple[str, str]]:
    """Every (METHOD, path template) the API serves, e.g. ("GET", "/api/v1/workspaces/{slug}").

    For the isolation harness, which must cover every route: it walks the API's bound
    routers (the same structure ninja builds its URL patterns and OpenAPI paths from), so a
    route added by any app's router shows up here without registering it twice. Path
    converters are dropped ("{int:id}" → "{id}"). Defaults to the project's `keel.api.api`.
    The OpenAPI docs and schema pages are not included.
    """
    import re

    from django.urls import reverse

    if api is None:
        from keel.api import api as project_api

        api = project_api
    root = reverse(f"{api.urls_namespace}:api-root").rstrip("/")
    routes: list[tuple[str, str]] = []
    for bound in api._get_bound_routers():
        for sub_path, path_view in bound.path_operations.items():
            joined = "/".join(p.strip("/") for p in (bound.prefix, sub_path) if p.strip("/"))
            template = re.sub(r"{[^}:]+:", "{", f"{root}/{joined}")
            for operation in path_view.operations:
                routes.extend((method.upper(), template) for method in operation.methods)
    return sorted(set(routes), key=lambda r: (r[1], r[0]))
