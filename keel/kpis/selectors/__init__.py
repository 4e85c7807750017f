"""Selectors of kpis. Import from here: `from keel.kpis import selectors`."""

from keel.kpis.selectors.scorecard import (
    HISTORY_MONTHS,
    Cell,
    KpiHistory,
    Scorecard,
    ScoreRow,
    ScoreSection,
    cell,
    get_kpi_for,
    kpi_history,
    kpis_of,
    kpis_owned_by_seat,
    owner_labels,
    scorecard,
    year_months,
)

__all__ = [
    "HISTORY_MONTHS",
    "Cell",
    "KpiHistory",
    "ScoreRow",
    "ScoreSection",
    "Scorecard",
    "cell",
    "get_kpi_for",
    "kpi_history",
    "kpis_of",
    "kpis_owned_by_seat",
    "owner_labels",
    "scorecard",
    "year_months",
]
