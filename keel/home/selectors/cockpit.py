"""Reads for the home page (the owner's cockpit): what needs attention and recent activity.

The cockpit summarises other modules: home is the top layer, so it reads (never writes)
their models here; each figure is one aggregate query, so the page costs the same with 5
members or 250. When more modules arrive, move this to a registry of sections they fill.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from keel.accounts.models import GroupMembership, Invitation
from keel.core.models import AuditEvent, Membership
from keel.core.permissions import STAFF, has_perm
from keel.feedback.selectors.insights import open_signal_count, signals_url
from keel.notifications.selectors import recent_for

EXPIRING_WITHIN = timedelta(days=2)
SAMPLE = 5
ACTIVITY = 10

# How each audited action reads in the activity feed; unknown actions show their code.
ACTION_TEXT: dict[str, Any] = {
    "workspace.created": gettext_lazy("%(actor)s created the workspace"),
    "invitation.created": gettext_lazy("%(actor)s invited %(target)s"),
    "invitation.accepted": gettext_lazy("%(actor)s accepted an invitation and joined"),
    "invitation.revoked": gettext_lazy("%(actor)s withdrew the invitation for %(target)s"),
    "member.role_changed": gettext_lazy("%(actor)s changed the role of %(target)s"),
    "member.offboarded": gettext_lazy("%(actor)s offboarded %(target)s"),
    "group.created": gettext_lazy("%(actor)s created the group %(target)s"),
    "group.updated": gettext_lazy("%(actor)s edited the group %(target)s"),
    "group.deleted": gettext_lazy("%(actor)s deleted the group %(target)s"),
    "group.members_changed": gettext_lazy("%(actor)s changed who is in %(target)s"),
    "group.sent": gettext_lazy("%(actor)s sent a message to %(target)s"),
    "token.created": gettext_lazy("%(actor)s created an API token"),
    "token.revoked": gettext_lazy("%(actor)s revoked an API token"),
}


@dataclass
class ActivityItem:
    text: str
    when: Any
    url: str = ""


@dataclass
class Cockpit:
    show_invitations: bool = False
    pending_invitations: int = 0
    expiring_invitations: list[Invitation] = field(default_factory=list)
    expiring_count: int = 0
    show_groupless: bool = False
    groupless_count: int = 0
    groupless_sample: list[Membership] = field(default_factory=list)
    unread: int = 0
    # The server's background jobs (all workspaces share them): shown to owners, who run Keel.
    jobs_failed: int = 0
    jobs_stuck: int = 0
    activity_is_audit: bool = False
    activity: list[ActivityItem] = field(default_factory=list)
    # Early warnings about people the viewer leads (never about themselves), unacknowledged.
    feedback_signals: int = 0
    feedback_signals_url: str = ""

    @property
    def needs_attention(self) -> bool:
        return bool(
            self.pending_invitations or self.groupless_count or self.unread
            or self.jobs_failed or self.jobs_stuck or self.feedback_signals
        )  # fmt: skip


def _event_text(event: AuditEvent, workspace_name: str) -> str:
    actor = event.actor.display_name if event.actor is not None else event.actor_email
    target = event.target_repr
    suffix = f" @ {workspace_name}"
    if target.endswith(suffix):  # a Membership's str is "person @ workspace"
        target = target[: -len(suffix)]
    template = ACTION_TEXT.get(event.action)
    if template is None:
        return _("%(actor)s: %(action)s %(target)s") % {
            "actor": actor or _("Someone"),
            "action": event.action_label,
            "target": target,
        }
    return str(template) % {"actor": actor or _("Someone"), "target": target}


def cockpit_for(*, membership: Membership, unread: int) -> Cockpit:
    """Everything the home page shows for `membership`; `unread` comes from the shell."""
    workspace = membership.workspace
    now = timezone.now()
    cockpit = Cockpit(unread=unread)

    if has_perm(membership, "workspace.manage"):  # the owner: they run the server too
        from keel.core.job_status import trouble

        jobs = trouble(now)
        cockpit.jobs_failed, cockpit.jobs_stuck = jobs.failed_count, jobs.stuck_count

    if has_perm(membership, "members.invite"):
        cockpit.show_invitations = True
        pending = Invitation.objects.in_workspace(workspace).filter(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now
        )
        soon = Q(expires_at__lte=now + EXPIRING_WITHIN)
        counts = pending.aggregate(total=Count("id"), expiring=Count("id", filter=soon))
        cockpit.pending_invitations = counts["total"]
        cockpit.expiring_count = counts["expiring"]
        if cockpit.expiring_count:
            cockpit.expiring_invitations = list(
                pending.filter(soon).order_by("expires_at")[:SAMPLE]
            )

    if has_perm(membership, "groups.manage"):
        # Groups are the staff's departments; assistants and guests are not expected in one.
        cockpit.show_groupless = True
        in_a_group = GroupMembership.objects.in_workspace(workspace).filter(
            membership=OuterRef("pk")
        )
        groupless = (
            Membership.objects.in_workspace(workspace)
            .active()
            .filter(role__in=STAFF)
            .filter(~Exists(in_a_group))
        )
        cockpit.groupless_count = groupless.count()
        if cockpit.groupless_count:
            cockpit.groupless_sample = list(
                groupless.select_related("user").order_by("user__full_name", "user__email")[:SAMPLE]
            )

    # --- feedback signals ---
    cockpit.feedback_signals = open_signal_count(viewer=membership)  # one query (two: managers)
    cockpit.feedback_signals_url = signals_url(workspace.slug)
    # --- end feedback signals ---

    if has_perm(membership, "audit.view"):
        cockpit.activity_is_audit = True
        events = (
            AuditEvent.objects.in_workspace(workspace)
            .select_related("actor")
            .order_by("-created_at", "-id")[:ACTIVITY]
        )
        cockpit.activity = [
            ActivityItem(text=_event_text(e, workspace.name), when=e.created_at) for e in events
        ]
    else:
        cockpit.activity = [
            ActivityItem(text=n.display_title(), when=n.created_at, url=n.url)
            for n in recent_for(membership=membership, limit=ACTIVITY)
        ]
    return cockpit


def greeting_for(*, name: str) -> str:
    """Time-of-day greeting in the member's time zone (activated by the middleware)."""
    hour = timezone.localtime().hour
    if 5 <= hour < 12:
        return _("Good morning, %(name)s") % {"name": name}
    if 12 <= hour < 18:
        return _("Good afternoon, %(name)s") % {"name": name}
    return _("Good evening, %(name)s") % {"name": name}
