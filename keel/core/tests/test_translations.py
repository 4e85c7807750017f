"""Every page of the shell, accounts and members area, rendered in zh-Hans and zh-Hant, shows
no English: the failure lists each untranslated string per page, for the translator.

User data is Chinese (people, company, groups) so that any Latin text left is ours.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from keel.core.models import Role
from keel.core.tests.factories import MembershipFactory, WorkspaceFactory
from keel.core.tests.translation_check import untranslated

pytestmark = pytest.mark.django_db

LANGUAGES = ["zh-hans", "zh-hant"]
SLUG = "lianhua"


@dataclass
class Shop:
    owner: Any
    member: Any
    leaver: Any
    group: Any
    invitation_token: str


def _shop() -> Shop:
    from keel.accounts import services
    from keel.accounts.models import Group, GroupMembership

    ws: Any = WorkspaceFactory(name="莲花贸易", slug=SLUG, email_domain="lianhua.example")

    def person(role: str, email: str, name: str) -> Any:
        return MembershipFactory(workspace=ws, role=role, user__email=email, user__full_name=name)

    owner = person(Role.OWNER, "wangfang@lianhua.example", "王芳")
    member = person(Role.MEMBER, "lilei@lianhua.example", "李雷")
    person(Role.ASSISTANT, "xiaomei@waibao.example", "小美")
    leaver = person(Role.MEMBER, "zhangwei@lianhua.example", "张伟")
    group = Group.objects.create(workspace=ws, name="销售部", alias="sales")
    GroupMembership.objects.create(workspace=ws, group=group, membership=member)
    GroupMembership.objects.create(workspace=ws, group=group, membership=leaver)
    services.membership_offboard(actor=owner, membership=leaver)
    _invitation, raw = services.invitation_create(
        actor=owner, email="zhaoli@lianhua.example", role=Role.MEMBER
    )
    return Shop(owner, member, leaver, group, raw)


def _ws(name: str, **kwargs: Any) -> Any:
    return lambda shop: reverse(name, kwargs={"ws": SLUG, **kwargs})


# page id -> (URL maker, signed in as the owner?)
PAGES: dict[str, tuple[Any, bool]] = {
    "sign-in": (lambda shop: reverse("account_login"), False),
    "sign-up": (lambda shop: reverse("account_signup"), False),
    "invitation-accept": (
        lambda shop: reverse("invitation_accept", kwargs={"token": shop.invitation_token}),
        False,
    ),
    "workspace-home": (_ws("workspace_home"), True),
    "members": (_ws("members"), True),
    "member-detail": (
        lambda shop: reverse("member_detail", kwargs={"ws": SLUG, "pk": shop.member.pk}),
        True,
    ),
    "offboard-confirm": (
        lambda shop: reverse("member_offboard", kwargs={"ws": SLUG, "pk": shop.member.pk}),
        True,
    ),
    "offboarding-summary": (
        lambda shop: reverse("member_offboarding", kwargs={"ws": SLUG, "pk": shop.leaver.pk}),
        True,
    ),
    "groups": (_ws("groups"), True),
    "group-detail": (
        lambda shop: reverse("group_detail", kwargs={"ws": SLUG, "pk": shop.group.pk}),
        True,
    ),
    "group-send": (
        lambda shop: reverse("group_send", kwargs={"ws": SLUG, "pk": shop.group.pk}),
        True,
    ),
    "audit": (_ws("audit"), True),
    "notifications": (_ws("notifications"), True),
    "account-settings": (lambda shop: reverse("account_settings"), True),
    "api-tokens": (lambda shop: reverse("api_tokens"), True),
    "mfa": (lambda shop: reverse("mfa_index"), True),
    "sessions": (lambda shop: reverse("usersessions_list"), True),
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_id", list(PAGES))
def test_page_has_no_untranslated_english(page_id: str, language: str) -> None:
    shop = _shop()
    make_url, signed_in = PAGES[page_id]
    client = Client(headers={"accept-language": language})
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    if signed_in:
        user = shop.owner.user
        user.language = language
        user.save(update_fields=["language"])
        client.force_login(user)
        session = client.session
        session["keel_language"] = language
        session.save()
    url = make_url(shop)
    response = client.get(url)
    assert response.status_code == 200, f"{page_id}: GET {url} answered {response.status_code}"
    html = response.content.decode()
    left = untranslated(html)
    if left:
        listing = "\n".join(f"    {text}" for text in left)
        pytest.fail(
            f"{page_id} ({url}) in {language}: {len(left)} untranslated string(s):\n{listing}",
            pytrace=False,
        )
