"""Reads for offboarding: the handover plan shown before confirming, and the report after.

The plan asks every registered step what it will hand over (by name, with counts) and who
receives each item by default; the same plan gives the service its defaults, so the page, the
API and a confirmation without choices agree. The report is read back from the audit event
(the record of truth), and words each move in the reader's language when it is read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from keel.accounts.offboarding import (
    HandoverItem,
    MoveKind,
    Receiver,
    default_successor,
    offboarding_steps,
    step_label,
)
from keel.core.models import AuditEvent, Membership


@dataclass
class PlanSection:
    key: str
    label: Any
    receiver: Receiver
    allow_empty: bool
    empty_label: str
    items: list[HandoverItem]
    default: Membership | None  # the receiver each item starts with (None: nobody / empty)
    listed: bool = True  # False: the step names no items (e.g. "every session ends")

    @property
    def count(self) -> int:
        return len(self.items)


@dataclass
class OffboardingPlan:
    membership: Membership
    successor: Membership
    sections: list[PlanSection] = field(default_factory=list)
    receivers: list[Membership] = field(default_factory=list)  # whom the owner may pick

    def section(self, key: str) -> PlanSection | None:
        return next((s for s in self.sections if s.key == key), None)


def _empty_label(receiver: Receiver, configured: Any) -> str:
    if configured:
        return str(configured)
    if receiver == Receiver.HOLDER:
        return _("Leave the seat empty")
    return _("Nobody")


def handover_receivers(membership: Membership) -> list[Membership]:
    """Active members of the workspace other than the leaving one, by name."""
    return list(
        Membership.objects.active()
        .in_workspace(membership.workspace)
        .exclude(pk=membership.pk)
        .select_related("user", "workspace")
        .order_by("user__full_name", "user__email")
    )


def offboarding_plan(*, actor: Membership, membership: Membership) -> OffboardingPlan:
    """Everything offboarding `membership` will hand over, section by section, with defaults."""
    successor = default_successor(membership, actor)
    plan = OffboardingPlan(
        membership=membership, successor=successor, receivers=handover_receivers(membership)
    )
    for step in offboarding_steps():
        items = step.preview(membership) if step.preview else []
        default = successor if step.receiver == Receiver.PERSON else None
        plan.sections.append(
            PlanSection(
                key=step.key,
                label=step.label,
                receiver=step.receiver,
                allow_empty=step.allow_empty,
                empty_label=_empty_label(step.receiver, step.empty_label),
                items=items,
                default=default,
            )
        )
    return plan


# --- The report -------------------------------------------------------------------------------


@dataclass
class MoveView:
    item: str
    outcome: str  # "Given to Wang Fang", "Seat left empty: Zhang Wei does its work"


@dataclass
class OffboardingStepView:
    key: str
    label: Any
    count: int
    items: list[str] = field(default_factory=list)
    url: str = ""
    moves: list[MoveView] = field(default_factory=list)


@dataclass
class OffboardingReport:
    event: AuditEvent
    actor_name: str
    steps: list[OffboardingStepView]


def _safe_url(url: str) -> str:
    # Follow-up links come from hook steps; only same-site paths and http(s) become links.
    if url.startswith("/") and not url.startswith("//"):
        return url
    return url if url.startswith(("https://", "http://")) else ""


def move_outcome(kind: str, to: str) -> str:
    """One move, worded now, for the reader (the event stores only the kind and the name)."""
    if kind == MoveKind.PERSON:
        return _("Given to %(name)s") % {"name": to}
    if kind == MoveKind.SEAT_FILLED:
        return _("Now held by %(name)s") % {"name": to}
    if kind == MoveKind.SEAT_EMPTY:
        return _("Left empty: %(name)s does its work until it is filled") % {"name": to}
    if kind == MoveKind.REVOKED:
        return _("Revoked")
    return _("Left with nobody")


def offboarding_report(*, actor: Membership, membership: Membership) -> OffboardingReport | None:
    """What offboarding did, read back from its audit event."""
    event = (
        AuditEvent.objects.in_workspace(actor.workspace)
        .filter(
            action="member.offboarded",
            target_type=membership._meta.label_lower,
            target_id=str(membership.pk),
        )
        .select_related("actor")
        .order_by("-created_at", "-id")
        .first()
    )
    if event is None:
        return None
    steps = []
    for raw in event.data.get("steps", []):
        key = str(raw.get("key", ""))
        moves = [
            MoveView(item=str(m.get("item", "")),
                     outcome=move_outcome(str(m.get("kind", "")), str(m.get("to", ""))))
            for m in raw.get("moves") or []
            if isinstance(m, dict)
        ]  # fmt: skip
        steps.append(
            OffboardingStepView(
                key=key,
                label=step_label(key),
                count=int(raw.get("count") or 0),
                items=[str(i) for i in raw.get("items") or []],
                url=_safe_url(str(raw.get("url") or "")),
                moves=moves,
            )
        )
    actor_name = event.actor.display_name if event.actor else event.actor_email
    return OffboardingReport(event=event, actor_name=actor_name, steps=steps)
