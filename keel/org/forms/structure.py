"""Forms for the org pages. They parse input; the rules (loops, holders, quarters) are the
services', whose ValidationErrors the views put back beside the fields (`ui.forms.submit`)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from keel.core.models import Membership
from keel.org import selectors
from keel.org.models import (
    CURRENCIES,
    DEFAULT_CURRENCY,
    DEPARTMENT_COLOURS,
    Department,
    EmploymentType,
    Seat,
    SeatStatus,
    add_quarters,
    quarter_label,
    quarter_start,
    workspace_today,
)

QUARTERS_AHEAD = 20


def quarter_choices(today: datetime.date, current: datetime.date | None = None) -> list[Any]:
    """This quarter and the next 20, as (ISO date of the first day, “2027 Q1”).

    A seat already planned for a quarter now past keeps it as a choice, so its edit form
    shows the value and the service explains why it must change.
    """
    starts = [add_quarters(today, n) for n in range(QUARTERS_AHEAD + 1)]
    if current is not None and quarter_start(current) not in starts:
        starts.insert(0, quarter_start(current))
    return [("", _("Choose a quarter")), *[(d.isoformat(), quarter_label(d)) for d in starts]]


def _to_date(value: str) -> datetime.date:
    return datetime.date.fromisoformat(value)


# The names of the palette's --dept-1 … --dept-8 (ui/static/ui/css/tokens.css), in order.
COLOUR_NAMES = [
    _("Blue"), _("Teal"), _("Green"), _("Ochre"), _("Orange"), _("Rose"), _("Violet"),
    _("Magenta"),
]  # fmt: skip
assert len(COLOUR_NAMES) == DEPARTMENT_COLOURS


class DepartmentForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=80)
    parent = forms.TypedChoiceField(
        label=_("Part of"), required=False, coerce=int, empty_value=None,
        help_text=_("Leave empty for a top-level department."),
    )  # fmt: skip
    colour = forms.TypedChoiceField(
        label=_("Colour on the chart"), coerce=int,
        choices=list(enumerate(COLOUR_NAMES, start=1)),
    )  # fmt: skip

    def __init__(
        self, *args: Any, actor: Membership, department: Department | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.departments = {
            row.department.pk: row.department
            for row in selectors.departments_tree(workspace=actor.workspace)
        }
        choices = selectors.department_choices(workspace=actor.workspace)
        if department is not None:
            choices = [(pk, label) for pk, label in choices if pk != department.pk]
        field = self.fields["parent"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("None (top level)")), *choices]
        if department is not None and not self.is_bound:
            self.initial.update(
                name=department.name, parent=department.parent_id, colour=department.colour
            )

    def clean_parent(self) -> Department | None:
        pk = self.cleaned_data.get("parent")
        return self.departments.get(pk) if pk is not None else None


class SeatChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        holder = obj.display_holder
        return f"{obj.title} — {holder}" if holder else str(obj.title)


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.user.display_name} <{obj.user.email}>"


class SeatForm(forms.Form):
    title = forms.CharField(label=pgettext_lazy("seat", "Title"), max_length=120)
    department = forms.TypedChoiceField(
        label=_("Department"), required=False, coerce=int, empty_value=None
    )
    reports_to = SeatChoiceField(
        label=_("Reports to"), queryset=Seat.objects.none(), required=False,
        empty_label=_("Nobody (top of the chart)"),
    )  # fmt: skip
    purpose = forms.CharField(
        label=_("Purpose"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Why this seat exists, in a sentence or two."),
    )  # fmt: skip
    responsibilities = forms.CharField(
        label=_("Responsibilities"), required=False, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One per line. Later modules link SOPs and recurring tasks to them."),
    )  # fmt: skip
    employment_type = forms.ChoiceField(label=_("Employment type"), choices=EmploymentType.choices)
    # FTE and currency are optional to the person filling the form: an empty FTE is full time,
    # and the currency matters only with a cost (itself optional). Marked required, they
    # carried an asterisk the user need not act on (issue 9: asterisks match `required`).
    fte = forms.DecimalField(
        label=_("FTE"), max_digits=3, decimal_places=2, initial="1.00", required=False,
        help_text=_("Full-time equivalent: 1 for full time, 0.5 for half time."),
    )  # fmt: skip
    cost_per_month = forms.DecimalField(
        label=_("Cost per month"), max_digits=12, decimal_places=2, required=False,
        help_text=_("Optional. Used by the headcount plan."),
    )  # fmt: skip
    cost_currency = forms.ChoiceField(
        label=_("Currency"),
        choices=[(c, c) for c in CURRENCIES],
        initial=DEFAULT_CURRENCY,
        required=False,
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=SeatStatus.choices, initial=SeatStatus.OPEN,
        help_text=_("Filled: someone holds it. Open: hiring now. Planned: from a future quarter."),
    )  # fmt: skip
    holder = MemberChoiceField(
        label=_("Holder"), queryset=Membership.objects.none(), required=False,
        empty_label=_("Nobody yet"), help_text=_("Only for a filled seat."),
    )  # fmt: skip
    placeholder_name = forms.CharField(
        label=_("Placeholder name"), max_length=80, required=False,
        help_text=_("Shown while nobody holds the seat, e.g. “Alex — to hire”."),
    )  # fmt: skip
    planned_for = forms.TypedChoiceField(
        label=_("Target quarter"), required=False, coerce=_to_date, empty_value=None,
        help_text=_("For a planned seat: the quarter it should be filled."),
    )  # fmt: skip

    def __init__(self, *args: Any, actor: Membership, seat: Seat | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        workspace = actor.workspace
        self.departments = {
            row.department.pk: row.department
            for row in selectors.departments_tree(workspace=workspace)
        }
        self._choices(
            "department",
            [("", _("No department")), *selectors.department_choices(workspace=workspace)],
        )
        reports = self.fields["reports_to"]
        assert isinstance(reports, forms.ModelChoiceField)
        reports.queryset = selectors.seat_choices(workspace=workspace, exclude=seat)
        holder = self.fields["holder"]
        assert isinstance(holder, forms.ModelChoiceField)
        holder.queryset = selectors.member_choices(workspace=workspace)
        if workspace.currency in CURRENCIES:  # a new seat costs in the workspace's currency
            self.fields["cost_currency"].initial = workspace.currency
        planned = self.fields["planned_for"]
        assert isinstance(planned, forms.ChoiceField)
        planned.choices = quarter_choices(
            workspace_today(workspace), seat.planned_for if seat else None
        )
        if seat is not None and not self.is_bound:
            self.initial.update(
                title=seat.title,
                department=seat.department_id,
                reports_to=seat.reports_to_id,
                purpose=seat.purpose,
                responsibilities="\n".join(r.text for r in seat.responsibilities.all()),
                employment_type=seat.employment_type,
                fte=seat.fte,
                cost_per_month=seat.cost_per_month,
                cost_currency=seat.cost_currency,
                status=seat.status,
                holder=seat.holder_id,
                placeholder_name=seat.placeholder_name,
                planned_for=seat.planned_for.isoformat() if seat.planned_for else "",
            )

    def _choices(self, name: str, choices: list[Any]) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices

    def clean_fte(self) -> Decimal:
        fte = self.cleaned_data.get("fte")
        return Decimal("1.00") if fte is None else fte

    def clean_cost_currency(self) -> str:
        chosen = self.cleaned_data.get("cost_currency")
        return str(
            chosen or self.initial.get("cost_currency") or self.fields["cost_currency"].initial
        )

    def clean_department(self) -> Department | None:
        pk = self.cleaned_data.get("department")
        return self.departments.get(pk) if pk is not None else None

    def clean_responsibilities(self) -> list[str]:
        text = self.cleaned_data.get("responsibilities") or ""
        return [line.strip() for line in text.splitlines() if line.strip()]

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {name: data.get(name) for name in self.fields} | {
            "purpose": data.get("purpose") or "",
            "placeholder_name": data.get("placeholder_name") or "",
        }


class FillForm(forms.Form):
    member = MemberChoiceField(
        label=_("Member"), queryset=Membership.objects.none(), empty_label=_("Choose a member")
    )

    def __init__(self, *args: Any, actor: Membership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["member"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = selectors.member_choices(workspace=actor.workspace)


class VacateForm(forms.Form):
    placeholder_name = forms.CharField(
        label=_("Placeholder name"), max_length=80, required=False,
        help_text=_("Optional, e.g. “Alex — to hire”."),
    )  # fmt: skip
