"""Every URL of the accounts app: `urlpatterns` under /<ws>/ (members, groups, audit log,
workspace settings), `account_urlpatterns` under /accounts/ beside allauth's (profile, API
tokens) and `invitation_urlpatterns` under /invitations/ (no membership needed yet).
"""

from django.urls import path

from keel.accounts.views import audit as views_audit
from keel.accounts.views import groups as views_groups
from keel.accounts.views import invitations as views_invitations
from keel.accounts.views import members as views_members
from keel.accounts.views import settings as views_settings
from keel.accounts.views import workspace_settings as views_workspace_settings
from keel.accounts.views import workspaces as views_workspaces

urlpatterns = [
    path("members/", views_members.members, name="members"),
    path("members/invite/", views_members.member_invite, name="member_invite"),
    path(
        "members/invitations/<int:pk>/revoke/",
        views_members.invitation_revoke,
        name="invitation_revoke",
    ),
    path("members/<int:pk>/", views_members.member_detail, name="member_detail"),
    path("members/<int:pk>/role/", views_members.member_change_role, name="member_change_role"),
    path("members/<int:pk>/offboard/", views_members.member_offboard, name="member_offboard"),
    path(
        "members/<int:pk>/offboarding/",
        views_members.member_offboarding,
        name="member_offboarding",
    ),
    path("groups/", views_groups.groups, name="groups"),
    path("groups/new/", views_groups.group_create, name="group_create"),
    path("groups/<int:pk>/", views_groups.group_detail, name="group_detail"),
    path("groups/<int:pk>/edit/", views_groups.group_edit, name="group_edit"),
    path("groups/<int:pk>/delete/", views_groups.group_delete, name="group_delete"),
    path("groups/<int:pk>/members/", views_groups.group_members, name="group_members"),
    path("groups/<int:pk>/send/", views_groups.group_send, name="group_send"),
    path("audit/", views_audit.audit_log, name="audit"),
    path("audit/export.csv", views_audit.audit_export, name="audit_export"),
    path("settings/", views_workspace_settings.workspace_settings, name="workspace_settings"),
    path("settings/logo", views_workspace_settings.workspace_logo, name="workspace_logo"),
]

account_urlpatterns = [
    path("settings/", views_settings.account_settings, name="account_settings"),
    path("tokens/", views_settings.api_tokens, name="api_tokens"),
    path("tokens/new/", views_settings.api_token_create, name="api_token_create"),
    path("tokens/<int:pk>/revoke/", views_settings.api_token_revoke, name="api_token_revoke"),
]

invitation_urlpatterns = [
    path("<str:token>/", views_invitations.invitation_accept, name="invitation_accept"),
]

workspace_urlpatterns = [
    path("new/", views_workspaces.workspace_new, name="workspace_new"),
]
