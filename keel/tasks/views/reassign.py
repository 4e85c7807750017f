"""The reassign page linked from the offboarding summary: a person's open tasks, handed over
in one step (all or the selected ones) to another person or to a seat."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from keel.core.models import Membership, Role
from keel.core.permissions import require
from keel.core.services import AuditContext
from keel.org.models import Seat
from keel.tasks import services
from keel.tasks.models import Task
from keel.ui.forms import submit

MAX_ROWS = 500


class ReassignForm(forms.Form):
    target = forms.ChoiceField(label=gettext_lazy("Give the tasks to"))
    tasks = forms.MultipleChoiceField(
        label=gettext_lazy("Tasks"), required=False, widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Leave all unticked to reassign every task listed."),
    )  # fmt: skip

    def __init__(self, *args: Any, people: list[Membership], seats: list[Seat],
                 tasks: list[Task], **kwargs: Any) -> None:  # fmt: skip
        super().__init__(*args, **kwargs)
        self.people = {str(p.pk): p for p in people}
        self.seats = {str(s.pk): s for s in seats}
        target: Any = self.fields["target"]
        target.choices = [
            ("", "—"),
            (_("People"), [(f"m:{p.pk}", p.user.display_name) for p in people]),
            (_("Seats"), [(f"s:{s.pk}", s.title) for s in seats]),
        ]
        task_field: Any = self.fields["tasks"]
        task_field.choices = [(str(t.pk), str(t)) for t in tasks]

    def target_object(self) -> tuple[Membership | None, Seat | None]:
        kind, _sep, pk = self.cleaned_data["target"].partition(":")
        if kind == "m" and pk in self.people:
            return self.people[pk], None
        if kind == "s" and pk in self.seats:
            return None, self.seats[pk]
        raise ValidationError({"target": _("Choose a person or a seat.")})


@login_required
@require_http_methods(["GET", "POST"])
def reassign(request: HttpRequest, ws: str, membership_pk: int) -> HttpResponse:
    actor: Membership = request.membership  # type: ignore[attr-defined]
    require(actor, "members.offboard")
    person = (
        Membership.objects.in_workspace(actor.workspace)
        .select_related("user").filter(pk=membership_pk).first()
    )  # fmt: skip
    if person is None:
        raise Http404
    tasks = list(
        Task.objects.open()
        .filter(workspace=actor.workspace, assignee=person)
        .select_related("project", "section", "assignee_seat", "assignee__user")
        .order_by("due_date", "id")[:MAX_ROWS]
    )
    people = list(
        Membership.objects.active()
        .filter(workspace=actor.workspace)
        .exclude(pk=person.pk)
        .exclude(role=Role.GUEST)
        .select_related("user")
        .order_by("user__full_name", "user__email")
    )
    seats = list(Seat.objects.in_workspace(actor.workspace).order_by("title"))
    form = ReassignForm(request.POST or None, people=people, seats=seats, tasks=tasks)

    def hand_over(data: dict[str, Any]) -> int:
        chosen = set(data["tasks"])
        selected = [t for t in tasks if not chosen or str(t.pk) in chosen]
        assignee, seat = form.target_object()
        return services.tasks_bulk_update(
            actor=actor, tasks=selected, assignee=None if seat is not None else assignee,
            assignee_seat=seat, context=AuditContext.from_request(request),
        )  # fmt: skip

    count = submit(request, form, hand_over)
    if count is not None:
        messages.success(request, _("%(count)s tasks reassigned.") % {"count": count})
        return redirect("tasks_reassign", ws=ws, membership_pk=person.pk)
    context = {"person": person, "tasks": tasks, "form": form, "truncated": len(tasks) >= MAX_ROWS}
    return render(request, "tasks/reassign/reassign.html", context)
