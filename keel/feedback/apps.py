"""Feedback: report forms and submissions with a mood score, meetings with agendas and action
items, and the early-warning signals that tell an owner someone is unhappy.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "keel.feedback"
    label = "feedback"
    verbose_name = _("Feedback")

    def ready(self) -> None:
        from keel.feedback import wiring

        wiring.connect()
