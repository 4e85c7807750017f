"""/invitations/<token>/: accept an invitation (no workspace membership needed yet)."""

urlpatterns: list = []
