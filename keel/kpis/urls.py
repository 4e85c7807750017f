"""/<ws>/kpis/…: the scorecard, a KPI's page, its definition, year grid, months and import."""

from django.urls import path

from keel.kpis.views import kpis as views
from keel.kpis.views import months, scorecard_send, weeks
from keel.kpis.views import shop_import as shop_views

urlpatterns = [
    path("", views.scorecard, name="kpis_scorecard"),
    path("send/", scorecard_send.send_scorecard, name="kpis_send_scorecard"),
    path("new/", views.kpi_new, name="kpis_new"),
    path("archived/", views.archived, name="kpis_archived"),
    path("import/", shop_views.shop_import, name="kpis_shop_import"),
    path("import/confirm/", shop_views.shop_import_confirm, name="kpis_shop_import_confirm"),
    path("<int:kpi_id>/", views.detail, name="kpis_detail"),
    path("<int:kpi_id>/edit/", views.kpi_edit, name="kpis_edit"),
    path("<int:kpi_id>/archive/", views.kpi_archive, name="kpis_archive"),
    path("<int:kpi_id>/restore/", views.kpi_restore, name="kpis_restore"),
    path("<int:kpi_id>/import/", months.import_csv, name="kpis_import"),
    path("<int:kpi_id>/years/<int:year>/", months.year, name="kpis_year"),
    path(
        "<int:kpi_id>/years/<int:year>/copy-targets/", months.copy_targets, name="kpis_copy_targets"
    ),
    path("<int:kpi_id>/months/<str:month>/", months.month, name="kpis_month"),
    path("<int:kpi_id>/weeks/<str:week>/", weeks.weeks, name="kpis_weeks"),
]
