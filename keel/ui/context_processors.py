"""What every page's shell needs: the current workspace, membership, switcher, unread count.

Everything is lazy and cached on the request: a partial rendered for htmx never touches the
database for the shell, and a full page costs at most two queries (memberships, unread count).
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest

from keel.core.models import Membership

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
            .filter(user=self.request.user, workspace__isnull=False)
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
    def unread_count(self) -> int:
        nav = self.nav_membership
        if nav is None:
            return 0
        from keel.notifications.selectors import unread_count

        return unread_count(membership=nav)


def get_shell(request: HttpRequest) -> Shell:
    """One Shell per request, so the home page can reuse the unread count it already paid for."""
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
