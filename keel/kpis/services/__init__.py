"""Services of kpis. Import from here: `from keel.kpis import services`."""

from keel.kpis.services.kpis import (
    METRIC_UNITS,
    KpiFields,
    kpi_archive,
    kpi_create,
    kpi_restore,
    kpi_update,
)
from keel.kpis.services.months import (
    UNSET,
    MonthEntry,
    computed_save,
    import_apply,
    months_save,
    targets_copy,
)
from keel.kpis.services.shop_import import FigureImport, shop_import_apply, shop_import_check

__all__ = [
    "METRIC_UNITS",
    "UNSET",
    "FigureImport",
    "KpiFields",
    "MonthEntry",
    "computed_save",
    "import_apply",
    "kpi_archive",
    "kpi_create",
    "kpi_restore",
    "kpi_update",
    "months_save",
    "shop_import_apply",
    "shop_import_check",
    "targets_copy",
]
