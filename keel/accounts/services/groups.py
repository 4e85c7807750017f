"""Writes for groups, the workspace's teams as mailing lists: create, edit, delete, set
members, send (one message per member, so no address leaks).
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils.translation import gettext as _

from keel.accounts import events
from keel.accounts.models import Group, GroupMembership
from keel.core.mail import as_reader
from keel.core.models import Membership
from keel.core.permissions import require
from keel.core.services import AuditContext, audit_event, same_workspace
from keel.core.validators import clean_line, line_problem

# recipient → (subject, text body, HTML body), rendered in the recipient's language.
Render = Callable[[Membership], tuple[str, str, str]]


@transaction.atomic
def group_create(
    *, actor: Membership, name: str, alias: str, description: str = "",
    context: AuditContext | None = None,
) -> Group:  # fmt: skip
    require(actor, "groups.manage")
    ws = actor.workspace
    alias = alias.strip().lower()
    errors = {}
    if Group.objects.in_workspace(ws).filter(alias=alias).exists():
        errors["alias"] = _("Another group already uses this address.")
    if Group.objects.in_workspace(ws).filter(name__iexact=name.strip()).exists():
        errors["name"] = _("Another group already has this name.")
    elif problem := line_problem(name.strip(), max_length=80):
        errors["name"] = problem
    if errors:
        raise ValidationError(errors)
    group = Group(workspace=ws, name=name.strip(), alias=alias, description=description.strip())
    group.full_clean()
    group.save()
    audit_event(actor, "group.created", group, context, alias=alias)
    return group


@transaction.atomic
def group_update(
    *, actor: Membership, group: Group, name: str, alias: str, description: str = "",
    context: AuditContext | None = None,
) -> Group:  # fmt: skip
    require(actor, "groups.manage")
    same_workspace(actor, group)
    ws = actor.workspace
    alias = alias.strip().lower()
    others = Group.objects.in_workspace(ws).exclude(pk=group.pk)
    errors = {}
    if others.filter(alias=alias).exists():
        errors["alias"] = _("Another group already uses this address.")
    if others.filter(name__iexact=name.strip()).exists():
        errors["name"] = _("Another group already has this name.")
    elif problem := line_problem(name.strip(), max_length=80):
        errors["name"] = problem
    if errors:
        raise ValidationError(errors)
    group.name, group.alias, group.description = name.strip(), alias, description.strip()
    group.full_clean()
    group.save(update_fields=["name", "alias", "description", "updated_at"])
    audit_event(actor, "group.updated", group, context)
    return group


@transaction.atomic
def group_delete(*, actor: Membership, group: Group, context: AuditContext | None = None) -> None:
    require(actor, "groups.manage")
    same_workspace(actor, group)
    audit_event(actor, "group.deleted", group, context)
    group.delete()


@transaction.atomic
def group_set_members(
    *, actor: Membership, group: Group, members: list[Membership],
    context: AuditContext | None = None,
) -> Group:  # fmt: skip
    """Make the group's members exactly `members` (active members of this workspace)."""
    require(actor, "groups.manage")
    same_workspace(actor, group, *members)
    ws = actor.workspace
    if any(not m.is_active for m in members):
        raise ValidationError(_("Offboarded people cannot join a group."))
    wanted = {m.pk for m in members}
    current = set(
        GroupMembership.objects.filter(group=group).values_list("membership_id", flat=True)
    )
    added, removed = wanted - current, current - wanted
    GroupMembership.objects.filter(group=group, membership_id__in=removed).delete()
    GroupMembership.objects.bulk_create(
        [GroupMembership(workspace=ws, group=group, membership_id=pk) for pk in added]
    )
    if added or removed:
        audit_event(actor, "group.members_changed", group, context,
                    added=sorted(added), removed=sorted(removed))  # fmt: skip
    return group


@transaction.atomic
def group_send(
    *, actor: Membership, group: Group, subject: str = "", body: str = "", html: str = "",
    render: Render | None = None, context: AuditContext | None = None,
) -> int:  # fmt: skip
    """Email every active member of the group, one message each (no addresses leak).

    Returns how many messages were queued. Later modules call this for "send today's
    task list to Sales": they pass `render(recipient) -> (subject, text, html)`, called once
    per recipient in that recipient's language and time zone (`core.mail.as_reader`), so each
    reads the message in their own language. Without `render`, the text written by the
    sender goes to everyone as written.
    """
    require(actor, "groups.send")
    same_workspace(actor, group)
    if render is None:  # a subject is a mail header: one line (a line break is refused)
        subject = clean_line(subject, field="subject", max_length=200,
                             required=_("Write a subject."))  # fmt: skip
    recipients = list(
        Membership.objects.active()
        .filter(group_memberships__group=group, user__is_active=True)
        .select_related("user", "workspace")
    )
    reply_to = [actor.user.email]
    for recipient in recipients:
        if render is not None:
            with as_reader(recipient):
                subject, body, html = render(recipient)
        message = EmailMultiAlternatives(
            subject=subject.strip(), body=body, to=[recipient.user.email], reply_to=reply_to,
            headers={"List-Id": f"<{group.address.replace('@', '.')}>"},
        )  # fmt: skip
        if html:
            message.attach_alternative(html, "text/html")
        message.send()
    if render is not None:  # the log records the subject as the sender reads it
        with as_reader(actor):
            subject = render(actor)[0]
    audit_event(actor, "group.sent", group, context,
                subject=subject[:200], recipients=len(recipients))  # fmt: skip
    events.publish(events.GROUP_SENT, actor=actor, group=group, subject=subject.strip(),
                   recipients=recipients)  # fmt: skip
    return len(recipients)
