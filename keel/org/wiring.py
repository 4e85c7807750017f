"""What the org app registers at start-up (called from OrgConfig.ready): offboarding hands the
leaving member's seats over (keel.org.offboarding) and names their successor, the demo seeder
draws Demo Shop's chart, audit actions get labels, and the sidebar links to the chart.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

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


def connect() -> None:
    from keel.accounts.offboarding import Receiver, register_offboarding_step, register_successor
    from keel.core.audit import register_action_labels
    from keel.core.seeding import register_demo_seeder
    from keel.org import titles
    from keel.org.demo import seed_demo_org
    from keel.org.offboarding import hand_over_seats, preview_seats
    from keel.org.resolution import successor_of
    from keel.ui.nav import NavItem, register_nav

    register_offboarding_step(
        "org.seats", _("Seats they hold"), hand_over_seats, preview=preview_seats,
        receiver=Receiver.HOLDER, empty_label=_("Leave empty (the seat above does its work)"),
    )  # fmt: skip
    register_successor(successor_of)
    titles.connect()  # members show their seat's title
    register_demo_seeder(seed_demo_org)
    register_action_labels(AUDIT_LABELS)
    register_nav(NavItem(key="org", label=_("Org chart"), url_name="org_chart",
                         permission="org.view", order=50))  # fmt: skip
