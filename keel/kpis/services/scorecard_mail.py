"""When the scorecard email goes out: on the first working day of the month, last month's,
once per workspace and month (`ScorecardSend`); and when a manager presses "Send now".

The first working day is the first Monday to Friday of the month in the workspace's time
zone; public holidays are not known to Keel, so a shop closed on 1 October still gets it then.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from keel.core.audit import audit
from keel.core.models import Membership, Workspace
from keel.core.permissions import require
from keel.core.services import AuditContext, audit_event
from keel.kpis.figures import add_months, month_start
from keel.kpis.models import Kpi, ScorecardSend
from keel.kpis.scorecard_mail import deliver, workspace_today

# "Send now" again for the same month only after this long: a double click, or two managers
# at once, send one email, not two.
RESEND_AFTER = timedelta(minutes=10)
OLDEST_MONTHS = 24  # the scorecard page's month picker goes back this far


def first_working_day(month: date) -> date:
    """The month's first Monday to Friday (holidays are not considered)."""
    day = month_start(month)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def due_month(today: date) -> date | None:
    """The month whose scorecard is due on `today`: last month, from this month's first
    working day on (a server that was down on that day catches up later in the month;
    older months are never sent automatically). None before that day."""
    if today < first_working_day(today):
        return None
    return add_months(month_start(today), -1)


def scorecard_send_due(*, workspace: Workspace, today: date | None = None) -> int:
    """Send last month's scorecard if it is due and not sent yet. Returns how many members
    got it (0 when not due, already sent, or the workspace has no KPI)."""
    month = due_month(today or workspace_today(workspace))
    if month is None or not Kpi.objects.in_workspace(workspace).active().exists():
        return 0
    with transaction.atomic():
        # The unique (workspace, month) row is the claim: of two runs, one sends. A failure
        # rolls it back with the notifications and the queued emails, so the next run retries.
        send, created = ScorecardSend.objects.get_or_create(
            workspace=workspace, month=month, defaults={"sent_at": timezone.now()}
        )
        if not created:
            return 0
        send.recipients = deliver(workspace=workspace, month=month)
        send.save(update_fields=["recipients", "updated_at"])
        audit(action="kpis.scorecard_sent", workspace=workspace, target=send,
              data={"month": f"{month:%Y-%m}", "recipients": send.recipients})  # fmt: skip
    return send.recipients


def scorecard_send_now(
    *, actor: Membership, month: date, context: AuditContext | None = None
) -> ScorecardSend:
    """A manager sends `month`'s scorecard to its recipients now (a finished month, at most
    once every ten minutes). The monthly job then skips that month. The sending itself is
    a job (charts and one email per member), enqueued after commit."""
    from keel.kpis.jobs import send_scorecard

    require(actor, "kpis.manage")
    workspace = actor.workspace
    this_month = month_start(workspace_today(workspace))
    month = month_start(month)
    if month >= this_month:
        raise ValidationError({"month": _("Only a finished month's scorecard can be sent.")})
    if month < add_months(this_month, -OLDEST_MONTHS):
        raise ValidationError({"month": _("Choose one of the last 24 months.")})
    if not Kpi.objects.in_workspace(workspace).active().exists():
        raise ValidationError({"month": _("There are no KPIs to send yet.")})
    now = timezone.now()
    with transaction.atomic():
        send, created = ScorecardSend.objects.select_for_update().get_or_create(
            workspace=workspace, month=month, defaults={"sent_at": now, "sent_by": actor}
        )
        if not created:
            if send.sent_at > now - RESEND_AFTER:
                message = _("This scorecard was sent a few minutes ago. Try again in ten minutes.")
                raise ValidationError({"month": message})
            send.sent_at, send.sent_by = now, actor
            send.save(update_fields=["sent_at", "sent_by", "updated_at"])
        audit_event(actor, "kpis.scorecard_sent", send, context, month=f"{month:%Y-%m}")
        ws_id, slug = workspace.pk, f"{month:%Y-%m}"
        transaction.on_commit(lambda: send_scorecard.enqueue(workspace_id=ws_id, month=slug))
    return send
