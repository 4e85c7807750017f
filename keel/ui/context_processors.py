"""What every page's shell needs: the current workspace, membership, switcher, navigation.

Everything is lazy and cached on the request: a partial rendered for htmx never touches the
database for the shell, and a full page costs at most two queries (memberships, and the
notifications badge). The links come from the apps' registrations (keel.ui.nav).
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any, cast

from django.http import HttpRequest

from keel.core.models import Membership
from keel.ui.nav import Badges, NavLink, Section, front_url, links_for, workspace_logo_url
from keel.ui.slots import ShellSlot, slots_for

if TYPE_CHECKING:
    from keel.core.models import Workspace


class Shell:
    """Lazy data for the sidebar. Templates read `shell.memberships`, `shell.nav_workspace`…"""

    def __init__(self, request: HttpRequest) -> None:
        self.request = request
        self.workspace: Workspace | None = getattr(request, "workspace", None)
        self.membership: Membership | None = getattr(request, "membership", None)

    @property
    def signed_in(self) -> bool:
        user = getattr(self.request, "user", None)
        return bool(user and user.is_authenticated)

    @cached_property
    def memberships(self) -> list[Membership]:
        """The user's active workspaces for the switcher (one query, workspaces joined)."""
        if not self.signed_in:
            return []
        return list(
            Membership.objects.active()
            .filter(user_id=cast(int, self.request.user.pk), workspace__isnull=False)
            .select_related("workspace")
            .order_by("workspace__name", "workspace_id")
        )

    @cached_property
    def nav_membership(self) -> Membership | None:
        """The membership the navigation links into: the current one, else the first one.

        Outside a workspace (e.g. /accounts/ pages) the sidebar still links somewhere useful.
        """
        if self.membership is not None:
            return self.membership
        if not self.memberships:
            return None
        return min(self.memberships, key=lambda m: (m.created_at, m.pk))

    @property
    def nav_workspace(self) -> Workspace | None:
        nav = self.nav_membership
        return nav.workspace if nav is not None else None

    @cached_property
    def logo_url(self) -> str:
        """The navigation workspace's logo (served from our host for members), or ""."""
        return workspace_logo_url(self.nav_workspace)

    @cached_property
    def badges(self) -> Badges:
        """Counts beside nav links by item key (`shell.badges.notifications`): each costs its
        query once per request, however often the sidebar and the page read it."""
        return Badges(self.nav_membership)

    def _links(self, section: Section) -> list[NavLink]:
        return links_for(
            section, membership=self.nav_membership, path=self.request.path, badges=self.badges
        )

    @cached_property
    def nav_main(self) -> list[NavLink]:
        """The main navigation: the apps' registered links this membership may use."""
        return self._links("main")

    @cached_property
    def nav_bottom(self) -> list[NavLink]:
        return self._links("bottom")

    @cached_property
    def nav_switcher(self) -> list[NavLink]:
        """Links after the workspaces in the workspace menu (e.g. "New workspace…")."""
        return self._links("switcher")

    @cached_property
    def sidebar_top_slots(self) -> list[ShellSlot]:
        """Widgets apps placed at the top of the sidebar (keel.ui.slots), e.g. search."""
        return slots_for("sidebar_top", self.nav_membership)

    @cached_property
    def workspace_links(self) -> list[tuple[Membership, str]]:
        """The switcher's workspaces, each with the URL of its front page."""
        return [(m, front_url(m.workspace.slug)) for m in self.memberships]


def get_shell(request: HttpRequest) -> Shell:
    """One Shell per request, so a page can reuse a badge count the sidebar also shows."""
    shell = getattr(request, "_keel_shell", None)
    if shell is None:
        shell = Shell(request)
        request._keel_shell = shell  # type: ignore[attr-defined]
    return shell


def shell(request: HttpRequest) -> dict[str, Any]:
    return {
        "workspace": getattr(request, "workspace", None),
        "membership": getattr(request, "membership", None),
        "shell": get_shell(request),
    }
