"""The foundation's "done when": a newcomer signs up, invites a colleague by email (caught by a
real SMTP server), the colleague joins, the owner promotes then offboards them, and the
colleague's open session is refused on its next request. axe-core checks every page seen.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from keel.core.models import Membership

from .helpers import axe_check, body_text, first_link

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SLUG = "lotus"
DOMAIN = "lotus.example"
OWNER_EMAIL = f"owner@{DOMAIN}"
MEMBER_EMAIL = f"mei@{DOMAIN}"
MEMBER_NAME = "Mei Chen"
PASSWORD = "Lotus-garden-2026!"


def field(label: str) -> re.Pattern[str]:
    """A form field's label: the text, optionally followed by the required-field asterisk."""
    return re.compile(rf"^{re.escape(label)}\s*\*?$")


class AxeTrail:
    """Runs axe once per distinct page (path with ids folded), so each page is checked."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def check(self, page: Any, label: str) -> None:
        key = re.sub(r"/\d+/", "/<id>/", urlparse(page.url).path)
        if key not in self.seen:
            self.seen.add(key)
            axe_check(page, label=label)


def test_newcomer_signs_up_invites_promotes_and_offboards(new_context, smtp_mailbox, base_url):
    axe = AxeTrail()
    owner = new_context().new_page()

    # 1. Sign up: the user and the workspace in one form.
    owner.goto("/accounts/signup/")
    axe.check(owner, "sign up")
    form = owner.locator("form", has=owner.get_by_label(field("Company name")))
    form.get_by_label(field("Email")).fill(OWNER_EMAIL)
    form.get_by_label(field("Password")).fill(PASSWORD)
    form.get_by_label(field("Password (again)")).fill(PASSWORD)
    form.get_by_label(field("Your name")).fill("Olivia Owner")
    form.get_by_label(field("Company name")).fill("Lotus Trading")
    form.get_by_label(field("Workspace address")).fill(SLUG)
    form.get_by_label(field("Company email domain")).fill(DOMAIN)
    form.get_by_label(field("Language")).select_option("en")
    form.get_by_label(field("Time zone")).select_option("Asia/Shanghai")
    form.get_by_role("button", name=re.compile(r"sign up|create", re.I)).click()

    # 2. Lands in the new workspace.
    owner.wait_for_url(f"**/{SLUG}/")
    axe.check(owner, "workspace home (owner)")

    # 3. Members page, invite a colleague on the company domain.
    owner.get_by_role("link", name="Members", exact=True).first.click()
    owner.wait_for_url(f"**/{SLUG}/members/")
    axe.check(owner, "members")
    invite = owner.get_by_role("region", name="Invite someone")
    invite.get_by_label(field("Email address")).fill(MEMBER_EMAIL)
    invite.get_by_label(field("Role")).select_option("member")
    invite.get_by_role("button", name="Send invitation").click()
    expect(owner.get_by_text(f"Invitation sent to {MEMBER_EMAIL}")).to_be_visible()

    # 4. The invitation went out through real SMTP.
    email = smtp_mailbox.wait_for(to=MEMBER_EMAIL)
    link = first_link(body_text(email), containing="/invitations/")
    assert link.startswith(base_url), f"the link must point at this server: {link}"

    # 5. The colleague, in a browser of their own, creates an account and joins.
    colleague = new_context().new_page()
    colleague.goto(link)
    axe.check(colleague, "invitation accept (anonymous)")
    colleague.get_by_label(field("Your name")).fill(MEMBER_NAME)
    colleague.get_by_label(field("Password")).fill(PASSWORD)
    colleague.get_by_label(field("Password (again)")).fill(PASSWORD)
    colleague.get_by_role("button", name="Create account and join").click()
    colleague.wait_for_url(f"**/{SLUG}/")
    expect(colleague.get_by_role("main")).to_be_visible()
    membership = Membership.objects.get(workspace__slug=SLUG, user__email=MEMBER_EMAIL)
    assert membership.role == "member" and membership.is_active

    # 6. The owner makes them a manager.
    owner.goto(f"/{SLUG}/members/")
    row = owner.get_by_role("row").filter(has_text=MEMBER_EMAIL)
    row.get_by_label(f"Role of {MEMBER_NAME}").select_option("manager")
    row.get_by_role("button", name="Change").click()
    expect(owner.get_by_text(f"{MEMBER_NAME} is now Manager.")).to_be_visible()
    membership.refresh_from_db()
    assert membership.role == "manager"

    # 7. The owner offboards them and sees what was done.
    owner.get_by_role("row").filter(has_text=MEMBER_EMAIL).get_by_role(
        "link", name="Offboard"
    ).click()
    owner.wait_for_url(re.compile(r"/members/\d+/offboard/$"))
    axe.check(owner, "offboard confirm")
    owner.get_by_role("button", name="Offboard and hand over").click()
    owner.wait_for_url(re.compile(r"/members/\d+/offboarding/$"))
    expect(owner.get_by_role("heading", name=f"Offboarding of {MEMBER_NAME}")).to_be_visible()
    axe.check(owner, "offboarding summary")
    membership.refresh_from_db()
    assert not membership.is_active

    # 8. The colleague's open page is refused on its next request.
    response = colleague.reload()
    path = urlparse(colleague.url).path
    refused = (response is not None and response.status == 404) or path.startswith("/accounts/")
    assert refused, (
        f"offboarded member still served {colleague.url} ({response and response.status})"
    )
    assert path != f"/{SLUG}/" or (response is not None and response.status == 404)
    axe.check(colleague, "refused page")
