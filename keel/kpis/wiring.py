"""What the KPI app registers at start-up (called from KpisConfig.ready): audit labels, the
demo seeder, the KPIs a seat answers for (seat ownership), the handover of a leaver's KPIs
(offboarding), the nightly computation and the sidebar link."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from keel.org.models import Seat

KPIS_ACTION_LABELS: dict[str, Any] = {
    "kpis.created": _("KPI added"),
    "kpis.updated": _("KPI edited"),
    "kpis.archived": _("KPI archived"),
    "kpis.restored": _("KPI restored"),
    "kpis.months_saved": _("KPI targets or values saved"),
    "kpis.targets_copied": _("KPI targets copied from last year"),
    "kpis.shop_imported": _("KPI values imported from a shop file"),
    "kpis.scorecard_sent": _("KPI scorecard emailed"),
}


def seat_kpis(seat: Seat) -> list[tuple[str, str]]:
    """Seat-ownership provider: the KPIs this seat answers for (one query)."""
    from django.urls import reverse

    from keel.kpis.selectors import kpis_owned_by_seat

    slug = seat.workspace.slug
    return [(kpi.name, reverse("kpis_detail", kwargs={"ws": slug, "kpi_id": kpi.pk}))
            for kpi in kpis_owned_by_seat(seat=seat)]  # fmt: skip


def connect() -> None:
    from keel.accounts.offboarding import Receiver, register_offboarding_step
    from keel.core.audit import register_action_labels
    from keel.core.scheduler import every
    from keel.core.seeding import register_demo_seeder
    from keel.feedback.agenda_feeds import register_agenda_feed
    from keel.feedback.models import AgendaSource
    from keel.kpis.agenda import missed_kpis, render_missed
    from keel.kpis.demo import seed_demo_kpis
    from keel.kpis.jobs import compute_kpis
    from keel.kpis.offboarding import hand_over_kpis, preview_kpis
    from keel.kpis.scorecard_mail import register as register_scorecard_kind
    from keel.kpis.scorecard_text import chat_scorecard
    from keel.notifications.chat_topics import register_chat_topic
    from keel.org.ownership import register_seat_ownership
    from keel.ui.nav import NavItem, register_nav

    register_demo_seeder(seed_demo_kpis)
    register_action_labels(KPIS_ACTION_LABELS)
    register_seat_ownership("kpis.kpis", _("KPIs"), seat_kpis)
    every(24 * 3600, compute_kpis)  # then send_scorecards (the monthly email), when due
    register_scorecard_kind()
    register_chat_topic("kpis.scorecard", _("Monthly KPI scorecard"), render=chat_scorecard)
    register_agenda_feed(AgendaSource.KPI, pull=missed_kpis, render=render_missed)
    register_offboarding_step(
        "kpis.owned", _("KPIs they answer for"), hand_over_kpis, preview=preview_kpis,
        receiver=Receiver.PERSON, empty_label=_("Nobody: the managers look after it"),
    )  # fmt: skip
    register_nav(NavItem(key="kpis", label=_("KPIs"), url_name="kpis_scorecard",
                         permission="kpis.view", order=55))  # fmt: skip
