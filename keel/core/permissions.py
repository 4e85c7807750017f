"""The one permission table. Services ask `require(membership, "perm")`; templates only hide.

Roles are ordered: a higher role can do everything a lower staff role can. Assistants and
guests are outsiders: they see only what is shared with them, so they hold no workspace-wide
permission here; the modules grant them access object by object.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from keel.core.models import Role

if TYPE_CHECKING:
    from keel.core.models import Membership

# Higher number = more authority. Used for "may not grant a role above your own".
ROLE_RANK: dict[str, int] = {
    Role.GUEST: 0,
    Role.ASSISTANT: 1,
    Role.MEMBER: 2,
    Role.MANAGER: 3,
    Role.ADMIN: 4,
    Role.OWNER: 5,
}

OWNERS: frozenset[str] = frozenset({Role.OWNER})
STAFF: frozenset[str] = frozenset({Role.OWNER, Role.ADMIN, Role.MANAGER, Role.MEMBER})
MANAGERS: frozenset[str] = frozenset({Role.OWNER, Role.ADMIN, Role.MANAGER})
ADMINS: frozenset[str] = frozenset({Role.OWNER, Role.ADMIN})
EVERYONE: frozenset[str] = STAFF | {Role.ASSISTANT, Role.GUEST}

PERMISSIONS: dict[str, frozenset[str]] = {
    "workspace.view": EVERYONE,
    # The company's own settings (name, logo, domain, language, money, calendar): owners only.
    "workspace.manage": OWNERS,
    "members.view": STAFF,
    "members.invite": MANAGERS,
    "members.change_role": ADMINS,
    "members.offboard": ADMINS,
    "groups.view": STAFF,
    "groups.manage": MANAGERS,
    "groups.send": MANAGERS,
    "audit.view": ADMINS,
    "tokens.own": EVERYONE,
    # The vision is the company's direction: all staff read it; owners and admins set it.
    "goals.view": STAFF,
    "goals.manage": ADMINS,
    # Org chart: staff see the structure; only owners and admins change it (seats own work,
    # so moving a seat moves work). Assistants and guests see seats shared with them later.
    "org.view": STAFF,
    "org.manage": ADMINS,
    # Tasks: managers and above start projects; everyone may use tasks, but assistants and
    # guests only inside projects they were added to (object-level, keel/tasks/access.py).
    "tasks.project_create": MANAGERS,
    "tasks.view": EVERYONE,
    # Wiki: everyone may open the wiki, but sees only spaces and pages they have access to
    # (object-level, keel/wiki/access.py); managers and above start spaces. The contact
    # directory is for staff and assistants (who write to suppliers); staff keep it current.
    "wiki.view": EVERYONE,
    "wiki.create_space": MANAGERS,
    "wiki.contacts_view": STAFF | {Role.ASSISTANT},
    "wiki.contacts_manage": STAFF,
    # Feedback: staff and assistants write the reports they are asked for and see the
    # meetings they attend (guests — suppliers, agencies — have no part in it); managers and
    # above build report forms and start meeting series. Who reads an answer or a signal is
    # object-level (keel/feedback/access.py): the writer, their manager chain on the org chart
    # and the owners; signals never reach the writer or their peers. The watched words that
    # raise signals are the owners' and admins' to edit.
    "feedback.view": STAFF | {Role.ASSISTANT},
    "feedback.forms_manage": MANAGERS,
    "feedback.meetings_manage": MANAGERS,
    "feedback.watch_words": ADMINS,
    # KPIs: staff read the scorecards (how the business is doing is everyone's business);
    # managers and above define KPIs and set targets. Entering a KPI's values is also open to
    # whoever answers for it (its seat's holder, its person, its group's members): object-
    # level, keel/kpis/access.py. Assistants and guests see no KPI.
    "kpis.view": STAFF,
    "kpis.manage": MANAGERS,
    # Vault: everyone may open it but sees only the items granted to them (object-level,
    # keel/vault/access.py): assistants and guests included, and nothing more. Staff add
    # items (the adder manages what they add); owners and admins manage every item,
    # category and grant (docs/security/vault.md).
    "vault.view": EVERYONE,
    "vault.add": STAFF,
    "vault.manage": ADMINS,
    # Chat webhooks post the shop's news outside Keel and hold the chats' tokens: admins.
    "chat.manage": ADMINS,
}


def has_perm(membership: Membership | None, perm: str) -> bool:
    if membership is None or not membership.is_active:
        return False
    return membership.role in PERMISSIONS[perm]


def require(membership: Membership | None, perm: str) -> None:
    if not has_perm(membership, perm):
        raise PermissionDenied(_("Your role does not allow this."))


def grantable_roles(membership: Membership) -> list[str]:
    """Roles this member may give to others: never above their own; owner only by an owner."""
    if not has_perm(membership, "members.invite"):
        return []
    mine = ROLE_RANK[membership.role]
    return [
        role
        for role in Role.values
        if ROLE_RANK[role] < mine or (role == Role.OWNER and membership.role == Role.OWNER)
    ]


def may_manage_member(actor: Membership, target: Membership) -> bool:
    """Admins manage everyone below them; only an owner manages owners and admins."""
    if actor.role == Role.OWNER:
        return True
    return ROLE_RANK[actor.role] > ROLE_RANK[target.role]
