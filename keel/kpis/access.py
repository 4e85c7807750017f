"""Who may enter a KPI's values: the managers (`kpis.manage`) and whoever answers for it —
the holder of its owner seat (or, while the seat is empty, whoever the chart hands it to:
`org.resolution.seat_assignee`), its owner person, or a member of its owner group."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from keel.accounts.models import GroupMembership
from keel.core.models import Membership
from keel.core.permissions import has_perm
from keel.kpis.models import Kpi
from keel.org.resolution import seat_assignee


def answers_for(membership: Membership, kpi: Kpi) -> bool:
    """Whether `membership` is the one the KPI's owner names (at most two queries)."""
    if kpi.owner_member_id is not None:
        return kpi.owner_member_id == membership.pk
    if kpi.owner_seat_id is not None and kpi.owner_seat is not None:
        return seat_assignee(kpi.owner_seat).pk == membership.pk
    if kpi.owner_group_id is not None:
        return GroupMembership.objects.filter(
            group_id=kpi.owner_group_id, membership=membership
        ).exists()
    return False


def can_enter_values(membership: Membership | None, kpi: Kpi) -> bool:
    if membership is None or not has_perm(membership, "kpis.view"):
        return False
    if kpi.workspace_id != membership.workspace_id:
        return False
    return has_perm(membership, "kpis.manage") or answers_for(membership, kpi)


def require_values(membership: Membership, kpi: Kpi) -> None:
    if not can_enter_values(membership, kpi):
        raise PermissionDenied(_("Only the KPI's owner and managers may enter its values."))
