"""The weeks grid of a weekly KPI: target, value and commentary per week (`target_0`, …, one
row per week of the page). Forms parse; services.months_save validates the rules."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from keel.kpis.figures import plain
from keel.kpis.forms.kpis import _number_field
from keel.kpis.services.months import COMMENT_MAX


class WeeksGridForm(forms.Form):
    """Value cells only for weeks that have started and a KPI whose values are typed; target
    cells only for someone who may set targets (as the year grid)."""

    def __init__(self, *args: Any, rows: list[tuple[date, Any]], targets: bool, values: bool,
                 this_week: date, **kwargs: Any) -> None:  # fmt: skip
        initial = {}
        for n, (_week, row) in enumerate(rows):
            if row is not None:
                initial[f"target_{n}"] = plain(row.target)
                initial[f"value_{n}"] = plain(row.value)
                initial[f"comment_{n}"] = row.comment
        kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        self.weeks = [week for week, _row in rows]
        for n, week in enumerate(self.weeks):
            if targets:
                self.fields[f"target_{n}"] = _number_field(pgettext_lazy("kpi", "Target"))
            if values and week <= this_week:
                self.fields[f"value_{n}"] = _number_field(pgettext_lazy("kpi", "Value"))
            self.fields[f"comment_{n}"] = forms.CharField(
                label=_("Commentary"), required=False, max_length=COMMENT_MAX
            )

    def grid(self) -> list[tuple[int, date, Any, Any, Any]]:
        """(row number, week, target field, value field, comment field) per row."""
        return [
            (n, week,
             self[f"target_{n}"] if f"target_{n}" in self.fields else None,
             self[f"value_{n}"] if f"value_{n}" in self.fields else None,
             self[f"comment_{n}"])
            for n, week in enumerate(self.weeks)
        ]  # fmt: skip

    def entries(self) -> list[Any]:
        from keel.kpis.services import UNSET, MonthEntry

        data = self.cleaned_data
        return [
            MonthEntry(
                month=week,
                target=data.get(f"target_{n}") if f"target_{n}" in self.fields else UNSET,
                value=data.get(f"value_{n}") if f"value_{n}" in self.fields else UNSET,
                comment=data.get(f"comment_{n}", ""),
            )
            for n, week in enumerate(self.weeks)
        ]  # fmt: skip
