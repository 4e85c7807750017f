"""Per-user pages that live beside allauth's under /accounts/ (profile settings, API tokens)."""

from django.urls import path

from keel.accounts import views_settings

urlpatterns = [
    path("settings/", views_settings.account_settings, name="account_settings"),
    path("tokens/", views_settings.api_tokens, name="api_tokens"),
    path("tokens/new/", views_settings.api_token_create, name="api_token_create"),
    path("tokens/<int:pk>/revoke/", views_settings.api_token_revoke, name="api_token_revoke"),
]
