"""/<ws>/projects/<id>/import/, /<ws>/projects/import/, /<ws>/projects/<id>/export.csv, and the
import's confirm/cancel steps (the pending import's token travels in the POST body)."""

from django.urls import path

from keel.tasks import views_io

urlpatterns = [
    path("projects/import/", views_io.tasks_import_new, name="tasks_import_new"),
    path("projects/<int:project_id>/import/", views_io.tasks_import, name="tasks_import"),
    path("projects/import/confirm/", views_io.tasks_import_confirm, name="tasks_import_confirm"),
    path("projects/import/cancel/", views_io.tasks_import_cancel, name="tasks_import_cancel"),
    path("projects/<int:project_id>/export.csv", views_io.tasks_export, name="tasks_export"),
]
