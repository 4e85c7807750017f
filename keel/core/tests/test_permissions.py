import pytest
from django.core.exceptions import PermissionDenied

from keel.core.permissions import grantable_roles, has_perm, require

pytestmark = pytest.mark.django_db


def test_assistant_has_no_workspace_wide_view_of_members(assistant):
    assert not has_perm(assistant, "members.view")
    with pytest.raises(PermissionDenied):
        require(assistant, "members.view")


def test_offboarded_owner_loses_every_permission(owner):
    from django.utils import timezone

    owner.offboarded_at = timezone.now()
    assert not has_perm(owner, "workspace.view")


def test_manager_cannot_grant_admin_or_owner(manager):
    roles = grantable_roles(manager)
    assert "admin" not in roles and "owner" not in roles
    assert {"member", "assistant", "guest"} <= set(roles)


def test_only_owner_grants_owner(owner, admin):
    assert "owner" in grantable_roles(owner)
    assert "owner" not in grantable_roles(admin)
