"""URL map: accounts and API at fixed prefixes; everything else under /<workspace-slug>/."""

from django.contrib import admin
from django.urls import include, path

from keel.accounts import urls as accounts_urls
from keel.api import api
from keel.core import health
from keel.feedback import urls as feedback_urls
from keel.tasks import urls as tasks_urls
from keel.ui import views as ui_views

urlpatterns = [
    path("", ui_views.home, name="home"),
    # The language switch: Django's set_language plus the account hook (ui.language).
    path("i18n/setlang/", ui_views.set_language, name="set_language"),
    path("accounts/", include(accounts_urls.account_urlpatterns)),
    path("accounts/", include("allauth.urls")),
    path("invitations/", include(accounts_urls.invitation_urlpatterns)),
    path("workspaces/", include(accounts_urls.workspace_urlpatterns)),
    path("api/v1/", api.urls),
    # auth hardening (issue 12): admin.site is accounts.admin_site.KeelAdminSite: 404 unless
    # KEEL_ADMIN, sign-in through allauth (two-factor, rate limits).
    path("admin/", admin.site.urls),
    path("healthz", ui_views.healthz, name="healthz"),
    # Readiness for load balancers: database, cache, job queue, migrations (docs/server.md).
    path("readyz", health.readyz, name="readyz"),
    path("feeds/", include(tasks_urls.feed_urlpatterns)),
    path("feeds/", include(feedback_urls.feed_urlpatterns)),
    path("<slug:ws>/", include("keel.home.urls")),
    path("<slug:ws>/", include("keel.accounts.urls")),
    path("<slug:ws>/notifications/", include("keel.notifications.urls")),
    path("<slug:ws>/org/", include("keel.org.urls")),
    path("<slug:ws>/vision/", include("keel.goals.urls")),
    path("<slug:ws>/search/", include("keel.search.urls")),
    path("<slug:ws>/wiki/", include("keel.wiki.urls")),
    path("<slug:ws>/feedback/", include("keel.feedback.urls")),
    path("<slug:ws>/kpis/", include("keel.kpis.urls")),
    path("<slug:ws>/vault/", include("keel.vault.urls")),
    path("<slug:ws>/", include("keel.tasks.urls")),
]
