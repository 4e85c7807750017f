"""Shared fixtures: a workspace with an owner, admin, manager, member and assistant, and an
outsider who belongs to another workspace; `login` for pages and `api_for` for the JSON API.
Every app's tests use these."""

from __future__ import annotations

import pytest

from keel.core.models import Membership, Role
from keel.core.tests.api_client import ApiClient, api_client_for
from keel.core.tests.factories import MembershipFactory, WorkspaceFactory


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: rolled-back rows come back with the same ids, so
    an entry cached by an earlier test (wiki restrictions, rate limits) could match them."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def workspace(db):
    return WorkspaceFactory(name="Acme Shop", slug="acme", email_domain="acme.example")


def _member(workspace, role: str, name: str) -> Membership:
    return MembershipFactory(
        workspace=workspace,
        role=role,
        user__email=f"{name}@{workspace.email_domain}",
        user__full_name=name.title(),
    )


@pytest.fixture
def owner(workspace) -> Membership:
    return _member(workspace, Role.OWNER, "olivia")


@pytest.fixture
def admin(workspace) -> Membership:
    return _member(workspace, Role.ADMIN, "adam")


@pytest.fixture
def manager(workspace) -> Membership:
    return _member(workspace, Role.MANAGER, "maya")


@pytest.fixture
def member(workspace) -> Membership:
    return _member(workspace, Role.MEMBER, "mike")


@pytest.fixture
def assistant(workspace) -> Membership:
    return MembershipFactory(
        workspace=workspace,
        role=Role.ASSISTANT,
        user__email="ana@freelance.example",
        user__full_name="Ana Assistant",
    )


@pytest.fixture
def other_workspace(db):
    return WorkspaceFactory(name="Other Shop", slug="other", email_domain="other.example")


@pytest.fixture
def outsider(other_workspace) -> Membership:
    """Owner of another workspace: must never see anything of `workspace`."""
    return _member(other_workspace, Role.OWNER, "oscar")


@pytest.fixture
def login(client):
    """`login(membership)` signs the test client in as that member's user."""

    def _login(membership: Membership):
        client.force_login(membership.user)
        return client

    return _login


@pytest.fixture
def api_for(client):
    """`api_for(membership)` → an ApiClient (keel/core/tests/api_client.py) holding a fresh API
    token of that member; `api_for(membership, session=True)` signs `client` in instead."""

    def _api_for(membership: Membership, *, session: bool = False) -> ApiClient:
        return api_client_for(client, membership, session=session)

    return _api_for
