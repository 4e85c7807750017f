"""/<ws>/projects/<project_id>/updates/, …/recurring/, /<ws>/recurring/<id>/…, /<ws>/summaries/,
/<ws>/calendar-feeds/.
"""

from django.urls import path

from keel.tasks import views_planning as views

urlpatterns = [
    path("projects/<int:project_id>/updates/", views.project_updates, name="project_updates"),
    path(
        "projects/<int:project_id>/recurring/",
        views.project_recurrences,
        name="project_recurrences",
    ),
    path("recurring/<int:recurrence_id>/edit/", views.recurrence_edit, name="recurrence_edit"),
    path("recurring/<int:recurrence_id>/skip/", views.recurrence_skip, name="recurrence_skip"),
    path("recurring/<int:recurrence_id>/stop/", views.recurrence_stop, name="recurrence_stop"),
    path("summaries/", views.tasks_summary, name="tasks_summary"),
    path("calendar-feeds/", views.calendar_feeds, name="calendar_feeds"),
    path(
        "calendar-feeds/<int:feed_id>/revoke/",
        views.calendar_feed_revoke,
        name="calendar_feed_revoke",
    ),
]
