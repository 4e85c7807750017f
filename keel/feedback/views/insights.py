"""Manager views: a person's page, the team page, the signals, the watched words, flagging.

Each page asks keel.feedback.access through the selectors: a person page is a 404 unless the
viewer may read that person's private answers; signals never show to their subject or to
peers. Charts are server-rendered SVG (keel.ui.charts) beside the same figures as text.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from keel.core.middleware import request_membership
from keel.core.permissions import has_perm, require
from keel.core.services import AuditContext
from keel.feedback import access
from keel.feedback.forms.insights import (
    AcknowledgeForm,
    FlagForm,
    TeamFilterForm,
    WatchWordsForm,
)
from keel.feedback.models import Answer
from keel.feedback.selectors import insights as selectors
from keel.feedback.selectors import team as team_selectors
from keel.feedback.services import flags
from keel.feedback.services import signals as signal_services
from keel.ui.charts import Series, line_chart
from keel.ui.forms import submit


def _trend_chart(page: selectors.PersonPage) -> Any:
    name = page.person.user.display_name
    labels = selectors.chart_labels(page.weeks)
    known = [v for v in page.mood if v is not None]
    desc = _(
        "Weekly averages on a 1–5 scale over %(weeks)d weeks; %(known)d weeks have a mood "
        "score. The table after the chart lists the same figures."
    ) % {"weeks": len(page.weeks), "known": len(known)}
    return line_chart(
        [
            Series(_("Mood"), list(zip(labels, page.mood, strict=True)), tone="blue"),
            Series(_("Workload"), list(zip(labels, page.workload, strict=True)), tone="amber"),
        ],
        y_min=1, y_max=5, width=720, height=220, svg_id="person-trend",
        title=_("Mood and workload of %(name)s") % {"name": name}, desc=desc,
    )  # fmt: skip


@login_required
def person(request: HttpRequest, ws: str, member_id: int) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "feedback.view")
    subject = selectors.get_person_for(actor, member_id)
    page = selectors.person_page(viewer=actor, person=subject)
    context = {
        "page": page,
        "chart": _trend_chart(page),
        "trend": list(zip(page.weeks, page.mood, page.workload, strict=True)),
        "ack_form": AcknowledgeForm(),
        "may_flag": actor.pk != subject.pk,
    }
    return render(request, "feedback/person.html", context)


@login_required
def team(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "feedback.view")
    is_owner = access.people_led_by(actor) is None
    form = TeamFilterForm(request.GET or None, workspace=actor.workspace)
    department_id = group_id = None
    if is_owner and form.is_valid():
        department = form.cleaned_data.get("department")
        group = form.cleaned_data.get("group")
        department_id = department.pk if department else None
        group_id = group.pk if group else None
    page = team_selectors.team_page(viewer=actor, department_id=department_id, group_id=group_id)
    chart = None
    if page is not None and page.rows:
        labels = selectors.chart_labels(page.weeks)
        chart = line_chart(
            [Series(_("Average mood"), list(zip(labels, page.mood, strict=True)))],
            y_min=1, y_max=5, width=720, height=200, svg_id="team-mood",
            title=_("Average mood of the team per week"),
            desc=_("Weekly average of everyone's mood on a 1–5 scale over %(weeks)d weeks. "
                   "The table after the chart lists the same figures.")
            % {"weeks": len(page.weeks)},
        )  # fmt: skip
    context = {
        "page": page,
        "form": form if is_owner else None,
        "chart": chart,
        "trend": list(zip(page.weeks, page.mood, strict=True)) if page else [],
    }
    return render(request, "feedback/team.html", context)


@login_required
def signals(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "feedback.view")
    return _signals_page(request, actor)


def _signals_page(
    request: HttpRequest, actor: Any, *, failed: int | None = None, form: Any = None
) -> HttpResponse:
    open_rows, closed = selectors.visible_signals(viewer=actor, recent_closed=20)
    context = {
        "open_rows": open_rows,
        "closed_rows": closed,
        "ack_form": AcknowledgeForm(),
        "failed": failed,
        "failed_form": form,
        "can_edit_words": has_perm(actor, "feedback.watch_words"),
    }
    return render(request, "feedback/signals.html", context, status=400 if form else 200)


def _next_url(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


@login_required
@require_POST
def signal_acknowledge(request: HttpRequest, ws: str, signal_id: int) -> HttpResponse:
    actor = request_membership(request)
    signal = selectors.get_signal_for(actor, signal_id)
    form = AcknowledgeForm(request.POST)
    done = submit(request, form, lambda data: signal_services.signal_acknowledge(
        actor=actor, signal=signal, note=data["note"],
        context=AuditContext.from_request(request),
    ))  # fmt: skip
    if done is None:
        return _signals_page(request, actor, failed=signal.pk, form=form)
    messages.success(request, _("Signal acknowledged."))
    return redirect(_next_url(request, reverse("feedback_signals", kwargs={"ws": ws})))


@login_required
@require_http_methods(["GET", "POST"])
def watch_words(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "feedback.watch_words")
    initial = {"words": "\n".join(signal_services.watch_words_of(actor.workspace))}
    form = WatchWordsForm(request.POST or None, initial=initial)
    saved = submit(request, form, lambda data: signal_services.watch_words_update(
        actor=actor, words=data["words"], context=AuditContext.from_request(request),
    ))  # fmt: skip
    if saved is not None:
        messages.success(request, _("Watched words saved."))
        return redirect("feedback_watch_words", ws=ws)
    return render(request, "feedback/watch_words.html", {"form": form},
                  status=400 if form.errors else 200)  # fmt: skip


def _answer_for(actor: Any, answer_id: int) -> Answer:
    """An answer whose writer's private answers `actor` may read, else 404."""
    answer = (
        Answer.objects.in_workspace(actor.workspace)
        .filter(pk=answer_id)
        .select_related("report__author__user", "report__author__workspace", "question")
        .first()
    )
    if answer is None or not access.can_read_private(actor, answer.report.author):
        raise Http404
    return answer


@login_required
@require_http_methods(["GET", "POST"])
def answer_flag(request: HttpRequest, ws: str, answer_id: int) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "feedback.view")
    answer = _answer_for(actor, answer_id)
    author = answer.report.author
    options, default = flags.series_for_flag(actor=actor, author=author)
    by_id = {s.pk: s for s in options}
    form = FlagForm(request.POST or None, initial={"series": default},
                    choices=[(s.pk, s.title) for s in options])  # fmt: skip
    item = submit(request, form, lambda data: flags.answer_flag(
        actor=actor, answer=answer, series=by_id[data["series"]],
        context=AuditContext.from_request(request),
    ))  # fmt: skip
    person_url = reverse("feedback_person", kwargs={"ws": ws, "member_id": author.pk})
    if item is not None:
        messages.success(request, _("Added to the agenda of %(series)s on %(date)s.") % {
            "series": item.meeting.series.title,
            "date": _local_date(item.meeting.starts_at),
        })  # fmt: skip
        return redirect(person_url)
    context = {"form": form, "answer": answer, "author": author, "options": options,
               "person_url": person_url}  # fmt: skip
    return render(request, "feedback/flag.html", context, status=400 if form.errors else 200)


def _local_date(value: Any) -> str:
    return date_format(timezone.localtime(value))
