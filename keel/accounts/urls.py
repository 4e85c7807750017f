"""Workspace-scoped people pages: /<ws>/members/, /<ws>/groups/, /<ws>/audit/."""

urlpatterns: list = []
