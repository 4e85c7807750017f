"""The KPI pages on the demo shop's KPIs (two years of months, a team missing its targets;
two weekly KPIs with half a year of weeks), as the owner, in English, Simplified and
Traditional Chinese: axe-core finds no serious or critical violation, and at 375 px the page
itself never scrolls sideways (the tables and the trend chart scroll inside their own
containers)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from .test_accessibility import SLUG, _check_page, _with_demo_chart_and_vision
from .test_accessibility import _workspace_with_people as _people

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["en", "zh-hans", "zh-hant"]


def _kpi(name: str, **kwargs: Any) -> Callable[[Any], str]:
    def make(owner: Any) -> str:
        from keel.kpis.models import Kpi

        kpi = Kpi.objects.get(workspace=owner.workspace, name="Revenue")
        return reverse(name, kwargs={"ws": SLUG, "kpi_id": kpi.pk, **kwargs})

    return make


def _weekly(name: str) -> Callable[[Any], str]:
    """A page of the demo's first weekly KPI ("Orders per week"); the weeks grid opens on
    the page the KPI's own button opens."""

    def make(owner: Any) -> str:
        from keel.kpis.models import Kpi
        from keel.kpis.views.weeks import current_page, weeks_url

        kpi = Kpi.objects.filter(workspace=owner.workspace, period="weekly").first()
        assert kpi is not None
        if name == "kpis_weeks":
            return weeks_url(SLUG, kpi, current_page(kpi, timezone.localdate()))
        return reverse(name, kwargs={"ws": SLUG, "kpi_id": kpi.pk})

    return make


def _ws(name: str) -> Callable[[Any], str]:
    return lambda owner: reverse(name, kwargs={"ws": SLUG})


PAGES: list[tuple[str, Callable[[Any], str]]] = [
    ("kpis-scorecard", _ws("kpis_scorecard")),
    ("kpis-new", _ws("kpis_new")),
    ("kpis-detail", _kpi("kpis_detail")),
    ("kpis-year", _kpi("kpis_year", year=timezone.localdate().year)),
    ("kpis-month", _kpi("kpis_month", month=f"{timezone.localdate():%Y-%m}")),
    ("kpis-import", _kpi("kpis_import")),
    ("kpis-weekly-detail", _weekly("kpis_detail")),
    ("kpis-weeks", _weekly("kpis_weeks")),
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("page_id", "make_url"), PAGES, ids=[p[0] for p in PAGES])
def test_kpi_page_is_accessible_and_fits_a_phone(
    new_context, base_url, page_id, make_url, language
):
    from keel.kpis.demo import seed_demo_kpis

    owner = _with_demo_chart_and_vision(_people())
    seed_demo_kpis(owner)  # English content: the names are user data, the UI is checked
    _check_page(new_context, base_url, owner, make_url(owner), page_id, language, signed_in=True)
