"""/<ws>/org/…: structure pages (departments, seats, headcount) and the chart."""

from django.urls import include, path

urlpatterns = [
    path("", include("keel.org.urls_chart")),
    path("", include("keel.org.urls_structure")),
]
