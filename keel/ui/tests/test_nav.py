"""The sidebar is filled by the apps' registrations (keel.ui.nav), shown by permission."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from keel.core.models import Role
from keel.core.tests.factories import MembershipFactory
from keel.ui.nav import FRONT_PAGE, NavItem, front_url, nav_items, register_nav

pytestmark = pytest.mark.django_db

HOME = "/acme/"
# Every app's main links, in sidebar order (home, tasks, wiki, feedback, accounts, vault, org,
# kpis, goals, accounts).
MAIN = [
    "home",
    "tasks",
    "projects",
    "wiki",
    "feedback",
    "members",
    "groups",
    "vault",
    "org",
    "kpis",
    "vision",
    "audit",
]


def _sidebar(client, url: str = HOME) -> str:
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    return html.split('id="sidebar"')[1].split("</header>")[0]


def _main_keys(sidebar: str) -> list[str]:
    return re.findall(r'data-nav="([a-z_]+)"', sidebar)


def test_every_app_registered_its_links_in_order():
    assert [item.key for item in nav_items("main")] == MAIN
    assert [item.key for item in nav_items("bottom")] == [
        "notifications", "settings", "workspace_settings",
    ]  # fmt: skip
    assert [item.key for item in nav_items("switcher")] == ["workspace_new"]


def test_owner_sees_every_registered_link(login, owner):
    sidebar = _sidebar(login(owner))
    assert _main_keys(sidebar) == MAIN
    for name in ("workspace_home", "tasks_mine", "projects", "members", "groups", "org_chart",
                 "goals_vision", "audit", "notifications", "workspace_settings"):  # fmt: skip
        assert f'href="{reverse(name, kwargs={"ws": "acme"})}"' in sidebar, name
    assert f'href="{reverse("account_settings")}"' in sidebar
    assert f'href="{reverse("workspace_new")}"' in sidebar
    assert 'class="bell"' in sidebar and 'id="unread-count"' in sidebar


@pytest.mark.parametrize("role", [Role.ASSISTANT, Role.GUEST])
def test_outsiders_do_not_see_permission_gated_links(login, workspace, role):
    outsider = MembershipFactory(workspace=workspace, role=role)
    sidebar = _sidebar(login(outsider))
    # Assistants write the reports they are asked for (remote assistants report daily too).
    # The vault is everyone's: each sees only what was shared with them (docs/security/vault.md).
    extra = ["feedback", "vault"] if role == Role.ASSISTANT else ["vault"]
    assert _main_keys(sidebar) == ["home", "tasks", "projects", "wiki", *extra]
    for name in ("members", "groups", "org_chart", "kpis_scorecard", "goals_vision", "audit"):
        assert reverse(name, kwargs={"ws": "acme"}) not in sidebar, name
    # Links without a permission stay: the bell, settings.
    assert 'class="bell"' in sidebar
    assert f'href="{reverse("account_settings")}"' in sidebar


def test_current_link_is_marked_home_only_on_its_own_page(login, owner):
    client = login(owner)
    sidebar = _sidebar(client)
    assert re.search(r'data-nav="home" aria-current="page"', sidebar)
    sidebar = _sidebar(client, reverse("members", kwargs={"ws": "acme"}))
    assert re.search(r'data-nav="members" aria-current="page"', sidebar)
    assert not re.search(r'data-nav="home" aria-current', sidebar)


def test_front_page_is_the_home_app():
    assert front_url("acme") == reverse("workspace_home", kwargs={"ws": "acme"}) == HOME
    assert nav_items("main")[0].key == FRONT_PAGE


def test_registering_an_unknown_permission_fails_at_start_up():
    with pytest.raises(ImproperlyConfigured):
        register_nav(NavItem(key="x", label="X", url_name="x", permission="nope.nothing"))
    assert "x" not in [item.key for item in nav_items("main")]
