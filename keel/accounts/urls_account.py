"""Per-user pages that live beside allauth's under /accounts/ (settings, sessions, tokens)."""

urlpatterns: list = []
