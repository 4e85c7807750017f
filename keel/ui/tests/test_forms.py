"""`submit`, the page write path: validate, call the service, put its errors on the form."""

from __future__ import annotations

from typing import Any

import pytest
from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import RequestFactory

from keel.ui.forms import submit


class NameForm(forms.Form):
    name = forms.CharField(max_length=20)
    start = forms.CharField(required=False)


def _post(data: dict[str, str]) -> tuple[Any, NameForm]:
    return RequestFactory().post("/", data), NameForm(data)


def test_a_valid_post_calls_the_service_with_the_cleaned_data_and_returns_its_result():
    request, form = _post({"name": " Sales "})
    calls: list[dict[str, Any]] = []

    def service(data: dict[str, Any]) -> str:
        calls.append(data)
        return "saved"

    assert submit(request, form, service) == "saved"
    assert calls == [{"name": "Sales", "start": ""}]
    assert not form.errors


def test_a_get_neither_validates_nor_calls():
    request = RequestFactory().get("/")
    form = NameForm()
    assert submit(request, form, lambda data: pytest.fail("called on GET")) is None
    assert not form.is_bound and not form.errors


def test_an_invalid_form_does_not_call_the_service():
    request, form = _post({"name": ""})
    assert submit(request, form, lambda data: pytest.fail("called with bad input")) is None
    assert "name" in form.errors


def test_a_service_error_goes_beside_its_field_and_unknown_fields_above_the_form():
    request, form = _post({"name": "Sales"})

    def service(data: dict[str, Any]) -> str:
        raise ValidationError({"name": "Taken.", "elsewhere": "Not a field here."})

    assert submit(request, form, service) is None
    assert form.errors["name"] == ["Taken."]
    assert form.non_field_errors() == ["Not a field here."]


def test_a_service_error_without_a_field_goes_above_the_form():
    request, form = _post({"name": "Sales"})

    def service(data: dict[str, Any]) -> str:
        raise ValidationError("The workspace is read-only.")

    assert submit(request, form, service) is None
    assert form.non_field_errors() == ["The workspace is read-only."]


def test_field_names_map_the_services_names_to_the_forms():
    request, form = _post({"name": "Sales"})

    def service(data: dict[str, Any]) -> str:
        raise ValidationError({"dtstart_local": "Choose the first date."})

    assert submit(request, form, service, field_names={"dtstart_local": "start"}) is None
    assert form.errors["start"] == ["Choose the first date."]


def test_a_result_of_zero_counts_as_saved():
    request, form = _post({"name": "Sales"})
    assert submit(request, form, lambda data: 0) == 0


def test_permission_denied_propagates():
    request, form = _post({"name": "Sales"})

    def service(data: dict[str, Any]) -> str:
        raise PermissionDenied

    with pytest.raises(PermissionDenied):
        submit(request, form, service)
