"""Forms of kpis. Import from here: `from keel.kpis.forms import KpiForm`."""

from keel.kpis.forms.kpis import CopyTargetsForm, ImportForm, KpiForm, MonthForm, YearGridForm

__all__ = ["CopyTargetsForm", "ImportForm", "KpiForm", "MonthForm", "YearGridForm"]
