"""KPIs a leaving person answers for (registered in wiring): each goes to whoever the owner
picks — by default the person's successor (whoever does the work of the seat above) — or to
nobody, when the managers look after it. KPIs owned by a seat need no step: the seat's next
doer answers for them at once."""

from __future__ import annotations

from django.urls import reverse

from keel.accounts.offboarding import (
    Handover,
    HandoverItem,
    Move,
    MoveKind,
    OffboardingStepResult,
)
from keel.core.models import Membership
from keel.kpis.models import Kpi


def _owned(membership: Membership) -> list[Kpi]:
    return list(
        Kpi.objects.filter(workspace_id=membership.workspace_id, owner_member=membership)
        .active()
        .select_related("workspace")
        .order_by("position", "id")
    )


def _url(kpi: Kpi) -> str:
    return reverse("kpis_detail", kwargs={"ws": kpi.workspace.slug, "kpi_id": kpi.pk})


def preview_kpis(membership: Membership) -> list[HandoverItem]:
    return [HandoverItem(key=str(k.pk), label=k.name, url=_url(k)) for k in _owned(membership)]


def hand_over_kpis(
    membership: Membership, actor: Membership, handover: Handover
) -> OffboardingStepResult:
    result = OffboardingStepResult()
    for kpi in _owned(membership):
        receiver = handover.get(str(kpi.pk))
        kpi.owner_member = receiver
        kpi.save(update_fields=["owner_member", "updated_at"])
        result.items.append(kpi.name)
        if receiver is None:
            result.moves.append(Move(kpi.name, MoveKind.UNASSIGNED))
        else:
            result.moves.append(Move(kpi.name, MoveKind.PERSON, receiver.user.display_name))
        result.count += 1
    return result
