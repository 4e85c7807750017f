"""Demo Shop's vault: five categories, a dozen items with fake credentials, and grants that
show each way of sharing — a group on a category, a seat on a category (whoever holds the
seat sees it), a group on one item, and one login shared use-only with the external
assistant.

Registered as a demo seeder (after the org chart's: grants go to its seats). Goes through
the services like a real owner would, so the audit trail is genuine. Idempotent: nothing is
added when the workspace already has vault items. The secrets are made at seed time
(random; the card is the well-known test number 4111 1111 1111 1111), so no real or
reusable password is ever in the source; the names and notes are the language's
(`VaultDemo`): English here, Chinese in `demo_content/<language>.py`.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import Any

from keel.accounts.models import Group
from keel.core.models import Membership, Role
from keel.core.seeding import demo_content_in
from keel.org.demo import ENGLISH as ORG_ENGLISH
from keel.org.models import Seat
from keel.vault import services
from keel.vault.models import Category, Item, Kind, Level


@dataclass(frozen=True)
class DemoItem:
    key: str
    name: str
    kind: str
    category: str  # a key of VaultDemo.categories
    urls: list[str] = field(default_factory=list)
    username: str = ""
    tags: list[str] = field(default_factory=list)
    notes: str = ""
    custom: list[tuple[str, str, bool]] = field(default_factory=list)  # (label, value, hidden)
    holder: str = ""  # a card's name on card


@dataclass(frozen=True)
class VaultDemo:
    categories: dict[str, str]  # key → name
    items: list[DemoItem]


ENGLISH = VaultDemo(
    categories={"marketplaces": "Marketplaces", "suppliers": "Suppliers",
                "advertising": "Advertising", "logistics": "Logistics", "finance": "Finance"},
    items=[
        DemoItem("amazon", "Amazon Seller Central (US)", Kind.LOGIN, "marketplaces",
                 ["https://sellercentral.amazon.com"], "seller@demo-shop.example", ["amazon"],
                 notes="Two-step codes go to the founder's phone.",
                 custom=[("Merchant token", "A1DEMO0FAKE2ID", False)]),
        DemoItem("shopify", "Shopify admin", Kind.LOGIN, "marketplaces",
                 ["https://demo-shop.myshopify.com/admin"], "owner@demo-shop.example",
                 ["website"]),
        DemoItem("shopify_api", "Shopify Admin API token (stock sync)", Kind.API_KEY,
                 "marketplaces", username="stock-sync app", tags=["website", "integration"],
                 notes="Used by the stock sync script; change it here when you rotate it."),
        DemoItem("1688", "1688 buyer account", Kind.LOGIN, "suppliers",
                 ["https://login.1688.com"], "demo_shop_buyer", ["sourcing"],
                 custom=[("Payment PIN", "", True)]),
        DemoItem("packaging", "Ningbo packaging supplier portal", Kind.LOGIN, "suppliers",
                 ["https://portal.nb-packaging.example"], "orders@demo-shop.example",
                 ["sourcing"], notes="Order cartons by the 20th for delivery next month."),
        DemoItem("amazon_ads", "Amazon Ads console", Kind.LOGIN, "advertising",
                 ["https://advertising.amazon.com"], "ads@demo-shop.example", ["amazon"]),
        DemoItem("google_ads", "Google Ads", Kind.LOGIN, "advertising",
                 ["https://ads.google.com"], "marketing@demo-shop.example", ["website"]),
        DemoItem("dhl", "DHL Express (MyDHL+)", Kind.LOGIN, "logistics",
                 ["https://mydhl.express.dhl"], "shipping@demo-shop.example", ["shipping"],
                 custom=[("Account number", "960000000", False)]),
        DemoItem("4px", "4PX warehouse portal", Kind.LOGIN, "logistics",
                 ["https://b.4px.com"], "DEMOSHOP01", ["shipping"]),
        DemoItem("alarm", "Warehouse alarm and Wi-Fi", Kind.NOTE, "logistics",
                 tags=["office"], notes="Alarm code: {pin}\nWi-Fi: DemoShop-Store / {word}"),
        DemoItem("bank", "Business bank online", Kind.LOGIN, "finance",
                 ["https://online.bank.example"], "DEMO-SHOP-LTD", ["bank"]),
        DemoItem("card", "Company card (ads and samples)", Kind.CARD, "finance",
                 tags=["bank"], holder="DEMO SHOP LTD",
                 notes="Limit 20,000 a month. Ask the founder before a new subscription."),
    ],
)  # fmt: skip


def _fake_password() -> str:
    """Made at seed time: obviously fake, never the same twice."""
    return "demo-" + secrets.token_urlsafe(12)


def _values(spec: DemoItem) -> dict[str, str | None]:
    if spec.kind == Kind.LOGIN:
        return {"password": _fake_password(), "notes": spec.notes}
    if spec.kind == Kind.API_KEY:
        return {"api_key": "shpat_demo_" + secrets.token_hex(16), "notes": spec.notes}
    if spec.kind == Kind.CARD:
        return {"card_holder": spec.holder, "card_number": "4111 1111 1111 1111",
                "card_expiry": "12/29", "card_cvc": f"{secrets.randbelow(1000):03d}",
                "notes": spec.notes}  # fmt: skip
    return {"notes": spec.notes.format(pin=f"{secrets.randbelow(10**6):06d}",
                                       word=secrets.token_urlsafe(9))}  # fmt: skip


def seed_demo_vault(owner: Membership, *, language: str = "en") -> None:
    ws = owner.workspace
    if Item.objects.in_workspace(ws).exists():
        return
    content = demo_content_in(language, package="keel.vault", english=ENGLISH)
    categories = {key: services.category_create(actor=owner, name=name)
                  for key, name in content.categories.items()}  # fmt: skip
    items: dict[str, Item] = {}
    for spec in content.items:
        custom = [
            services.CustomField(label=label, value=value or _fake_password()[-6:], hidden=hidden)
            for label, value, hidden in spec.custom
        ]
        items[spec.key] = services.item_create(actor=owner, fields=services.ItemFields(
            name=spec.name, kind=spec.kind, category=categories[spec.category], urls=spec.urls,
            username=spec.username, tags=spec.tags, values=_values(spec), custom=custom,
        ))  # fmt: skip
    _share(owner, categories, items, language)


def _share(owner: Membership, categories: dict[str, Category], items: dict[str, Item],
           language: str) -> None:  # fmt: skip
    ws = owner.workspace
    groups = {g.alias: g for g in Group.objects.in_workspace(ws)}
    org = demo_content_in(language, package="keel.org", english=ORG_ENGLISH)
    titles = {s.key: s.title for s in org.seats}
    seats: dict[str, Seat] = {}
    for row in Seat.objects.in_workspace(ws).order_by("id"):
        seats.setdefault(row.title, row)

    def seat(key: str) -> Seat | None:
        return seats.get(titles.get(key, ""))

    shares: list[tuple[dict[str, Any], dict[str, Any], int]] = [
        # The sales team views and copies the marketplace logins.
        ({"category": categories["marketplaces"]}, {"group": groups.get("sales")}, Level.VIEW),
        # Whoever holds the purchasing seat views the suppliers' portals (a seat grant).
        ({"category": categories["suppliers"]}, {"seat": seat("purchasing")}, Level.VIEW),
        ({"category": categories["logistics"]}, {"seat": seat("warehouse")}, Level.MANAGE),
        ({"item": items["amazon_ads"]}, {"group": groups.get("marketing")}, Level.USE),
    ]
    assistant = (Membership.objects.in_workspace(ws).active().filter(role=Role.ASSISTANT)
                 .order_by("id").first())  # fmt: skip
    if assistant is not None:
        # The external assistant lists products: Seller Central, use-only (never sees it).
        shares.append(({"item": items["amazon"]}, {"member": assistant}, Level.USE))
    for target, grantee, level in shares:
        if all(v is not None for v in grantee.values()):
            services.grant_create(actor=owner, level=level, **target, **grantee)
