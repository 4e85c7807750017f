"""Page input for KPIs: the definition, the year grid, copying targets, the month page and
the CSV import. Forms parse; the services validate the rules (keel/kpis/services/)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from keel.accounts.models import Group
from keel.core.models import WORKSPACE_CURRENCIES, Membership, Workspace
from keel.kpis.csv_import import MAX_BYTES
from keel.kpis.figures import plain
from keel.kpis.models import Aggregation, Direction, Kpi, Metric, Period, Unit
from keel.kpis.services import KpiFields
from keel.kpis.services.kpis import DESCRIPTION_MAX, NAME_MAX
from keel.kpis.services.months import COMMENT_MAX
from keel.org.models import Department, Seat
from keel.ui.selects import use_fast_selects

NUMBER_ATTRS = {"inputmode": "decimal", "autocomplete": "off"}


def _number_field(label: Any) -> forms.DecimalField:
    return forms.DecimalField(
        label=label, required=False, max_digits=18, decimal_places=4,
        widget=forms.TextInput(attrs=NUMBER_ATTRS),
    )  # fmt: skip


class KpiForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=NAME_MAX)
    description = forms.CharField(
        label=_("What it measures"), required=False, max_length=DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip
    unit = forms.ChoiceField(label=_("Unit"), choices=Unit.choices)
    currency = forms.ChoiceField(
        label=_("Currency"), required=False,
        choices=[("", _("The workspace's currency"))] + [(c, c) for c in WORKSPACE_CURRENCIES],
    )  # fmt: skip
    direction = forms.ChoiceField(label=_("Direction"), choices=Direction.choices)
    aggregation = forms.ChoiceField(
        label=_("A month's figure"), choices=Aggregation.choices,
        help_text=_("How several values in one month (one a day, say) make the month's."),
    )  # fmt: skip
    period = forms.ChoiceField(
        label=_("Period"), choices=Period.choices, initial=Period.MONTHLY, required=False,
        help_text=_("Weekly: a target and a value per week (in the workspace's week); the "
                    "scorecard adds a month's weeks up as its month's figure says. It can't "
                    "change once the KPI has figures."),
    )  # fmt: skip
    metric = forms.ChoiceField(
        label=pgettext_lazy("kpi", "Values"), choices=Metric.choices, required=False,
        help_text=_("Keel can compute some KPIs itself, every night, for the KPI's team."),
    )  # fmt: skip
    department = forms.TypedChoiceField(label=_("Team"), coerce=int, required=False,
                                        empty_value=None)  # fmt: skip
    owner = forms.ChoiceField(
        label=_("Who answers for it"), required=False,
        help_text=_("A seat (whoever holds it answers for the KPI, and the seat above while "
                    "it is empty), a group or a person. They may enter its values."),
    )  # fmt: skip
    amber_margin = forms.IntegerField(
        label=_("Amber margin (%)"), min_value=0, max_value=100, initial=10,
        help_text=_("Short of the target by at most this share of it shows amber; further "
                    "shows red."),
    )  # fmt: skip

    def __init__(self, *args: Any, workspace: Workspace, kpi: Kpi | None = None,
                 **kwargs: Any) -> None:  # fmt: skip
        if kpi is not None and "initial" not in kwargs:
            kwargs["initial"] = _initial(kpi)
        super().__init__(*args, **kwargs)
        self.workspace = workspace
        departments = list(Department.objects.in_workspace(workspace).order_by("name")
                           .values_list("pk", "name"))  # fmt: skip
        department: Any = self.fields["department"]
        department.choices = [("", _("The company")), *departments]
        seats = Seat.objects.in_workspace(workspace).order_by("title").values_list("pk", "title")
        groups = Group.objects.in_workspace(workspace).order_by("name").values_list("pk", "name")
        people = (Membership.objects.in_workspace(workspace).active()
                  .order_by("user__full_name", "user__email")
                  .values_list("pk", "user__full_name", "user__email"))  # fmt: skip
        self.fields["owner"].choices = [  # type: ignore[attr-defined]
            ("", _("Nobody in particular")),
            (_("Seats"), [(f"seat:{pk}", title) for pk, title in seats]),
            (_("Groups"), [(f"group:{pk}", name) for pk, name in groups]),
            (_("People"), [(f"person:{pk}", name or email.split("@")[0])
                           for pk, name, email in people]),
        ]  # fmt: skip
        use_fast_selects(self)

    def fields_for_service(self) -> KpiFields:
        data = self.cleaned_data
        owner_seat = owner_group = owner_member = None
        kind, _sep, raw = (data.get("owner") or "").partition(":")
        pk = int(raw) if raw.isdigit() else 0
        ws = self.workspace
        if kind == "seat":
            owner_seat = Seat.objects.in_workspace(ws).filter(pk=pk).first()
        elif kind == "group":
            owner_group = Group.objects.in_workspace(ws).filter(pk=pk).first()
        elif kind == "person":
            owner_member = Membership.objects.in_workspace(ws).filter(pk=pk).first()
        department = None
        if data.get("department"):
            department = Department.objects.in_workspace(ws).filter(pk=data["department"]).first()
        return KpiFields(
            name=data["name"], description=data.get("description", ""), unit=data["unit"],
            currency=data.get("currency", ""), direction=data["direction"],
            aggregation=data["aggregation"], metric=data.get("metric", ""),
            period=data.get("period") or Period.MONTHLY,
            department=department, owner_seat=owner_seat, owner_group=owner_group,
            owner_member=owner_member, amber_margin=data["amber_margin"],
        )  # fmt: skip


def _initial(kpi: Kpi) -> dict[str, Any]:
    owner = ""
    if kpi.owner_seat_id:
        owner = f"seat:{kpi.owner_seat_id}"
    elif kpi.owner_group_id:
        owner = f"group:{kpi.owner_group_id}"
    elif kpi.owner_member_id:
        owner = f"person:{kpi.owner_member_id}"
    return {
        "name": kpi.name, "description": kpi.description, "metric": kpi.metric,
        "unit": kpi.unit, "currency": kpi.currency, "direction": kpi.direction,
        "aggregation": kpi.aggregation, "period": kpi.period,
        "department": kpi.department_id or "", "owner": owner,
        "amber_margin": kpi.amber_margin,
    }  # fmt: skip


class YearGridForm(forms.Form):
    """Twelve rows: target, value and commentary per month (`target_3`, `value_3`, …).
    Value cells are left out for a computed KPI, target cells for someone who may not set
    targets."""

    def __init__(self, *args: Any, year: int, rows: list[tuple[date, Any]], targets: bool,
                 values: bool, this_month: date, **kwargs: Any) -> None:  # fmt: skip
        initial = {}
        for month, row in rows:
            n = month.month
            if row is not None:
                initial[f"target_{n}"] = plain(row.target)
                initial[f"value_{n}"] = plain(row.value)
                initial[f"comment_{n}"] = row.comment
        kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        self.year = year
        self.months = [month for month, _row in rows]
        for month in self.months:
            n = month.month
            if targets:
                self.fields[f"target_{n}"] = _number_field(pgettext_lazy("kpi", "Target"))
            if values and month <= this_month:  # a month that has not started has no value
                self.fields[f"value_{n}"] = _number_field(pgettext_lazy("kpi", "Value"))
            self.fields[f"comment_{n}"] = forms.CharField(
                label=_("Commentary"), required=False, max_length=COMMENT_MAX
            )

    def grid(self) -> list[tuple[date, Any, Any, Any]]:
        """(month, target field, value field, comment field) per row, for the template."""
        out = []
        for month in self.months:
            n = month.month
            out.append((
                month,
                self[f"target_{n}"] if f"target_{n}" in self.fields else None,
                self[f"value_{n}"] if f"value_{n}" in self.fields else None,
                self[f"comment_{n}"],
            ))  # fmt: skip
        return out

    def entries(self) -> list[Any]:
        from keel.kpis.services import UNSET, MonthEntry

        data = self.cleaned_data
        out = []
        for month in self.months:
            n = month.month
            out.append(MonthEntry(
                month=month,
                target=data.get(f"target_{n}") if f"target_{n}" in self.fields else UNSET,
                value=data.get(f"value_{n}") if f"value_{n}" in self.fields else UNSET,
                comment=data.get(f"comment_{n}", ""),
            ))  # fmt: skip
        return out


class CopyTargetsForm(forms.Form):
    growth = forms.DecimalField(
        label=_("Growth on last year (%)"), max_digits=7, decimal_places=2, initial=Decimal(10),
        widget=forms.TextInput(attrs=NUMBER_ATTRS),
    )  # fmt: skip


class MonthForm(forms.Form):
    target = _number_field(pgettext_lazy("kpi", "Target"))
    value = _number_field(pgettext_lazy("kpi", "Value"))
    comment = forms.CharField(label=_("Commentary"), required=False, max_length=COMMENT_MAX,
                              widget=forms.Textarea(attrs={"rows": 4}))  # fmt: skip

    def __init__(self, *args: Any, targets: bool, values: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not targets:
            del self.fields["target"]
        if not values:
            del self.fields["value"]


class ImportForm(forms.Form):
    """Step one uploads the file; step two (the preview's button) sends its text back."""

    file = forms.FileField(
        label=_("CSV file"), required=False,
        help_text=_("Columns: date,value. One row per day or per month."),
    )  # fmt: skip
    csv_text = forms.CharField(required=False, widget=forms.HiddenInput,
                               max_length=MAX_BYTES)  # fmt: skip

    def text(self) -> str | None:
        """The file's text (None: not text in UTF-8 or GB18030)."""
        from keel.kpis.csv_import import decode

        upload = self.cleaned_data.get("file")
        if upload is not None:
            return decode(upload.read(MAX_BYTES + 1))
        return self.cleaned_data.get("csv_text") or ""
