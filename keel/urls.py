"""URL map: accounts and API at fixed prefixes; everything else under /<workspace-slug>/."""

from django.contrib import admin
from django.urls import include, path

from keel.accounts.views_workspaces import workspace_new
from keel.api import api
from keel.ui import views as ui_views

urlpatterns = [
    path("", ui_views.home, name="home"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("keel.accounts.urls_account")),
    path("accounts/", include("allauth.urls")),
    path("invitations/", include("keel.accounts.urls_invitations")),
    path("workspaces/new/", workspace_new, name="workspace_new"),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
    path("healthz", ui_views.healthz, name="healthz"),
    path("feeds/", include("keel.tasks.urls_feeds")),
    path("<slug:ws>/", include("keel.ui.urls")),
    path("<slug:ws>/", include("keel.accounts.urls")),
    path("<slug:ws>/notifications/", include("keel.notifications.urls")),
    path("<slug:ws>/org/", include("keel.org.urls")),
    path("<slug:ws>/vision/", include("keel.goals.urls")),
    path("<slug:ws>/", include("keel.tasks.urls")),
]
