"""Form helpers every app's pages share: the page write path (`submit`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest

T = TypeVar("T")


def add_service_errors(
    form: forms.BaseForm, error: ValidationError, field_names: Mapping[str, str] | None = None
) -> None:
    """Show a service's ValidationError beside the matching field, else above the form.

    `field_names` maps a service's field name to the form's where they differ.
    """
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            name = (field_names or {}).get(name, name)
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def submit(
    request: HttpRequest,
    form: forms.BaseForm,
    call: Callable[[dict[str, Any]], T],
    *,
    field_names: Mapping[str, str] | None = None,
) -> T | None:
    """The page write path: validate `form`, call the service, show its errors on the form.

    On a POST with a valid form, returns `call(form.cleaned_data)` — the service's result.
    Returns None when nothing was saved: not a POST, the form invalid, or the service raised
    ValidationError, whose messages are then put beside the matching fields (`field_names`
    maps a service's field name to the form's where they differ) and the rest above the
    form. The view then renders the form again (`form.errors` is set after a failed POST).
    PermissionDenied and every other error propagate.

    `call` must return something other than None when it saves (return the saved object),
    and the view tests the result with `is not None` (a count may be 0)::

        group = submit(request, form, lambda data: services.group_create(
            actor=actor, context=AuditContext.from_request(request), **data))
        if group is not None:
            return redirect("group_detail", ws=ws, pk=group.pk)
        return render(request, template, {"form": form}, status=400 if form.errors else 200)
    """
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        return call(form.cleaned_data)
    except ValidationError as error:
        add_service_errors(form, error, field_names)
        return None
