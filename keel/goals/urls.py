"""/<ws>/vision/…: the vision page and the forms for values, goals and milestones."""

from django.urls import path

from keel.goals.views import vision as views

urlpatterns = [
    path("", views.vision, name="goals_vision"),
    path("edit/", views.vision_edit, name="goals_vision_edit"),
    path("values/new/", views.value_create, name="goals_value_create"),
    path("values/<int:value_id>/edit/", views.value_edit, name="goals_value_edit"),
    path("values/<int:value_id>/delete/", views.value_delete, name="goals_value_delete"),
    path("values/<int:value_id>/move/", views.value_move, name="goals_value_move"),
    path("goals/new/", views.goal_create, name="goals_goal_create"),
    path("goals/<int:goal_id>/edit/", views.goal_edit, name="goals_goal_edit"),
    path("goals/<int:goal_id>/delete/", views.goal_delete, name="goals_goal_delete"),
    path(
        "goals/<int:goal_id>/milestones/new/",
        views.milestone_create,
        name="goals_milestone_create",
    ),
    path("milestones/<int:milestone_id>/edit/", views.milestone_edit, name="goals_milestone_edit"),
    path(
        "milestones/<int:milestone_id>/status/",
        views.milestone_status,
        name="goals_milestone_status",
    ),
    path(
        "milestones/<int:milestone_id>/delete/",
        views.milestone_delete,
        name="goals_milestone_delete",
    ),
]
