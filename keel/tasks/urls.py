"""Every URL of the tasks app. `urlpatterns` is mounted under /<ws>/; `feed_urlpatterns`
under /feeds/ (public iCalendar feeds: no session, the token is the key).

Object kwargs are named `<model>_id` so the isolation harness's model-label factories
(`tasks.project`, `tasks.task`, …) cover them.
"""

from django.urls import path

from keel.tasks.views import attachments as views_attachments
from keel.tasks.views import board as views_board
from keel.tasks.views import calendar as views_calendar
from keel.tasks.views import filters as views_filters
from keel.tasks.views import io as views_io
from keel.tasks.views import list as views_list
from keel.tasks.views import my as views_my
from keel.tasks.views import planning as views_planning
from keel.tasks.views import projects as views_projects
from keel.tasks.views import reassign as views_reassign
from keel.tasks.views import tasks as views_tasks
from keel.tasks.views import workload as views_workload

P = "projects/<int:project_id>/"
T = "tasks/<int:task_id>/"

urlpatterns = [
    # Projects, list, board, calendar, task pages, My tasks, workload.
    path("projects/", views_projects.projects, name="projects"),
    path("projects/new/", views_projects.project_new, name="project_new"),
    path(P, views_list.project_tasks, name="project_tasks"),
    path(P + "board/", views_board.project_board, name="project_board"),
    path(P + "calendar/", views_calendar.project_calendar, name="project_calendar"),
    path(P + "settings/", views_projects.project_settings, name="project_settings"),
    path(P + "members/", views_projects.project_members, name="project_members"),
    path(P + "archive/", views_projects.project_archive, name="project_archive"),
    path(P + "sections/", views_projects.section_add, name="section_add"),
    path(P + "sections/<int:section_id>/", views_projects.section_edit, name="section_edit"),
    path(P + "sections/<int:section_id>/move/", views_projects.section_move, name="section_move"),
    path(
        P + "sections/<int:section_id>/delete/",
        views_projects.section_delete,
        name="section_delete",
    ),
    path(P + "tasks/new/", views_list.task_new, name="task_new"),
    path(P + "tasks/quick/", views_list.task_quick_add, name="task_quick_add"),
    path(P + "tasks/bulk/", views_list.tasks_bulk, name="tasks_bulk"),
    path(P + "filters/", views_filters.filter_save, name="filter_save"),
    path("filters/<int:savedfilter_id>/delete/", views_filters.filter_delete, name="filter_delete"),
    path("tasks/", views_list.tasks_all, name="tasks_all"),
    path(T, views_tasks.task_detail, name="task_detail"),
    path(T + "edit/", views_tasks.task_edit, name="task_edit"),
    path(T + "description/", views_tasks.task_description, name="task_description"),
    path(T + "status/", views_tasks.task_status, name="task_status"),
    path(T + "move/", views_board.task_move, name="task_move"),
    path(T + "delete/", views_tasks.task_delete, name="task_delete"),
    path(T + "subtasks/", views_tasks.subtask_add, name="subtask_add"),
    path(T + "dependencies/", views_tasks.dependency_add, name="dependency_add"),
    path(T + "dependencies/remove/", views_tasks.dependency_remove, name="dependency_remove"),
    path(T + "comments/", views_tasks.comment_add, name="comment_add"),
    path(T + "attachments/", views_attachments.attachment_add, name="attachment_add"),
    path(
        "attachments/<int:attachment_id>/",
        views_attachments.attachment_download,
        name="attachment_download",
    ),
    path(
        "attachments/<int:attachment_id>/delete/",
        views_attachments.attachment_delete,
        name="attachment_delete",
    ),
    path("my-tasks/", views_my.tasks_mine, name="tasks_mine"),
    path("calendar/", views_calendar.tasks_calendar, name="tasks_calendar"),
    path("workload/", views_workload.tasks_workload, name="tasks_workload"),
    # Planning: progress updates, recurring series, summaries, calendar feeds.
    path(
        "projects/<int:project_id>/updates/", views_planning.project_updates, name="project_updates"
    ),
    path(
        "projects/<int:project_id>/recurring/",
        views_planning.project_recurrences,
        name="project_recurrences",
    ),
    path(
        "recurring/<int:recurrence_id>/edit/",
        views_planning.recurrence_edit,
        name="recurrence_edit",
    ),
    path(
        "recurring/<int:recurrence_id>/skip/",
        views_planning.recurrence_skip,
        name="recurrence_skip",
    ),
    path(
        "recurring/<int:recurrence_id>/stop/",
        views_planning.recurrence_stop,
        name="recurrence_stop",
    ),
    path("summaries/", views_planning.tasks_summary, name="tasks_summary"),
    path("calendar-feeds/", views_planning.calendar_feeds, name="calendar_feeds"),
    path(
        "calendar-feeds/<int:feed_id>/revoke/",
        views_planning.calendar_feed_revoke,
        name="calendar_feed_revoke",
    ),
    # Import and export (the pending import's token travels in the POST body).
    path("projects/import/", views_io.tasks_import_new, name="tasks_import_new"),
    path("projects/<int:project_id>/import/", views_io.tasks_import, name="tasks_import"),
    path("projects/import/confirm/", views_io.tasks_import_confirm, name="tasks_import_confirm"),
    path("projects/import/cancel/", views_io.tasks_import_cancel, name="tasks_import_cancel"),
    path(
        "projects/import/<int:event_id>/", views_io.tasks_import_result, name="tasks_import_result"
    ),
    path("projects/<int:project_id>/export.csv", views_io.tasks_export, name="tasks_export"),
    # Hand a person's open tasks to someone else (linked from offboarding).
    path("tasks/reassign/<int:membership_pk>/", views_reassign.reassign, name="tasks_reassign"),
]

feed_urlpatterns = [
    path("<str:token>.ics", views_planning.calendar_feed_ics, name="calendar_feed_ics"),
]
