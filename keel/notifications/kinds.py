"""The registry of notification kinds: what a member can be told about, and the defaults.

A module registers its kinds once (at import of its services or in AppConfig.ready) with
`register_kind`; a member's NotificationPreference row overrides the defaults per kind.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from django.utils.translation import gettext_lazy as _


class Kind(NamedTuple):
    label: Any  # a lazy translation: shown in the preferences grid
    in_app: bool  # default for members without a preference row
    email: bool


KINDS: dict[str, Kind] = {}


def register_kind(kind: str, label: Any, *, in_app: bool = True, email: bool = False) -> None:
    KINDS[kind] = Kind(label=label, in_app=in_app, email=email)


# Foundation kinds (people and groups). Modules add theirs the same way.
register_kind("member.joined", _("Someone you invited joined"), in_app=True, email=True)
register_kind("member.role_changed", _("Your role changed"), in_app=True, email=True)
register_kind("group.message", _("Messages sent to your groups"), in_app=True, email=False)
