"""/invitations/<token>/: accept an invitation (no workspace membership needed yet)."""

from django.urls import path

from keel.accounts import views_invitations

urlpatterns = [
    path("<str:token>/", views_invitations.invitation_accept, name="invitation_accept"),
]
