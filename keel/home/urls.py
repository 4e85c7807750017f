"""/<ws>/: the workspace's front page."""

from django.urls import path

from keel.home.views import home as views

urlpatterns = [
    path("", views.workspace_home, name="workspace_home"),
]
