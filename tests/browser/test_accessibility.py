"""Every main page, as the owner (or anonymous for the entrance), in English and Simplified
Chinese: axe-core finds no serious or critical violation, and at 375 px nothing overflows."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from keel.core.models import Role
from keel.core.tests.factories import MembershipFactory, WorkspaceFactory

from .helpers import MOBILE_WIDTH, axe_check, horizontal_overflow, set_language, sign_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SLUG = "lotus"
# (page id, URL name, needs the workspace slug, signed in)
PAGES = [
    ("sign-in", "account_login", False, False),
    ("sign-up", "account_signup", False, False),
    ("workspace-home", "workspace_home", True, True),
    ("members", "members", True, True),
    ("groups", "groups", True, True),
    ("audit", "audit", True, True),
    ("notifications", "notifications", True, True),
    ("account-settings", "account_settings", False, True),
    ("api-tokens", "api_tokens", False, True),
    ("mfa", "mfa_index", False, True),
    ("sessions", "usersessions_list", False, True),
]
LANGUAGES = ["en", "zh-hans"]


def _workspace_with_people() -> Any:
    from keel.accounts.models import Group, GroupMembership

    ws = WorkspaceFactory(name="莲花贸易", slug=SLUG, email_domain="lotus.example")
    owner = MembershipFactory(
        workspace=ws, role=Role.OWNER, user__email="owner@lotus.example", user__full_name="王芳"
    )
    member = MembershipFactory(
        workspace=ws, role=Role.MEMBER, user__email="li@lotus.example", user__full_name="李雷"
    )
    MembershipFactory(
        workspace=ws, role=Role.ASSISTANT, user__email="ana@freelance.example",
        user__full_name="Ana Lopez",
    )  # fmt: skip
    group = Group.objects.create(workspace=ws, name="销售", alias="sales")
    GroupMembership.objects.create(workspace=ws, group=group, membership=member)
    return owner


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("page_id", "url_name", "in_workspace", "signed_in"), PAGES, ids=[p[0] for p in PAGES]
)
def test_page_is_accessible_and_fits_a_phone(
    new_context, base_url, page_id, url_name, in_workspace, signed_in, language
):
    owner = _workspace_with_people()
    context = new_context()
    set_language(context, base_url, language)
    if signed_in:
        owner.user.language = language
        owner.user.save(update_fields=["language"])
        sign_in_context(context, base_url, owner.user)
    url = reverse(url_name, kwargs={"ws": SLUG} if in_workspace else None)
    page = context.new_page()
    response = page.goto(url)
    assert response is not None and response.status == 200, (
        f"{url} answered {response and response.status} (ended at {page.url})"
    )
    assert page.url.endswith(url), f"{url} redirected to {page.url}"
    assert (
        page.evaluate("() => document.documentElement.lang")
        .lower()
        .startswith(language.split("-")[0])
    )
    axe_check(page, label=f"{page_id} [{language}]")

    page.set_viewport_size({"width": MOBILE_WIDTH, "height": 812})
    overflow = page.evaluate("() => document.documentElement.scrollWidth")
    assert overflow <= MOBILE_WIDTH + 1, (
        f"{page_id} [{language}] is {overflow}px wide at {MOBILE_WIDTH}px "
        f"({horizontal_overflow(page)}px too wide)"
    )
