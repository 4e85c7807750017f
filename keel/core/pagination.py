"""Keyset (cursor) pagination for lists too long to count: one query per page, stable order.

Pages and API routes share it: `paginate(queryset, params, order_by=...)` returns a `Page`
whose `next_cursor` is opaque to the client. The API layer (`core.api_support`) adds the
query-parameter schema and turns `InvalidCursor` into a 422 problem.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any, Generic, Protocol, TypeVar, cast
from uuid import UUID

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.utils.translation import gettext as _

MAX_PAGE_SIZE = 200

M = TypeVar("M", bound=models.Model)
T = TypeVar("T")


class InvalidCursor(ValueError):
    """A cursor that was not made for this list and ordering (edited, stale or foreign).

    `errors` is in the shape of a request validation error, so the API answers 422 with the
    error on `query.cursor`; a page shows the first page instead.
    """

    def __init__(self) -> None:
        message = _("This cursor is not valid. Start again without one.")
        self.errors: list[dict[str, Any]] = [
            {"loc": ["query", "cursor"], "msg": message, "type": "invalid_cursor"}
        ]
        super().__init__(message)


class PageRequest(Protocol):
    """What `paginate` reads from a request: `cursor` and `limit` (the API's `PageParams`)."""

    @property
    def cursor(self) -> str | None: ...

    @property
    def limit(self) -> int | None: ...


class SortValueParser(Protocol):
    """What `decode_cursor` turns the cursor's sort value back with: a model field, or a list's
    own parser when one cursor serves several fields (tasks' list)."""

    def to_python(self, value: Any) -> Any: ...


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    next_cursor: str | None


def json_value(value: Any) -> Any:
    """A sort value as JSON; the sort field's `to_python` turns it back when decoding."""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal | UUID):
        return str(value)
    return value


def encode_cursor(sort_value: Any, pk: Any) -> str:
    """Urlsafe base64 (unpadded) of JSON `[sort_value, pk]`."""
    raw = json.dumps([json_value(sort_value), pk], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def sort_field(model: type[models.Model], path: str) -> models.Field[Any, Any]:
    """The model field at a `__` path such as "user__email"."""
    current: type[models.Model] = model
    field: Any = None
    for part in path.split("__"):
        field = current._meta.get_field(part)
        if field.is_relation and field.related_model is not None:
            current = field.related_model
    if field is None or field.is_relation:
        raise FieldDoesNotExist(f"Cannot paginate on {path!r}: not a concrete value.")
    return cast("models.Field[Any, Any]", field)


def decode_cursor(cursor: str, field: SortValueParser) -> tuple[Any, int]:
    """(sort value, pk) of a cursor made by `encode_cursor`; raises `InvalidCursor`, also when
    `field.to_python` raises ValueError, TypeError or ValidationError on the sort value."""
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
    params: PageRequest,
    *,
    order_by: str = "id",
) -> Page[M]:
    """One page of `queryset`, keyset-paginated on (`order_by`, id).

    `order_by` is a field path ("name", "user__email", "-created_at"; a leading "-" sorts
    descending); the sort field must be non-null. Ties are broken by the primary key, so the
    order is total and stable: walking `next_cursor` visits every row exactly once even when
    rows are added meanwhile. One SQL query per page (plus the queryset's own prefetches);
    no COUNT. The cursor is urlsafe base64 of JSON `[last_sort_value, last_id]`; a cursor
    that cannot be decoded raises `InvalidCursor`.
    """
    descending = order_by.startswith("-")
    path = order_by.lstrip("-")
    field = sort_field(queryset.model, path)
    limit = params.limit or settings.KEEL_API_PAGE_SIZE
    limit = max(1, min(limit, MAX_PAGE_SIZE))

    if path in {"id", "pk"}:
        ordering = ["-pk"] if descending else ["pk"]
    else:
        ordering = [f"-{path}", "-pk"] if descending else [path, "pk"]
    qs = queryset.order_by(*ordering)

    if params.cursor:
        sort_value, last_pk = decode_cursor(params.cursor, field)
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
        next_cursor = encode_cursor(
            last.pk if path in {"id", "pk"} else _value_at(last, path), last.pk
        )
    return Page(items=rows, next_cursor=next_cursor)
