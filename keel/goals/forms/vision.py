"""Forms for the vision pages. They parse input; the year and seat rules live in services.

Seat pickers offer only the workspace's seats, grouped by status (filled, open, planned), so
a seat of another workspace is refused as an invalid choice before the service sees it.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from keel.core.models import Membership
from keel.goals import selectors
from keel.goals.models import MilestoneStatus
from keel.kpis.models import Kpi
from keel.org.models import Seat, SeatStatus

SEAT_STATUS_LABELS = dict(SeatStatus.choices)


class VisionForm(forms.Form):
    statement = forms.CharField(
        label=_("Vision statement"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Where the company will be at the horizon, in one or two sentences."),
    )
    horizon_year = forms.IntegerField(
        label=_("Horizon year"), min_value=2000, max_value=2200,
        help_text=_("Usually five years from now."),
    )  # fmt: skip


class ValueForm(forms.Form):
    title = forms.CharField(label=_("Value"), max_length=80)
    description = forms.CharField(
        label=_("What it means in practice"), max_length=300, required=False
    )


class GoalForm(forms.Form):
    title = forms.CharField(
        label=_("Goal"), max_length=200,
        help_text=_("Something you can check, e.g. “¥10M yearly revenue”."),
    )  # fmt: skip
    target_year = forms.IntegerField(label=_("Target year"), min_value=2000, max_value=2200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


def seat_label(seat: Seat) -> str:
    holder = seat.display_holder
    label = f"{seat.title} — {holder}" if holder else seat.title
    if seat.status == SeatStatus.PLANNED and seat.planned_for:
        quarter = (seat.planned_for.month - 1) // 3 + 1
        return f"{label} ({seat.planned_for.year} Q{quarter})"
    return label


class _SeatChoiceMixin:
    def label_from_instance(self, obj: Any) -> str:
        return seat_label(obj)


class SeatChoiceField(_SeatChoiceMixin, forms.ModelChoiceField):
    pass


class SeatMultipleChoiceField(_SeatChoiceMixin, forms.ModelMultipleChoiceField):
    pass


def _grouped_choices(seats: list[Seat], *, blank: str | None) -> list[tuple[Any, Any]]:
    """Choices as <optgroup>s by seat status, so planned seats are easy to tell apart."""
    choices: list[tuple[Any, Any]] = [("", blank)] if blank is not None else []
    for status in selectors.SEAT_STATUS_ORDER:
        group = [(s.pk, seat_label(s)) for s in seats if s.status == status]
        if group:
            choices.append((SEAT_STATUS_LABELS[status], group))
    return choices


def _kpi_label(kpi: Kpi) -> str:
    if kpi.archived_at is not None:
        return _("%(name)s (archived)") % {"name": kpi.name}
    return kpi.name


def _kpi_choices(kpis: list[Kpi]) -> list[tuple[Any, Any]]:
    """ "No KPI", then the company's KPIs, then one <optgroup> per team."""
    choices: list[tuple[Any, Any]] = [("", str(_("— No KPI —")))]
    company = [(k.pk, _kpi_label(k)) for k in kpis if k.department is None]
    if company:
        choices.append((str(_("Company")), company))
    teams: dict[str, list[tuple[int, str]]] = {}
    for kpi in kpis:
        if kpi.department is not None:
            teams.setdefault(kpi.department.name, []).append((kpi.pk, _kpi_label(kpi)))
    choices.extend(teams.items())
    return choices


class MilestoneForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2200)
    title = forms.CharField(
        label=_("Milestone"), max_length=200,
        help_text=_("What will be true at the end of that year, e.g. “Launch own brand”."),
    )  # fmt: skip
    status = forms.ChoiceField(label=_("Status"), choices=MilestoneStatus.choices)
    owner_seat = SeatChoiceField(
        label=_("Owner seat"), queryset=Seat.objects.none(), required=False,
        help_text=_("The seat on the org chart that answers for this milestone."),
    )  # fmt: skip
    needed_seats = SeatMultipleChoiceField(
        label=_("Seats it needs"), queryset=Seat.objects.none(), required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_(
            "Planned seats that must be filled to reach it. Hold Ctrl (⌘ on a Mac) to "
            "choose more than one."
        ),
    )  # fmt: skip
    kpi = forms.ModelChoiceField(
        label=_("KPI"), queryset=Kpi.objects.none(), required=False,
        help_text=_("The KPI that measures it: the vision shows its figure for the year "
                    "against the year's target."),
    )  # fmt: skip

    def __init__(
        self, *args: Any, actor: Membership, current_kpi: int | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        kpi = self.fields["kpi"]
        assert isinstance(kpi, forms.ModelChoiceField)
        kpis = selectors.kpis_for_picker(workspace=actor.workspace, keep=current_kpi)
        kpi.queryset = kpis
        kpi.choices = _kpi_choices(list(kpis))
        seats = list(selectors.seats_for_picker(workspace=actor.workspace))
        owner = self.fields["owner_seat"]
        needed = self.fields["needed_seats"]
        assert isinstance(owner, forms.ModelChoiceField)
        assert isinstance(needed, forms.ModelMultipleChoiceField)
        queryset = selectors.seats_for_picker(workspace=actor.workspace)
        owner.queryset = needed.queryset = queryset
        owner.choices = _grouped_choices(seats, blank=str(_("— No owner yet —")))
        needed.choices = _grouped_choices(seats, blank=None)


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=MilestoneStatus.choices)


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", _("Up")), ("down", _("Down"))])
