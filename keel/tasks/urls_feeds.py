"""/feeds/<token>.ics: public iCalendar feeds, outside /<ws>/ (no session: the token is the key)."""

from django.urls import path

from keel.tasks.views_planning import calendar_feed_ics

urlpatterns = [
    path("<str:token>.ics", calendar_feed_ics, name="calendar_feed_ics"),
]
