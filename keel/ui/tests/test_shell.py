from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from keel.core.models import Role
from keel.core.tests.factories import MembershipFactory, WorkspaceFactory
from keel.notifications.services import notify

pytestmark = pytest.mark.django_db

HOME = "/acme/"


def _html(client, url=HOME) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _nav(html: str) -> set[str]:
    return set(re.findall(r'data-nav="([a-z]+)"', html))


def test_member_does_not_see_audit(login, member):
    nav = _nav(_html(login(member)))
    assert {"home", "members", "groups"} <= nav
    assert "audit" not in nav


def test_admin_sees_audit(login, admin):
    assert "audit" in _nav(_html(login(admin)))


def test_assistant_sees_home_and_their_tasks_but_no_staff_pages(login, assistant):
    # Tasks and projects show only what they were added to (keel.tasks.access), the wiki
    # only the spaces and pages they were given (keel.wiki.access).
    assert _nav(_html(login(assistant))) == {"home", "tasks", "projects", "wiki", "feedback",
                                             "vault"}  # fmt: skip


def test_switcher_lists_only_users_active_workspaces(login, member, other_workspace):
    user = member.user
    second = WorkspaceFactory(name="Second Shop", slug="second")
    MembershipFactory(workspace=second, user=user)
    gone = WorkspaceFactory(name="Former Shop", slug="former")
    MembershipFactory(workspace=gone, user=user, offboarded_at=timezone.now())
    html = _html(login(member))
    menu = html.split('id="workspace-menu"')[1].split("</ul>")[0]
    assert "Acme Shop" in menu and "Second Shop" in menu
    assert "Former Shop" not in menu
    assert "Other Shop" not in menu  # exists, but the user is not a member
    assert 'aria-current="true"' in menu.split("Acme Shop")[0].rsplit("<li>", 1)[1]


def test_unread_count_in_header(login, member):
    notify(recipient=member, kind="group.message", params={"group": "Sales", "subject": "Hello"})
    notify(recipient=member, kind="group.message", params={"group": "Sales", "subject": "Again"})
    html = _html(login(member))
    bell = html.split('id="unread-count"')[1].split("</a>")[0]
    assert ">2<" in bell and "2 unread" in bell


def test_shell_has_landmarks_skip_link_and_no_inline_code(login, owner):
    html = _html(login(owner))
    assert 'class="skip-link" href="#main"' in html
    assert '<main id="main"' in html and "<nav" in html and "<header" in html
    assert " style=" not in html and "<style" not in html
    scripts = re.findall(r"<script[^>]*>", html)
    assert scripts and all("src=" in s for s in scripts)
    assert "django_htmx/htmx-2.min.js" in html
    assert "includeIndicatorStyles" in html
    assert re.search(r"<body hx-headers='\{\"X-CSRFToken\": \"[^\"]+\"\}'>", html)
    assert f'action="{reverse("account_logout")}" method="post"' in html
    assert 'aria-controls="sidebar" aria-expanded=' in html


def test_users_theme_is_rendered_on_html(login, owner):
    owner.user.theme = "dark"
    owner.user.save(update_fields=["theme"])
    assert '<html lang="en" class="no-js" data-theme="dark">' in _html(login(owner))


def test_language_switcher_labels_languages_in_their_own_language(login, owner):
    html = _html(login(owner))
    form = html.split('class="language-form"')[1].split("</form>")[0]
    assert 'action="/i18n/setlang/"' in html
    for label in ("English", "简体中文", "繁體中文"):
        assert label in form
    assert 'type="submit"' in form


def test_language_switch_persists(login, owner):
    client = login(owner)
    response = client.post("/i18n/setlang/", {"language": "zh-hans", "next": HOME})
    assert response.status_code == 302 and response["Location"] == HOME
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "zh-hans"
    assert '<html lang="zh-hans"' in _html(client)
    assert '<html lang="zh-hans"' in _html(client)  # and on the next page too


def test_shell_costs_two_queries_and_none_for_htmx_partials(login, member):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from keel.ui.context_processors import Shell

    rf = RequestFactory()
    request = rf.get(HOME)
    request.user = member.user
    request.workspace = None  # type: ignore[attr-defined]
    request.membership = None  # type: ignore[attr-defined]
    shell = Shell(request)
    with CaptureQueriesContext(connection) as ctx:
        assert [m.workspace.slug for m in shell.memberships] == ["acme"]
        assert shell.nav_workspace is not None and shell.nav_workspace.slug == "acme"
        assert shell.badges["notifications"] == 0
        assert [link.badge for link in shell.nav_bottom if link.key == "notifications"] == [0]
        assert shell.nav_main and shell.nav_switcher and shell.workspace_links  # no SQL
    assert len(ctx.captured_queries) == 2

    # An htmx partial never reads the shell, so the context processor costs nothing.
    client = login(member)
    client.get(reverse("notifications", kwargs={"ws": "acme"}))
    with CaptureQueriesContext(connection) as full:
        client.get(reverse("notifications", kwargs={"ws": "acme"}))
    with CaptureQueriesContext(connection) as partial:
        client.get(reverse("notifications", kwargs={"ws": "acme"}), headers={"HX-Request": "true"})
    assert len(partial.captured_queries) <= len(full.captured_queries) - 2


def test_page_outside_a_workspace_links_into_first_workspace(member):
    request = RequestFactory().get("/accounts/settings/")
    request.user = member.user
    request.workspace = None  # type: ignore[attr-defined]
    request.membership = None  # type: ignore[attr-defined]
    html = render_to_string("ui/base.html", {}, request=request)
    assert 'href="/acme/" data-nav="home"' in html
    assert 'data-nav="members"' in html


def test_no_workspace_page_has_a_next_step(client, db):
    from keel.accounts.tests.factories import UserFactory

    user = UserFactory(email="lonely@example.com")
    client.force_login(user)
    html = _html(client, "/")
    assert "Ask for an invitation" in html
    assert "No workspace" in html  # the switcher says so too


def test_entrance_layout_has_card_and_language_switcher_without_sidebar(rf):
    from django.contrib.auth.models import AnonymousUser

    request = rf.get("/accounts/login/")
    request.user = AnonymousUser()
    html = render_to_string("ui/entrance.html", {}, request=request)
    assert 'class="auth-card"' in html
    assert 'class="language-form"' in html
    assert 'id="sidebar"' not in html


def test_can_filter_refuses_unknown_permission(member):
    from django.template import Context, Template, TemplateSyntaxError

    template = Template('{% load ui %}{% if m|can:"nope.nothing" %}x{% endif %}')
    with pytest.raises(TemplateSyntaxError):
        template.render(Context({"m": member}))


def test_static_files_exist():
    for path in (
        "ui/css/tokens.css",
        "ui/css/app.css",
        "ui/js/theme.js",
        "ui/js/shell.js",
        "ui/js/keyboard.js",
        "django_htmx/htmx-2.min.js",
    ):
        assert finders.find(path), path


def test_guest_sees_no_staff_nav(login, workspace):
    guest = MembershipFactory(workspace=workspace, role=Role.GUEST)
    assert _nav(_html(login(guest))) == {"home", "tasks", "projects", "wiki", "vault"}
