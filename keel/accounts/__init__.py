"""People: users, sign-in (allauth), invitations, groups, API tokens and offboarding."""
