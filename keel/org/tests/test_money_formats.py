"""Money reads the same on every page that shows it (issue 9, rule 13): the seat page and the
headcount plan format an amount with one formatter (keel.ui.money), in the reader's language.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from keel.ui.money import format_money

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "cny", "usd"),
    [("en", "CN¥12,000", "US$12,000.50"), ("zh-hans", "¥12,000", "US$12,000.50"),
     ("zh-hant", "CN¥12,000", "US$12,000.50")],
)  # fmt: skip
def test_the_same_amount_renders_identically_on_every_page(
    login, owner, make_department, make_seat, language, cny, usd
):
    owner.user.language = language
    owner.user.save()
    seats = [
        make_seat("Buyer", department=make_department("Purchasing"), holder=owner,
                  cost_per_month=Decimal("12000"), cost_currency="CNY"),
        make_seat("Copywriter", department=make_department("Marketing"),
                  cost_per_month=Decimal("12000.50"), cost_currency="USD"),
    ]  # fmt: skip
    client = login(owner)
    headers = {"HTTP_ACCEPT_LANGUAGE": language}
    plan = client.get(reverse("org_headcount", kwargs={"ws": "acme"}), **headers)
    assert f'lang="{language}"' in plan.content.decode()
    pages = [plan] + [
        client.get(reverse("org_seat", kwargs={"ws": "acme", "pk": seat.pk}), **headers)
        for seat in seats
    ]
    html = [page.content.decode() for page in pages]
    assert cny in html[0] and usd in html[0]
    assert cny in html[1] and usd in html[2]
    for text in html:
        assert "12000" not in text and "12,000.00" not in text and "12,000 CNY" not in text


def test_format_money_groups_and_keeps_decimals_only_when_there_are_some():
    assert format_money(Decimal("1234567"), "CNY", "zh-hans") == "¥1,234,567"
    assert format_money(Decimal("1234567.5"), "CNY", "zh-hans") == "¥1,234,567.50"
    assert format_money(Decimal("1500.4"), "JPY", "en") == "JP¥1,500"
    assert format_money(Decimal("-20"), "EUR", "zh-hant") == "-€20"
    assert format_money(None, "CNY") == ""
    assert format_money(Decimal("10"), "SEK", "en") == "SEK\u00a010"
