"""The sidebar's links, filled by the apps: each app's wiring.connect() calls `register_nav`.

ui imports no app, so it cannot know which pages exist: an app registers its own links with
the permission that shows them, and the shell (`context_processors.Shell`) resolves them for
the current membership without SQL — except a badge's count, computed once per request.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from django.core.exceptions import ImproperlyConfigured
from django.urls import NoReverseMatch, reverse

from keel.core.permissions import PERMISSIONS, has_perm

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from keel.core.models import Membership, Workspace

Section = Literal["main", "bottom", "switcher"]
SECTIONS: tuple[Section, ...] = ("main", "bottom", "switcher")

# The key of the workspace's front page: `/` and the workspace switcher link to it.
FRONT_PAGE = "home"


@dataclass(frozen=True)
class NavItem:
    """One link of the sidebar.

    - key: unique; the link's `data-nav` in the main section (keyboard shortcuts use it).
    - label: shown text, lazily translated.
    - url_name: reversed with `ws=<slug>` when `workspace` is true, else with no argument.
    - permission: a `core.permissions` name the membership must hold; "" shows it to all.
    - order: position in its section, lowest first.
    - section: "main" (the nav list), "bottom" (beside settings, at the foot of the
      sidebar) or "switcher" (after the workspaces in the workspace menu).
    - workspace: the URL takes the `ws` kwarg; the link then shows only with a workspace.
    - exact: marked current only on its own URL, not below it (the front page, `/<ws>/`).
    - icon: a CSS name: the link gets `class="<icon>"` and a `<icon>-icon` span.
    - badge: a count for the link (e.g. unread notifications), called with the membership
      at most once per request; rendered by `badge_template` with `count`.
    """

    key: str
    label: StrOrPromise
    url_name: str
    permission: str = ""
    order: int = 100
    section: Section = "main"
    workspace: bool = True
    exact: bool = False
    icon: str = ""
    badge: Callable[[Membership], int] | None = None
    badge_template: str = ""


_ITEMS: dict[str, NavItem] = {}


def register_nav(*items: NavItem) -> None:
    """Add links to the sidebar (from an app's wiring.connect()); registering a key again
    replaces its link. An unknown permission or section fails at start-up, not on a page."""
    for item in items:
        if item.permission and item.permission not in PERMISSIONS:
            raise ImproperlyConfigured(f"Nav item {item.key!r}: unknown permission")
        if item.section not in SECTIONS:
            raise ImproperlyConfigured(f"Nav item {item.key!r}: unknown section")
        if item.badge is not None and not item.badge_template:
            raise ImproperlyConfigured(f"Nav item {item.key!r}: a badge needs a template")
        _ITEMS[item.key] = item


def nav_items(section: Section) -> list[NavItem]:
    """The registered links of `section` in display order."""
    return sorted(
        (item for item in _ITEMS.values() if item.section == section),
        key=lambda item: (item.order, item.key),
    )


# The URL name (taking `ws`) that serves a workspace's logo, registered by the app that owns
# the settings page: ui cannot name an app's URL, and the logo is served permission-checked
# from our own host rather than from a public media URL.
_LOGO_URL_NAME: list[str] = []


def register_workspace_logo(url_name: str) -> None:
    """Show the workspace's logo in the sidebar, served by `url_name` (with `ws=<slug>`)."""
    _LOGO_URL_NAME[:] = [url_name]


def workspace_logo_url(workspace: Workspace | None) -> str:
    """The logo's URL for the shell, or "" when the workspace has none.

    The stored file's name is in the query so a new upload is not hidden by the browser's
    cached copy of the old one (the view lets browsers keep it for an hour).
    """
    if workspace is None or not workspace.logo or not _LOGO_URL_NAME:
        return ""
    url = reverse(_LOGO_URL_NAME[0], kwargs={"ws": workspace.slug})
    version = hashlib.sha256(workspace.logo.name.encode()).hexdigest()[:12]
    return f"{url}?v={version}"


def nav_item(key: str) -> NavItem | None:
    return _ITEMS.get(key)


def _url(item: NavItem, slug: str | None) -> str:
    if item.workspace:
        return reverse(item.url_name, kwargs={"ws": slug}) if slug else ""
    return reverse(item.url_name)


def front_url(slug: str) -> str:
    """The workspace's front page: the `FRONT_PAGE` link, else its first main link."""
    candidates = [nav_item(FRONT_PAGE), *nav_items("main")]
    for item in candidates:
        if item is not None and item.workspace and not item.permission:
            return _url(item, slug)
    raise NoReverseMatch("No workspace page is registered with the navigation.")


@dataclass(frozen=True)
class NavLink:
    """A registered item resolved for one request."""

    item: NavItem
    url: str
    current: bool
    badges: Badges

    @property
    def key(self) -> str:
        return self.item.key

    @property
    def label(self) -> StrOrPromise:
        return self.item.label

    @property
    def badge(self) -> int | None:
        return self.badges[self.item.key] if self.item.badge is not None else None


class Badges:
    """Badge counts by item key, each computed on first read and kept (one per request)."""

    def __init__(self, membership: Membership | None) -> None:
        self.membership = membership
        self._counts: dict[str, int] = {}

    def __getitem__(self, key: str) -> int:
        if key not in self._counts:
            item = nav_item(key)
            if item is None or item.badge is None:
                raise KeyError(key)
            self._counts[key] = item.badge(self.membership) if self.membership else 0
        return self._counts[key]


def links_for(
    section: Section, *, membership: Membership | None, path: str, badges: Badges
) -> list[NavLink]:
    """The links of `section` that `membership` may use, with the current one marked.

    Workspace links point into the membership's workspace and appear only with one.
    """
    slug = membership.workspace.slug if membership is not None else None
    links = []
    for item in nav_items(section):
        if item.workspace and slug is None:
            continue
        if item.permission and not has_perm(membership, item.permission):
            continue
        url = _url(item, slug)
        current = path == url if item.exact else path.startswith(url)
        links.append(NavLink(item=item, url=url, current=current, badges=badges))
    return links
