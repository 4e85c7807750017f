"""The offboarding page's form: one receiver per handed-over item, built from the plan.

Field names are `to__<step key>__<item key>`; `handover()` turns the cleaned data into the
service's `HandoverChoices` (member ids, None for "nobody" / "leave empty"; an item the page
did not send keeps the plan's default). The choices are
only the page's convenience: the service checks every receiver again.
"""

from __future__ import annotations

from typing import Any

from django import forms

from keel.accounts.offboarding import HandoverItem, Receiver
from keel.accounts.selectors.offboarding import OffboardingPlan, PlanSection

EMPTY = ""


def field_name(section_key: str, item_key: str) -> str:
    return f"to__{section_key}__{item_key}"


class HandoverForm(forms.Form):
    def __init__(self, *args: Any, plan: OffboardingPlan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.plan = plan
        people = [(str(m.pk), m.user.display_name) for m in plan.receivers]
        self.rows: list[tuple[PlanSection, list[tuple[HandoverItem, forms.BoundField | None]]]]
        self.rows = []
        for section in plan.sections:
            fields: list[tuple[HandoverItem, forms.BoundField | None]] = []
            for item in section.items:
                if section.receiver == Receiver.NONE:
                    fields.append((item, None))
                    continue
                choices = list(people)
                if section.allow_empty:
                    choices.insert(0, (EMPTY, section.empty_label))
                name = field_name(section.key, item.key)
                self.fields[name] = forms.ChoiceField(
                    label=item.label, choices=choices, required=False,
                    initial=str(section.default.pk) if section.default else EMPTY,
                )  # fmt: skip
                fields.append((item, self[name]))
            self.rows.append((section, fields))

    def handover(self) -> dict[str, dict[str, int | None]]:
        result: dict[str, dict[str, int | None]] = {}
        for section in self.plan.sections:
            if section.receiver == Receiver.NONE:
                continue
            chosen = result.setdefault(section.key, {})
            for item in section.items:
                name = field_name(section.key, item.key)
                if name not in self.data:
                    continue  # not on the page the owner saw (new since): the default
                value = self.cleaned_data.get(name, EMPTY)
                chosen[item.key] = int(value) if value else None
        return result
