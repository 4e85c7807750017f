"""Progress: project status updates, and day/week/month summaries sent to a group by email.

A summary lists what was done in the period, what is overdue and what is coming up (due from
today to the end of the next period), for one project or one person (their own tasks and
those of the seats that resolve to them). Each list is capped, so a summary is a fixed
number of queries whatever the data.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from keel.accounts.services import group_send
from keel.core.mail import absolute_url
from keel.core.permissions import require
from keel.core.services import AuditContext, audit_event, same_workspace
from keel.notifications.services import chat_post
from keel.tasks import selectors
from keel.tasks.access import can_see_project, require_edit_in_project
from keel.tasks.markdown import render_markdown
from keel.tasks.models import ProgressStatus, Project, Status, StatusUpdate, Task, Visibility
from keel.tasks.services._common import display_name, workspace_tz

if TYPE_CHECKING:
    from keel.accounts.models import Group
    from keel.core.models import Membership

PERIODS = ("day", "week", "month")
PERIOD_LABELS = {
    "day": gettext_lazy("Today"),
    "week": gettext_lazy("This week"),
    "month": gettext_lazy("This month"),
}
LIST_LIMIT = 50  # rows per list in a summary; the total is shown beside it
MAX_TEXT = 10_000
CHAT_EXCERPT = 300  # of a status update's text, in a chat message


# --- Status updates -------------------------------------------------------------------------


def status_update_create(
    *,
    actor: Membership,
    project: Project,
    status: str,
    text: str,
    context: AuditContext | None = None,
) -> StatusUpdate:
    """Post a status (on track / at risk / off track) with a Markdown note."""
    same_workspace(actor, project)
    require_edit_in_project(actor, project)
    errors: dict[str, list[Any]] = {}
    if status not in ProgressStatus.values:
        errors["status"] = [_("Choose on track, at risk or off track.")]
    text = (text or "").strip()
    if not text:
        errors["text"] = [_("Say in a sentence or two how the project is going.")]
    elif len(text) > MAX_TEXT:
        errors["text"] = [_("Keep the update under 10,000 characters.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        update = StatusUpdate.objects.create(
            workspace=actor.workspace, project=project, author=actor, status=status, text=text,
            text_html=render_markdown(text),
        )  # fmt: skip
        audit_event(actor, "project.status_posted", project, context, status=status)
        if project.visibility == Visibility.WORKSPACE:
            # Only what every member may read goes to a chat; a members-only project stays in Keel.
            chat_post(workspace=actor.workspace, topic="tasks.status_update",
                      url=reverse("project_updates", kwargs={"ws": actor.workspace.slug,
                                                             "project_id": project.pk}),
                      params={"actor": display_name(actor), "project": project.name,
                              "status": status, "text": text[:CHAT_EXCERPT]})  # fmt: skip
    return update


def status_updates_for(*, project: Project, limit: int = 50) -> list[StatusUpdate]:
    """The project's history, newest first (one query)."""
    return list(
        StatusUpdate.objects.in_workspace(project.workspace)
        .filter(project=project)
        .select_related("author__user")
        .order_by("-created_at", "-id")[:limit]
    )


def latest_status(*, project: Project) -> StatusUpdate | None:
    rows = status_updates_for(project=project, limit=1)
    return rows[0] if rows else None


# --- Summaries ------------------------------------------------------------------------------


def period_bounds(period: str, today: date, *, first_weekday: int = 0) -> tuple[date, date, date]:
    """(first day, last day, last day of the next period) of the period containing `today`.

    A week starts on `first_weekday` (Python's numbering, Monday=0): the workspace's week
    start, so "this week" in a summary is the week its calendar and workload show.
    """
    if period == "day":
        return today, today, today + timedelta(days=1)
    if period == "week":
        start = today - timedelta(days=(today.weekday() - first_weekday) % 7)
        return start, start + timedelta(days=6), start + timedelta(days=13)
    if period == "month":
        last = calendar.monthrange(today.year, today.month)[1]
        start, end = today.replace(day=1), today.replace(day=last)
        nxt = end + timedelta(days=1)
        return start, end, nxt.replace(day=calendar.monthrange(nxt.year, nxt.month)[1])
    raise ValidationError({"period": _("Choose a day, a week or a month.")})


@dataclass
class Section:
    tasks: list[Task]
    total: int

    @property
    def more(self) -> int:
        return max(self.total - len(self.tasks), 0)


@dataclass
class Summary:
    kind: str  # "project" or "person"
    name: str
    period: str
    today: date
    start: date
    end: date
    coming_until: date
    done: Section
    overdue: Section
    coming_up: Section
    project: Project | None = None
    membership: Membership | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def period_label(self) -> str:
        return str(PERIOD_LABELS[self.period])


def _section(qs: QuerySet[Task], order: list[str]) -> Section:
    rows = list(
        qs.select_related("project", "assignee__user", "assignee_seat").order_by(*order)[
            : LIST_LIMIT + 1
        ]
    )
    if len(rows) <= LIST_LIMIT:
        return Section(tasks=rows, total=len(rows))
    return Section(tasks=rows[:LIST_LIMIT], total=qs.count())


def _summary(
    base: QuerySet[Task], *, period: str, today: date, tz: Any, first_weekday: int
) -> dict[str, Any]:
    start, end, coming_until = period_bounds(period, today, first_weekday=first_weekday)
    done_from = timezone.make_aware(datetime.combine(start, time()), tz)
    done_to = timezone.make_aware(datetime.combine(end + timedelta(days=1), time()), tz)
    open_qs = base.exclude(status=Status.DONE)
    return {
        "start": start,
        "end": end,
        "coming_until": coming_until,
        "done": _section(
            base.filter(status=Status.DONE, completed_at__gte=done_from, completed_at__lt=done_to),
            ["-completed_at", "-id"],
        ),
        "overdue": _section(open_qs.filter(due_date__lt=today), ["due_date", "id"]),
        "coming_up": _section(
            open_qs.filter(due_date__gte=today, due_date__lte=coming_until), ["due_date", "id"]
        ),
    }


def summary_for_project(*, project: Project, period: str, today: date | None = None) -> Summary:
    tz = workspace_tz(project.workspace)
    today = today or timezone.localdate(timezone.now(), tz)
    base = Task.objects.in_workspace(project.workspace).filter(project=project)
    parts = _summary(base, period=period, today=today, tz=tz,
                     first_weekday=project.workspace.first_weekday)  # fmt: skip
    return Summary(kind="project", name=project.name, period=period, today=today,
                   project=project, **parts)  # fmt: skip


def summary_for_person(
    *,
    membership: Membership,
    period: str,
    today: date | None = None,
    viewer: Membership | None = None,
) -> Summary:
    """The person's tasks (their own and their seats'), limited to projects `viewer` sees."""
    tz = workspace_tz(membership.workspace)
    today = today or timezone.localdate(timezone.now(), tz)
    base = Task.objects.in_workspace(membership.workspace).filter(
        selectors.work_of(membership, workspace_id=membership.workspace_id)
    )
    if viewer is not None:
        base = base.filter(project__in=selectors.visible_projects(viewer).values("pk"))
    parts = _summary(base, period=period, today=today, tz=tz,
                     first_weekday=membership.workspace.first_weekday)  # fmt: skip
    return Summary(kind="person", name=display_name(membership), period=period, today=today,
                   membership=membership, **parts)  # fmt: skip


def summary_subject(summary: Summary) -> str:
    if summary.period == "day":
        text = _("Today's tasks — %(name)s")
    elif summary.period == "week":
        text = _("This week's tasks — %(name)s")
    else:
        text = _("This month's tasks — %(name)s")
    return text % {"name": summary.name}


def summary_render(summary: Summary, *, base_url: str = "") -> tuple[str, str, str]:
    """(subject, text body, HTML body) in the active language."""
    context = {"summary": summary, "base_url": base_url.rstrip("/")}
    return (
        summary_subject(summary),
        render_to_string("tasks/planning/summary_email.txt", context),
        render_to_string("tasks/planning/summary_email.html", context),
    )


def summary_send_to_group(
    *,
    actor: Membership,
    group: Group,
    period: str,
    project: Project | None = None,
    membership: Membership | None = None,
    today: date | None = None,
    base_url: str = "",
    context: AuditContext | None = None,
) -> int:
    """Email the summary to every member of `group`, each in their own language (managers+).

    `base_url` is the site's address for the links in the email (the request's, from a page;
    KEEL_BASE_URL otherwise).
    Returns the number of messages queued.
    """
    require(actor, "groups.send")
    same_workspace(actor, group, project, membership)
    if (project is None) == (membership is None):
        raise ValidationError({"target": _("Choose a project or a person.")})
    if project is not None and not can_see_project(actor, project):
        raise PermissionDenied(_("You cannot see this project."))
    if period not in PERIODS:
        raise ValidationError({"period": _("Choose a day, a week or a month.")})
    if project is not None:
        summary = summary_for_project(project=project, period=period, today=today)
    else:
        assert membership is not None
        summary = summary_for_person(
            membership=membership, period=period, today=today, viewer=actor
        )
    link_base = absolute_url("", base_url)
    # The data is gathered once; each reader gets it worded in their own language.
    return group_send(actor=actor, group=group,
                      render=lambda _reader: summary_render(summary, base_url=link_base),
                      context=context)  # fmt: skip
