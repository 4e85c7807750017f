"""/<ws>/org/: the org chart page and its SVG and PDF exports."""

from django.urls import path

from keel.org import views_chart

urlpatterns = [
    path("", views_chart.org_chart, name="org_chart"),
    path("chart.svg", views_chart.org_chart_svg, name="org_chart_svg"),
    path("chart.pdf", views_chart.org_chart_pdf, name="org_chart_pdf"),
]
