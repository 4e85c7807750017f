"""Every URL of the org app, under /<ws>/org/: the chart and its SVG and PDF exports,
departments, seats and the headcount plan."""

from django.urls import path

from keel.org.views import chart as views_chart
from keel.org.views import departments as views_departments
from keel.org.views import headcount as views_headcount
from keel.org.views import seats as views_seats

urlpatterns = [
    path("", views_chart.org_chart, name="org_chart"),
    path("chart.svg", views_chart.org_chart_svg, name="org_chart_svg"),
    path("chart.pdf", views_chart.org_chart_pdf, name="org_chart_pdf"),
    path("departments/", views_departments.departments, name="org_departments"),
    path(
        "departments/template/",
        views_departments.department_template,
        name="org_department_template",
    ),
    path("departments/<int:pk>/", views_departments.department_edit, name="org_department_edit"),
    path(
        "departments/<int:pk>/move/", views_departments.department_move, name="org_department_move"
    ),
    path(
        "departments/<int:pk>/delete/",
        views_departments.department_delete,
        name="org_department_delete",
    ),
    path("seats/", views_seats.seats, name="org_seats"),
    path("seats/new/", views_seats.seat_new, name="org_seat_new"),
    path("seats/<int:pk>/", views_seats.seat_detail, name="org_seat"),
    path("seats/<int:pk>/edit/", views_seats.seat_edit, name="org_seat_edit"),
    path("seats/<int:pk>/fill/", views_seats.seat_fill, name="org_seat_fill"),
    path("seats/<int:pk>/vacate/", views_seats.seat_vacate, name="org_seat_vacate"),
    path("seats/<int:pk>/delete/", views_seats.seat_delete, name="org_seat_delete"),
    path("headcount/", views_headcount.headcount, name="org_headcount"),
]
