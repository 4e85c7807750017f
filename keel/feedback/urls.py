"""/<ws>/feedback/…: reports, report forms, people and team views, signals, meetings.

`feed_urlpatterns` are the meeting calendar feeds, outside /<ws>/ (the token is the key).
Each part of the app keeps its URLs in its own block below.
"""

from django.urls import URLPattern, path

urlpatterns: list[URLPattern] = []
feed_urlpatterns: list[URLPattern] = []

# --- reports ---
from keel.feedback.views import reports as report_views  # noqa: E402

urlpatterns += [
    path("", report_views.feedback_home, name="feedback_home"),
    path("reports/<int:report_id>/", report_views.report_page, name="feedback_report"),
    path("forms/<int:form_id>/write/", report_views.report_write, name="feedback_report_write"),
]
# --- end reports ---
# --- forms ---
from keel.feedback.views import export as export_views  # noqa: E402
from keel.feedback.views import form_questions as question_views  # noqa: E402
from keel.feedback.views import forms as form_views  # noqa: E402

_F = "forms/<int:form_id>/"
_Q = _F + "questions/<int:question_id>/"
urlpatterns += [
    path("forms/", form_views.forms_list, name="feedback_forms"),
    path("forms/new/", form_views.form_new, name="feedback_form_new"),
    path(_F, form_views.form_builder, name="feedback_form"),
    path(_F + "details/", form_views.form_details, name="feedback_form_details"),
    path(_F + "schedule/", form_views.form_schedule, name="feedback_form_schedule"),
    path(_F + "audience/", form_views.form_audience, name="feedback_form_audience"),
    path(_F + "archive/", form_views.form_archive, name="feedback_form_archive"),
    path(_F + "restore/", form_views.form_restore, name="feedback_form_restore"),
    path(_F + "export.csv", export_views.reports_export, name="feedback_reports_export"),
    path(_F + "questions/new/", question_views.question_add, name="feedback_form_question_add"),
    path(_Q + "edit/", question_views.question_edit, name="feedback_form_question_edit"),
    path(_Q + "move/", question_views.question_move, name="feedback_form_question_move"),
    path(_Q + "remove/", question_views.question_remove, name="feedback_form_question_remove"),
]
# --- end forms ---
# --- insights ---
from keel.feedback.views import insights as insights_views  # noqa: E402

urlpatterns += [
    path("people/<int:member_id>/", insights_views.person, name="feedback_person"),
    path("team/", insights_views.team, name="feedback_team"),
    path("signals/", insights_views.signals, name="feedback_signals"),
    path(
        "signals/<int:signal_id>/acknowledge/",
        insights_views.signal_acknowledge,
        name="feedback_signal_acknowledge",
    ),
    path("settings/watch-words/", insights_views.watch_words, name="feedback_watch_words"),
    path("answers/<int:answer_id>/flag/", insights_views.answer_flag, name="feedback_answer_flag"),
]
# --- end insights ---
# --- meetings ---
from keel.feedback.views import meetings as meeting_views  # noqa: E402

_S = "meetings/series/<int:series_id>/"
_M = "meetings/<int:meeting_id>/"
_A = "meetings/agenda/<int:agenda_item_id>/"
urlpatterns += [
    path("meetings/", meeting_views.meetings, name="feedback_meetings"),
    path("meetings/new/", meeting_views.series_new, name="feedback_series_new"),
    path(_S, meeting_views.series_detail, name="feedback_series"),
    path(_S + "edit/", meeting_views.series_edit, name="feedback_series_edit"),
    path(_S + "attendees/", meeting_views.series_attendees, name="feedback_series_attendees"),
    path(_S + "stop/", meeting_views.series_stop, name="feedback_series_stop"),
    path(_M, meeting_views.meeting_detail, name="feedback_meeting"),
    path(_M + "agenda/", meeting_views.agenda_add, name="feedback_agenda_add"),
    path(_M + "notes/", meeting_views.meeting_notes, name="feedback_meeting_notes"),
    path(_M + "held/", meeting_views.meeting_held, name="feedback_meeting_held"),
    path(_M + "actions/", meeting_views.action_new, name="feedback_action_new"),
    path(_A + "resolve/", meeting_views.agenda_resolve, name="feedback_agenda_resolve"),
    path(_A + "delete/", meeting_views.agenda_delete, name="feedback_agenda_delete"),
    path(_A + "task/", meeting_views.agenda_to_task, name="feedback_agenda_task"),
    path("meetings/feeds/", meeting_views.meeting_feeds, name="feedback_meeting_feeds"),
    path(
        "meetings/feeds/<int:meeting_feed_id>/revoke/",
        meeting_views.meeting_feed_revoke,
        name="feedback_meeting_feed_revoke",
    ),
]
feed_urlpatterns += [
    path(
        "meetings/<str:token>.ics", meeting_views.meeting_feed_ics, name="feedback_meeting_feed_ics"
    ),
]
# --- end meetings ---

__all__ = ["feed_urlpatterns", "path", "urlpatterns"]
