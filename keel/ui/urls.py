from django.urls import path

from keel.ui import views

urlpatterns = [
    path("", views.workspace_home, name="workspace_home"),
]
