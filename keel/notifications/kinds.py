"""The registry of notification kinds: what a member can be told about, the defaults, and
how each kind's title reads.

A module registers its kinds once (at import of its services or in AppConfig.ready) with
`register_kind`; a member's NotificationPreference row overrides the defaults per kind.
A notification is stored as its kind and plain parameters and rendered when it is read, in
the reader's active language: `title` is a lazy format string with named parameters
(`_("{actor} assigned you {task}")`), or `render` a function of the parameters for kinds
whose parameters are codes to translate (a role code → its label).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from django.utils.translation import gettext_lazy as _

from keel.core.models import Role

Params = Mapping[str, Any]


class Kind(NamedTuple):
    label: Any  # a lazy translation: shown in the preferences grid
    in_app: bool  # default for members without a preference row
    email: bool
    render: Callable[[Params], str]  # the title, in the active language


KINDS: dict[str, Kind] = {}


def _formatter(title: Any) -> Callable[[Params], str]:
    def render(params: Params) -> str:
        return str(title).format(**params)

    return render


def register_kind(
    kind: str,
    label: Any,
    *,
    title: Any = None,
    render: Callable[[Params], str] | None = None,
    in_app: bool = True,
    email: bool = False,
) -> None:
    """Register `kind`. Give `title` (a lazy format string with named parameters) or
    `render` (params → text, called with the reader's language active)."""
    if (title is None) == (render is None):
        raise TypeError(f"Notification kind {kind!r} needs a title or a render function.")
    KINDS[kind] = Kind(label=label, in_app=in_app, email=email, render=render or _formatter(title))


def render_title(kind: str, params: Params) -> str | None:
    """The title of a `kind` notification in the active language; None when it cannot be
    rendered (a kind no longer registered, parameters of an older version)."""
    spec = KINDS.get(kind)
    if spec is None:
        return None
    try:
        return spec.render(params)
    except (KeyError, IndexError, ValueError, TypeError):
        return None


def _role_changed(params: Params) -> str:
    return str(_("Your role in {workspace} is now {role}")).format(
        workspace=params["workspace"], role=str(Role(params["role"]).label)
    )


# Foundation kinds (people and groups). Modules add theirs the same way.
register_kind(
    "member.joined",
    _("Someone you invited joined"),
    title=_("{name} joined {workspace}"),
    in_app=True,
    email=True,
)
register_kind(
    "member.role_changed", _("Your role changed"), render=_role_changed, in_app=True, email=True
)
register_kind(
    "group.message",
    _("Messages sent to your groups"),
    title=_("{group}: {subject}"),
    in_app=True,
    email=False,
)
