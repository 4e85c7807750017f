"""Issue 11's first vault journey in a real Chromium: an owner opens the vault from the
sidebar, adds the Seller Central login (its password typed into a password field), shares it
use-only with the external assistant and view-level with a member. The assistant sees the
name, address and username but no password and no Reveal button; the member reveals the
password in place (an htmx POST, audited) and copies it. axe-core checks the list, the form,
the item page (masked and revealed) and "who can access". Waits are on page state, never on time.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from keel.core.models import AuditEvent, Membership, Role
from keel.core.tests.factories import MembershipFactory, WorkspaceFactory

from .helpers import axe_check, sign_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SLUG = "acme"
PASSWORD = "Browser-Seller-Pass-5190"


def field(label: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(label)}\s*\*?$")


def _people() -> dict[str, Membership]:
    ws = WorkspaceFactory(name="Acme Home", slug=SLUG, language="en")
    people = {
        key: MembershipFactory(workspace=ws, role=role, user__full_name=name,
                               user__language="en", user__email=email)
        for key, role, name, email in (
            ("owner", Role.OWNER, "Olivia Owner", "olivia@acme.example"),
            ("member", Role.MEMBER, "Mike Lee", "mike@acme.example"),
            ("assistant", Role.ASSISTANT, "Ana Reyes", "ana@freelance.example"),
        )
    }  # fmt: skip
    return people


def _page_for(new_context: Any, base_url: str, membership: Membership, **options: Any) -> Any:
    context = new_context(**options)
    sign_in_context(context, base_url, membership.user)
    return context.new_page()


def test_owner_adds_shares_and_only_view_level_reveals(new_context: Any, base_url: str) -> None:
    from keel.vault.models import Item

    failures: list[str] = []

    def axe(page: Any, what: str) -> None:
        try:
            axe_check(page, label=what)
        except pytest.fail.Exception as failure:
            failures.append(str(failure))

    people = _people()
    page = _page_for(new_context, base_url, people["owner"])

    # 1. The sidebar's "Vault": the empty state and its "Add an item".
    page.goto(f"/{SLUG}/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Vault").click()
    page.wait_for_url(f"**/{SLUG}/vault/")
    expect(page.get_by_role("heading", name="The vault is empty")).to_be_visible()
    axe(page, "vault list (empty)")
    page.locator(".empty-state").get_by_role("link", name="Add an item").click()
    page.wait_for_url(f"**/{SLUG}/vault/new/")
    axe(page, "vault item form")

    # 2. A URL without its scheme is explained; then the login is saved.
    page.get_by_label(field("Name")).fill("Amazon Seller Central")
    page.get_by_label(field("Web addresses")).fill("sellercentral.amazon.com")
    page.get_by_label(field("Username")).fill("seller@acme.example")
    page.get_by_label(field("Password")).fill(PASSWORD)
    page.get_by_role("button", name="Add to the vault").click()
    expect(page.get_by_text("starting with https://")).to_be_visible()
    page.get_by_label(field("Web addresses")).fill("https://sellercentral.amazon.com")
    page.get_by_label(field("Password")).fill(PASSWORD)  # never sent back to the browser
    page.get_by_role("button", name="Add to the vault").click()
    expect(page.get_by_role("heading", level=1, name="Amazon Seller Central")).to_be_visible()
    assert PASSWORD not in page.content()
    axe(page, "vault item")

    # 3. Share: use-only with the assistant, view with the member.
    page.get_by_role("link", name="Who can access it").click()
    for grantee, level in (("Ana Reyes", "Use"), ("Mike Lee", "View")):
        page.get_by_label(field("Share with")).select_option(label=grantee)
        page.get_by_label(field("Access")).select_option(label=level)
        page.get_by_role("button", name="Share", exact=True).click()
        expect(page.locator("table")).to_contain_text(grantee)
    axe(page, "who can access")

    # 4. The assistant: name, address and username; no password, no Reveal.
    item = Item.objects.get()
    assistant = _page_for(new_context, base_url, people["assistant"])
    assistant.goto(f"/{SLUG}/vault/")
    assistant.get_by_role("link", name="Amazon Seller Central").click()
    expect(assistant.get_by_text("seller@acme.example")).to_be_visible()
    expect(assistant.get_by_role("button", name=re.compile("Reveal"))).to_have_count(0)
    assert PASSWORD not in assistant.content()

    # 5. The member reveals the password in place; the reveal is in the audit log.
    member = _page_for(
        new_context, base_url, people["member"], permissions=["clipboard-read", "clipboard-write"]
    )
    member.goto(f"/{SLUG}/vault/{item.pk}/")
    member.get_by_role("button", name=re.compile("Reveal")).first.click()
    expect(member.get_by_text(PASSWORD)).to_be_visible()
    member.get_by_role("button", name=re.compile("^Copy")).click()
    expect(member.get_by_role("status")).to_have_text("Copied.")
    assert member.evaluate("() => navigator.clipboard.readText()") == PASSWORD
    axe(member, "vault item, revealed")
    assert (
        AuditEvent.objects.filter(action="vault.revealed", actor=people["member"].user).count() == 1
    )
    assert not failures, "\n".join(failures)
