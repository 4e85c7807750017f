"""/<ws>/notifications/: the member's list, marking read, and their preferences."""

from django.urls import path

from keel.notifications.views import notifications as views

urlpatterns = [
    path("", views.notification_list, name="notifications"),
    path("read-all/", views.notifications_read_all, name="notifications_read_all"),
    path("<int:pk>/read/", views.notification_read, name="notification_read"),
    path("preferences/", views.preferences, name="notification_preferences"),
]
