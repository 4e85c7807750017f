"""Page input for imports from shop files: the upload (format, file, currency of the
amounts), the choice of the KPI that receives each figure with the months to keep, and the
format choice on a KPI's own import page. The services check the rules
(keel/kpis/services/shop_import.py)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from keel.core.models import WORKSPACE_CURRENCIES
from keel.kpis.forms.kpis import ImportForm
from keel.kpis.models import Kpi
from keel.kpis.services.shop_import import UNITS, field_name, kpi_currency
from keel.kpis.shop_formats import AMAZON, AUTO, FIGURES, MAX_BYTES, SHOPIFY, ShopPreview

CSV = "csv"
SHOP_FORMATS = [
    (AUTO, _("Detect from the file")),
    (SHOPIFY, _("Shopify orders export")),
    (AMAZON, _("Amazon Business Report (by date)")),
]
# Words in a KPI's name that make it the obvious receiver of a figure (any language Keel
# speaks); a figure is preselected only when exactly one compatible KPI has one of them.
NAME_HINTS: dict[str, tuple[str, ...]] = {
    "revenue": ("revenue", "营收", "营业额", "收入", "營收", "營業額"),
    "orders": ("orders", "order count", "订单", "訂單"),
    "aov": ("average order", "order value", "aov", "客单价", "客單價"),
    "sales": ("sales", "销售额", "銷售額"),
    "units": ("units", "件数", "销量", "件數", "銷量"),
    "sessions": ("sessions", "会话", "访问", "流量", "工作階段", "訪問"),
}
SHOP_HINTS = {SHOPIFY: ("shopify",), AMAZON: ("amazon", "亚马逊", "亞馬遜")}


def month_value(month: date) -> str:
    return month.strftime("%Y-%m")


class ShopUploadForm(forms.Form):
    """Step one: which kind of file, the file, and (Amazon in "$") its currency."""

    format = forms.ChoiceField(label=_("Format"), choices=SHOP_FORMATS, initial=AUTO)
    file = forms.FileField(
        label=_("File"),
        help_text=_("The CSV file as the shop downloads it, up to 20 MB, in UTF-8 or GB18030."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,text/csv"}),
    )
    currency = forms.ChoiceField(
        label=_("Currency of the amounts"), required=False,
        choices=[("", _("As the file says"))] + [(c, c) for c in WORKSPACE_CURRENCIES],
        help_text=_("Only needed when an Amazon report writes its amounts with a bare “$” "
                    "and they are not US dollars."),
    )  # fmt: skip

    def data_bytes(self) -> bytes:
        """The file's first bytes, one more than the limit (so a larger file is told)."""
        upload = self.cleaned_data["file"]
        upload.seek(0)
        data: bytes = upload.read(MAX_BYTES + 1)
        return data


class KpiImportForm(ImportForm):
    """A KPI's own import page: "date,value" for this KPI, or a shop file for several."""

    format = forms.ChoiceField(
        label=_("Format"), initial=CSV, required=False,  # the preview's confirm posts none
        choices=[(CSV, _("Date and value, for this KPI")), *SHOP_FORMATS[1:]],
        help_text=_("A Shopify or Amazon file fills several KPIs at once: you choose which "
                    "figure goes to which KPI before anything is saved."),
    )  # fmt: skip
    field_order = ["format", "file", "csv_text"]


def _preselect(figure: str, preview: ShopPreview, kpis: Sequence[Kpi]) -> str:
    """The KPI whose name says it takes `figure`, when exactly one does once narrowed by the
    file's currency, the shop's name ("Amazon sales" for an Amazon file) and an exact name."""
    hints = NAME_HINTS[figure]
    named = [k for k in kpis if any(h in k.name.lower() for h in hints)]
    narrowing = [
        lambda k: not preview.currency or kpi_currency(k) == preview.currency
        or k.unit != UNITS["money"],
        lambda k: any(h in k.name.lower() for h in SHOP_HINTS[preview.format]),
        lambda k: k.name.strip().lower() in hints,
    ]  # fmt: skip
    for keep in narrowing:
        if len(named) > 1:
            named = [k for k in named if keep(k)] or named
    return str(named[0].pk) if len(named) == 1 else ""


class ShopMappingForm(forms.Form):
    """Step two: a KPI (or none) per figure of the file, and the months to import."""

    token = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(
        self, *args: Any, preview: ShopPreview, kpis: Sequence[Kpi], token: str,
        prefer: Kpi | None = None, **kwargs: Any,
    ) -> None:  # fmt: skip
        kwargs["initial"] = {"token": token}
        super().__init__(*args, **kwargs)
        self.preview = preview
        self.kpis = {str(k.pk): k for k in kpis}
        self.figures = [f for f in preview.figures if preview.figures[f]]
        taken: set[str] = set()
        for key in self.figures:
            figure = FIGURES[key]
            compatible = [k for k in kpis if k.unit == UNITS[figure.kind]]
            initial = _preselect(key, preview, compatible)
            # the KPI whose import page the file came from takes the first figure it fits
            if prefer in compatible and initial in ("", str(prefer.pk)):
                initial = str(prefer.pk) if str(prefer.pk) not in taken else ""
            if initial in taken:
                initial = ""
            taken.add(initial)
            self.fields[field_name(key)] = forms.ChoiceField(
                label=figure.label, required=False, initial=initial,
                choices=[("", _("Don't import"))] + [(str(k.pk), self._kpi_label(k, figure.kind))
                                                     for k in compatible],
            )  # fmt: skip
        months = preview.months
        self.fields["months"] = forms.MultipleChoiceField(
            label=_("Months to import"), required=False, widget=forms.CheckboxSelectMultiple,
            choices=[(month_value(m), date_format(m, "YEAR_MONTH_FORMAT")) for m in months],
            initial=[month_value(m) for m in months if m not in preview.incomplete],
        )  # fmt: skip

    @staticmethod
    def _kpi_label(kpi: Kpi, kind: str) -> str:
        return f"{kpi.name} ({kpi_currency(kpi)})" if kind == "money" else kpi.name

    def chosen(self) -> dict[str, Kpi]:
        """figure → its KPI, as posted (after is_valid) or as preselected."""
        data = self.cleaned_data if hasattr(self, "cleaned_data") else None
        out = {}
        for key in self.figures:
            name = field_name(key)
            pk = data.get(name, "") if data is not None else self[name].value()
            if pk and str(pk) in self.kpis:
                out[key] = self.kpis[str(pk)]
        return out

    def chosen_months(self) -> set[date]:
        values = (self.cleaned_data.get("months") if hasattr(self, "cleaned_data")
                  else self["months"].value()) or []  # fmt: skip
        return {date.fromisoformat(f"{v}-01") for v in values if re.fullmatch(r"\d{4}-\d{2}", v)}

    def clean(self) -> dict[str, Any] | None:
        data = super().clean()
        if not self.chosen_months() and not self.errors:
            raise forms.ValidationError(_("Tick at least one month to import."))
        return data
