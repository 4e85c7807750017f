"""/<ws>/tasks/reassign/<membership_pk>/: hand a person's open tasks to someone else."""

from django.urls import path

from keel.tasks import views_reassign

urlpatterns = [
    path("tasks/reassign/<int:membership_pk>/", views_reassign.reassign, name="tasks_reassign"),
]
