"""The monthly scorecard by email: who gets it, what it says, and the message itself.

Built once per workspace and month: the charts (PNG, the same for every language: they hold
no words) once, the scorecard once per reader language, then one message per recipient in
their language and time zone — HTML with the charts inline (multipart/related, each image
named by its Content-ID) and a plain-text part. `deliver` sends; the services in
`services/scorecard_mail.py` decide when (once a month, or a manager's "Send now").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from email.mime.image import MIMEImage
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from keel.core.mail import absolute_url, as_reader, reader_language
from keel.core.models import Membership, Workspace
from keel.core.permissions import PERMISSIONS
from keel.kpis import figures, selectors
from keel.kpis.chart_png import HEIGHT, WIDTH, trend_png
from keel.kpis.metrics import _zone
from keel.kpis.models import Kpi, KpiMonth
from keel.kpis.scorecard_text import lines_for, missed_first
from keel.kpis.selectors import KpiHistory, Scorecard
from keel.kpis.selectors.scorecard import MonthRow, ScoreKpi
from keel.kpis.templatetags.kpis_tags import status_text
from keel.kpis.trend import in_thousands
from keel.notifications.kinds import KINDS, register_kind, render_title
from keel.notifications.models import Notification, NotificationPreference
from keel.notifications.services import chat_post

KIND = "kpis.scorecard"
CHART_MONTHS = 12
# At most this many charts in one email (a chart is 1.5–3 KB): the message, which travels
# sealed in its mail job's payload (base64 twice: ~1.8 times its bytes), stays near 150 KB
# at most whatever the number of KPIs; the KPIs after them are listed without a chart, and
# the missed ones come first.
MAX_CHARTS = 24


def _kind_title(params: Mapping[str, Any]) -> str:
    month = date.fromisoformat(f"{params['month']}-01")
    return _("KPI scorecard for %(month)s") % {"month": date_format(month, "YEAR_MONTH_FORMAT")}


def register() -> None:
    """The notification kind (from kpis' wiring): email on by default, in Keel too."""
    register_kind(KIND, gettext_lazy("Monthly KPI scorecard"), render=_kind_title,
                  in_app=True, email=True)  # fmt: skip


def workspace_today(workspace: Workspace) -> date:
    return timezone.localdate(timezone=_zone(workspace))


def scorecard_path(workspace: Workspace, month: date) -> str:
    return reverse("kpis_scorecard", kwargs={"ws": workspace.slug}) + f"?month={month:%Y-%m}"


# --- who ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Recipient:
    membership: Membership
    in_app: bool
    email: bool


def recipients(workspace: Workspace) -> list[Recipient]:
    """Active members who may view KPIs, with their choice for this kind (two queries)."""
    members = list(
        Membership.objects.in_workspace(workspace).active()
        .filter(role__in=PERMISSIONS["kpis.view"], user__is_active=True)
        .select_related("user", "workspace").order_by("pk")
    )  # fmt: skip
    saved = {
        pk: (in_app, email)
        for pk, in_app, email in NotificationPreference.objects.in_workspace(workspace)
        .filter(kind=KIND, membership__in=[m.pk for m in members])
        .values_list("membership_id", "in_app", "email")
    }
    spec = KINDS[KIND]
    out = []
    for member in members:
        in_app, email = saved.get(member.pk, (spec.in_app, spec.email))
        if in_app or email:
            out.append(Recipient(member, in_app, email))
    return out


# --- what -----------------------------------------------------------------------------------


def chart_histories(*, workspace: Workspace, kpis: list[Kpi] | list[ScoreKpi], month: date,
                    today: date) -> dict[int, KpiHistory]:  # fmt: skip
    """Each KPI's last CHART_MONTHS months up to `month`, as `selectors.kpi_history` builds
    them for the page's chart, in one query for all of them."""
    wanted = [figures.add_months(month, -n) for n in range(CHART_MONTHS - 1, -1, -1)]
    found = (
        KpiMonth.objects.in_workspace(workspace)
        .filter(kpi_id__in=[k.pk for k in kpis], month__gte=wanted[0], month__lte=month)
        .values_list("kpi_id", "month", "target", "value", "comment", "source")
    )
    rows: dict[tuple[int, date], MonthRow | None] = {}
    weekly: dict[int, dict[date, MonthRow]] = {k.pk: {} for k in kpis if k.is_weekly}
    for kpi_id, m, t, v, c, s in found:
        if kpi_id in weekly:
            weekly[kpi_id][m] = MonthRow(t, v, c, s)
        else:
            rows[(kpi_id, m)] = MonthRow(t, v, c, s)
    for kpi in kpis:  # a weekly KPI's chart is of its months, as its scorecard row
        if kpi.is_weekly:
            for m in wanted:
                rows[(kpi.pk, m)] = selectors.rolled_month(month=m, weeks=weekly[kpi.pk],
                                                           how=kpi.aggregation)  # fmt: skip
    out = {}
    for kpi in kpis:
        cells = [selectors.cell(kpi, m, rows.get((kpi.pk, m)), today) for m in wanted]
        pace = figures.pace(cells[-1].value, how=kpi.aggregation, month=month, today=today)  # type: ignore[arg-type]
        out[kpi.pk] = KpiHistory(kpi=kpi, owner="", cells=cells, pace=pace, pace_text="")
    return out


@dataclass(frozen=True)
class Chart:
    cid: str  # the Content-ID, without <>
    png: bytes
    in_thousands: bool


def charts_for(*, workspace: Workspace, scorecard: Scorecard, today: date) -> dict[int, Chart]:
    """The charts of the first MAX_CHARTS KPIs in the email's order (missed teams first)."""
    kpis = [row.kpi for s in missed_first(scorecard.sections) for row in s.rows][:MAX_CHARTS]
    histories = chart_histories(workspace=workspace, kpis=kpis, month=scorecard.month,
                                today=today)  # fmt: skip
    month = f"{scorecard.month:%Y%m}"
    return {
        pk: Chart(cid=f"kpi-{pk}-{month}@keel", png=trend_png(h), in_thousands=in_thousands(h))
        for pk, h in histories.items()
    }


@dataclass(frozen=True)
class Edition:
    """The scorecard of one month in one language, and the charts every language shares."""

    scorecard: Scorecard
    charts: dict[int, Chart]


def render_message(member: Membership, edition: Edition) -> EmailMultiAlternatives:
    """The email for `member`, in their language and time zone (call inside as_reader)."""
    card = edition.scorecard
    workspace = member.workspace
    month_label = date_format(card.month, "YEAR_MONTH_FORMAT")
    prefs = reverse("notification_preferences", kwargs={"ws": workspace.slug})
    sections = [
        {"title": s.title, "missed": s.missed, "rows": [
            {"row": r, "chart": edition.charts.get(r.kpi.pk),
             "status": status_text(r.cell.status, has_value=r.cell.value is not None)}
            for r in s.rows
        ]}
        for s in missed_first(card.sections)
    ]  # fmt: skip
    context = {
        "workspace": workspace,
        "month_label": month_label,
        "counts": card.counts,
        "sections": sections,
        "lines": lines_for(card, details=True),
        "scorecard_url": absolute_url(scorecard_path(workspace, card.month)),
        "preferences_url": absolute_url(prefs),
        "kind_label": KINDS[KIND].label,
        "chart_width": WIDTH,
        "chart_height": HEIGHT,
    }
    subject = _("%(workspace)s: KPI scorecard for %(month)s") % {
        "workspace": workspace.name, "month": month_label}  # fmt: skip
    message = EmailMultiAlternatives(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}".replace("\n", " "),
        body=render_to_string("kpis/email/scorecard.txt", context),
        to=[member.user.email],
    )
    message.attach_alternative(render_to_string("kpis/email/scorecard.html", context), "text/html")
    message.mixed_subtype = "related"  # the images belong to the HTML part
    for chart in edition.charts.values():
        image = MIMEImage(chart.png, "png")
        image.add_header("Content-ID", f"<{chart.cid}>")
        image.add_header("Content-Disposition", "inline", filename=f"{chart.cid.split('@')[0]}.png")
        message.attach(image)
    return message


def _in_app(member: Membership, month: date, url: str) -> None:
    """The in-app notification, as notify() writes one. notify() itself would also send its
    plain-text email for this kind, and the scorecard has its own: so only its in-app half,
    here (docs/kpis.md, "Scorecard by email")."""
    params = {"month": f"{month:%Y-%m}"}
    title = render_title(KIND, params) or ""
    Notification.objects.create(workspace=member.workspace, recipient=member, kind=KIND,
                                params=params, title=title[:200], url=url)  # fmt: skip


def deliver(*, workspace: Workspace, month: date) -> int:
    """Send `month`'s scorecard to every recipient on the channels they chose: the in-app
    notification now, the emails queued after commit. Returns how many members got it.
    Queries: the recipients, the charts, and one scorecard per reader language."""
    url = scorecard_path(workspace, month)
    # The team chats that take the scorecard hear of it too (notifications.chat_topics):
    # the counts and the KPIs off target, in each chat's language, when it is sent.
    chat_post(workspace=workspace, topic="kpis.scorecard", url=url,
              params={"workspace_id": workspace.pk, "month": f"{month:%Y-%m}"})  # fmt: skip
    people = recipients(workspace)
    if not people:
        return 0
    today = workspace_today(workspace)
    by_language: dict[str, list[Recipient]] = defaultdict(list)
    for person in people:
        by_language[reader_language(person.membership)].append(person)
    charts: dict[int, Chart] | None = None
    messages = []
    for language, group in by_language.items():
        with translation.override(language):
            card = selectors.scorecard(workspace=workspace, month=month, today=today)
        if charts is None:
            charts = charts_for(workspace=workspace, scorecard=card, today=today)
        edition = Edition(card, charts)
        for person in group:
            with as_reader(person.membership):
                if person.in_app:
                    _in_app(person.membership, month, url)
                if person.email:
                    messages.append(render_message(person.membership, edition))
    for message in messages:
        message.send()  # queued: keel.core.mail sends each after commit, in its own job
    return len(people)
