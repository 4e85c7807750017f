"""/<ws>/projects/…, /<ws>/tasks/…, /<ws>/my-tasks/ …: each page group has its own urls module."""

from django.urls import include, path

urlpatterns = [
    path("", include("keel.tasks.urls_pages")),
    path("", include("keel.tasks.urls_planning")),
    path("", include("keel.tasks.urls_io")),
    path("", include("keel.tasks.urls_reassign")),
]
