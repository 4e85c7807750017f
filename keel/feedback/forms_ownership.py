"""Report forms on the org chart (registered in wiring): what a seat owns or writes, and what
happens to the forms a leaving person owns.

A form owned by a *seat* stays with the seat (whoever does the seat's work builds it). A form
owned by a leaving *person* is left with no owner: the managers ("feedback.forms_manage")
look after it from then on, and may give it a new owner. Their written reports stay theirs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from keel.accounts.offboarding import (
    Handover,
    HandoverItem,
    Move,
    MoveKind,
    OffboardingStepResult,
)
from keel.core.models import Membership
from keel.feedback.models import ReportForm

if TYPE_CHECKING:
    from keel.org.models import Seat

SEAT_ITEMS = 50


def _url(form: ReportForm) -> str:
    return reverse("feedback_form", kwargs={"ws": form.workspace.slug, "form_id": form.pk})


def seat_forms(seat: Seat) -> list[tuple[str, str]]:
    """The active report forms the seat owns, then those its holder writes for the seat."""
    forms = (
        ReportForm.objects.filter(workspace_id=seat.workspace_id, archived_at__isnull=True)
        .filter(Q(owner_seat=seat) | Q(audience__seat=seat))
        .select_related("workspace")
        .distinct()
        .order_by("title", "id")[:SEAT_ITEMS]
    )
    items = []
    for form in forms:
        if form.owner_seat_id == seat.pk:
            text = _("%(form)s (owner)") % {"form": form.title}
        else:
            text = _("%(form)s (writes it)") % {"form": form.title}
        items.append((text, _url(form)))
    return items


def _owned(membership: Membership) -> list[ReportForm]:
    return list(
        ReportForm.objects.filter(workspace_id=membership.workspace_id, owner=membership)
        .select_related("workspace")
        .order_by("title", "id")
    )


def preview_forms(membership: Membership) -> list[HandoverItem]:
    return [
        HandoverItem(
            key=str(f.pk), label=f.title, detail=_("Managers will look after it."), url=_url(f)
        )
        for f in _owned(membership)
    ]


def release_forms(
    membership: Membership, actor: Membership, handover: Handover
) -> OffboardingStepResult:
    """The forms the person owned have no owner from now on: the managers look after them."""
    result = OffboardingStepResult()
    forms = _owned(membership)
    ReportForm.objects.filter(pk__in=[f.pk for f in forms]).update(owner=None)
    for form in forms:
        result.items.append(form.title)
        result.moves.append(Move(form.title, MoveKind.UNASSIGNED))
    result.count = len(forms)
    return result
