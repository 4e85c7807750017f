"""A new seat's cost currency starts as the workspace's currency (its settings)."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_new_seat_form_offers_the_workspace_currency_first(login, owner, workspace):
    workspace.currency = "HKD"
    workspace.save(update_fields=["currency"])
    html = login(owner).get(reverse("org_seat_new", kwargs={"ws": workspace.slug})).content
    assert b'<option value="HKD" selected>' in html
