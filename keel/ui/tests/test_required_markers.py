"""The required marker (*) appears on a field exactly when the field is required.

The main forms are rendered as their pages show them; for every label the test compares the
marker with the form field's `required` (and the control's `required` attribute). A field the
user may leave empty (an FTE that defaults to full time, the currency of an optional cost)
must not carry an asterisk.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest
from django import forms
from django.urls import reverse

from keel.org.models import Seat

pytestmark = pytest.mark.django_db

MARKER = '<span class="required" aria-hidden="true">*</span>'


def _labels(html: str) -> dict[str, bool]:
    """Label target id -> whether the label carries the marker (Keel's field component)."""
    found = {}
    for match in re.finditer(r'<label for="([^"]+)">(.*?)</label>', html, re.DOTALL):
        found[match.group(1)] = MARKER in match.group(2)
    return found


def _forms(response) -> list[forms.BaseForm]:
    """Every form the page's templates were given (a page may render several)."""
    found: dict[int, forms.BaseForm] = {}
    for context in response.context or []:
        for value in context.flatten().values():
            if isinstance(value, forms.BaseForm):
                found[id(value)] = value
    return list(found.values())


def _mismatches(response) -> tuple[int, list[str]]:
    """(labels checked, labels whose marker disagrees with the field's `required`)."""
    labels = _labels(response.content.decode())
    checked, wrong = 0, []
    for form in _forms(response):
        for bound in form.visible_fields():
            if bound.id_for_label not in labels:
                continue  # rendered by hand, or not on this page
            checked += 1
            if labels[bound.id_for_label] != bound.field.required:
                wrong.append(
                    f"{type(form).__name__}.{bound.name}: marker="
                    f"{labels[bound.id_for_label]}, required={bound.field.required}"
                )
    return checked, wrong


PAGES: list[tuple[str, dict[str, int]]] = [
    ("org_seat_new", {}),
    ("org_departments", {}),
    ("workspace_settings", {}),
    ("members", {}),
    ("group_create", {}),
]


@pytest.mark.parametrize(("name", "kwargs"), PAGES)
def test_markers_match_required_on_the_main_forms(login, owner, workspace, name, kwargs):
    response = login(owner).get(reverse(name, kwargs={"ws": workspace.slug, **kwargs}))
    checked, wrong = _mismatches(response)
    assert checked, f"{name}: no form fields found"
    assert wrong == []


def test_recurring_task_and_project_forms_markers_match_required(login, owner, workspace):
    from keel.tasks.tests.factories import ProjectFactory

    project: Any = ProjectFactory(workspace=workspace, name="Ops", key="OPS")
    client = login(owner)
    for name in ("project_recurrences", "project_settings"):
        url = reverse(name, kwargs={"ws": workspace.slug, "project_id": project.pk})
        checked, wrong = _mismatches(client.get(url))
        assert checked and wrong == [], name


def test_profile_and_token_forms_markers_match_required(login, owner):
    client = login(owner)
    for name in ("account_settings", "api_tokens"):
        checked, wrong = _mismatches(client.get(reverse(name)))
        assert checked and wrong == [], name


def test_optional_seat_fields_carry_no_marker(login, owner, workspace):
    page = login(owner).get(reverse("org_seat_new", kwargs={"ws": workspace.slug})).content
    labels = _labels(page.decode())
    assert labels["id_title"] is True
    assert labels["id_fte"] is False  # empty means full time
    assert labels["id_cost_currency"] is False  # only matters with a cost, itself optional
    assert labels["id_cost_per_month"] is False


def test_a_seat_saved_without_fte_or_currency_gets_the_defaults(login, owner, workspace):
    workspace.currency = "HKD"
    workspace.save(update_fields=["currency"])
    response = login(owner).post(
        reverse("org_seat_new", kwargs={"ws": workspace.slug}),
        {"title": "Buyer", "employment_type": "staff", "status": "open"},
    )
    assert response.status_code == 302
    seat = Seat.objects.get(workspace=workspace, title="Buyer")
    assert (seat.fte, seat.cost_currency) == (Decimal("1.00"), "HKD")
