"""/<ws>/feedback/…: reports, report forms, people and team views, signals, meetings.

`feed_urlpatterns` are the meeting calendar feeds, outside /<ws>/ (the token is the key).
Each part of the app keeps its URLs in its own block below.
"""

from django.urls import URLPattern, path

urlpatterns: list[URLPattern] = []
feed_urlpatterns: list[URLPattern] = []

# --- reports ---
# --- end reports ---
# --- forms ---
# --- end forms ---
# --- insights ---
# --- end insights ---
# --- meetings ---
# --- end meetings ---

__all__ = ["feed_urlpatterns", "path", "urlpatterns"]
