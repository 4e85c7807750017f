"""What the feedback app registers at start-up (called from FeedbackConfig.ready): audit
labels, notification kinds, periodic jobs, the demo seeder, seat ownership and the sidebar.

Each part of the app keeps its registrations in its own block below.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

FEEDBACK_ACTION_LABELS: dict[str, Any] = {
    # --- forms ---
    "feedback.reports_exported": _("Report answers exported"),
    "feedback.form_created": _("Report form created"),
    "feedback.form_updated": _("Report form edited"),
    "feedback.form_archived": _("Report form archived"),
    "feedback.form_restored": _("Report form restored"),
    "feedback.audience_set": _("Report writers changed"),
    "feedback.question_added": _("Report question added"),
    "feedback.question_updated": _("Report question edited"),
    "feedback.question_moved": _("Report question moved"),
    "feedback.question_removed": _("Report question removed"),
    # --- end forms ---
    # --- reports ---
    "feedback.report_submitted": _("Report submitted"),
    "feedback.report_edited": _("Report edited"),
    # --- end reports ---
    # --- insights ---
    "feedback.signal_acknowledged": _("Acknowledged an early-warning signal"),
    "feedback.watch_words_updated": _("Changed the watched words"),
    "feedback.answer_flagged": _("Flagged a report answer for a meeting"),
    # --- end insights ---
    # --- meetings ---
    "meeting.series_created": _("Meeting series created"),
    "meeting.series_updated": _("Meeting series edited"),
    "meeting.series_stopped": _("Meeting series stopped"),
    "meeting.attendees_set": _("Meeting attendees changed"),
    "meeting.project_created": _("Meetings project created"),
    "meeting.agenda_added": _("Agenda item added"),
    "meeting.agenda_resolved": _("Agenda item resolved"),
    "meeting.agenda_reopened": _("Agenda item reopened"),
    "meeting.agenda_deleted": _("Agenda item removed"),
    "meeting.notes_updated": _("Meeting notes edited"),
    "meeting.held": _("Meeting marked as held"),
    "meeting.action_created": _("Action item created"),
    "meeting.feed_created": _("Meeting calendar feed created"),
    "meeting.feed_revoked": _("Meeting calendar feed revoked"),
    # --- end meetings ---
}


def connect() -> None:
    from keel.core.audit import register_action_labels

    register_action_labels(FEEDBACK_ACTION_LABELS)
    # --- forms ---
    from keel.accounts.offboarding import register_offboarding_step
    from keel.feedback import forms_ownership
    from keel.org.ownership import register_seat_ownership

    register_seat_ownership("feedback.forms", _("Report forms"), forms_ownership.seat_forms)
    register_offboarding_step(
        "feedback.forms", _("Report forms they own"), forms_ownership.release_forms,
        preview=forms_ownership.preview_forms,
    )  # fmt: skip
    # --- end forms ---
    # --- reports ---
    from keel.core.scheduler import every as every_reports
    from keel.feedback.jobs import (
        REMIND_EVERY,
        REMINDER_KIND,
        render_report_due,
        send_report_reminders,
    )
    from keel.notifications.kinds import register_kind as register_report_kind
    from keel.ui.nav import NavItem, register_nav

    register_report_kind(REMINDER_KIND, _("A report is due"), render=render_report_due,
                         in_app=True, email=True)  # fmt: skip
    every_reports(REMIND_EVERY, send_report_reminders)
    register_nav(NavItem(key="feedback", label=_("Feedback"), url_name="feedback_home",
                         permission="feedback.view", order=27))  # fmt: skip
    # --- end reports ---
    # --- insights ---
    from keel.core.scheduler import every
    from keel.feedback.jobs_signals import compute_signals
    from keel.feedback.services.signals import NOTIFY_KIND, signal_notification_title
    from keel.notifications.kinds import register_kind

    register_kind(NOTIFY_KIND, _("Early warnings about people you lead"),
                  render=signal_notification_title, in_app=True, email=True)  # fmt: skip
    every(6 * 3600, compute_signals)
    # --- end insights ---
    # --- meetings ---
    from keel.core.scheduler import every as every_meetings
    from keel.feedback import jobs_meetings
    from keel.notifications.kinds import register_kind as register_meeting_kind

    register_meeting_kind(jobs_meetings.NOTIFY_KIND, _("Meetings coming up that you attend"),
                          render=jobs_meetings.meeting_soon_title, in_app=True,
                          email=False)  # fmt: skip
    every_meetings(jobs_meetings.PREPARE_EVERY, jobs_meetings.prepare_meetings)
    # --- end meetings ---
    # --- demo ---
    from keel.core.seeding import register_demo_seeder, register_large_seeder
    from keel.feedback.demo import seed_demo_feedback
    from keel.feedback.large import large_seeder

    # After org and tasks (INSTALLED_APPS order): the people, seats and projects exist.
    register_demo_seeder(seed_demo_feedback)
    register_large_seeder(large_seeder)
    # --- end demo ---
