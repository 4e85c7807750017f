"""What the org app registers at start-up (called from OrgConfig.ready): offboarding vacates
the leaving member's seats, the demo seeder draws Demo Shop's chart, audit actions get
labels, and the sidebar links to the chart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from keel.accounts.offboarding import OffboardingStepResult
    from keel.core.models import Membership

AUDIT_LABELS = {
    "department.created": _("Department added"),
    "department.updated": _("Department edited"),
    "department.moved": _("Department reordered"),
    "department.deleted": _("Department deleted"),
    "department.template_applied": _("Departments added from the template"),
    "seat.created": _("Seat added"),
    "seat.updated": _("Seat edited"),
    "seat.deleted": _("Seat deleted"),
    "seat.filled": _("Seat filled"),
    "seat.vacated": _("Seat vacated"),
    "org.chart_exported": _("Org chart exported"),
}


def vacate_seats_on_offboarding(membership: Membership, actor: Membership) -> OffboardingStepResult:
    """Offboarding step: empty every seat the leaving member holds (their work goes up)."""
    from django.urls import reverse

    from keel.accounts.offboarding import OffboardingStepResult
    from keel.org.services import seats_vacate_for_offboarding

    seats = seats_vacate_for_offboarding(actor=actor, membership=membership)
    return OffboardingStepResult(
        count=len(seats),
        items=[seat.title for seat in seats],
        url=reverse("org_seats", kwargs={"ws": membership.workspace.slug}) if seats else "",
    )


def connect() -> None:
    from keel.accounts.offboarding import register_offboarding_step
    from keel.core.audit import register_action_labels
    from keel.core.seeding import register_demo_seeder
    from keel.org.demo import seed_demo_org
    from keel.ui.nav import NavItem, register_nav

    register_offboarding_step("org.seats", _("Seats vacated"), vacate_seats_on_offboarding)
    register_demo_seeder(seed_demo_org)
    register_action_labels(AUDIT_LABELS)
    register_nav(NavItem(key="org", label=_("Org chart"), url_name="org_chart",
                         permission="org.view", order=50))  # fmt: skip
