"""Fixtures for the people pages' tests."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from keel.accounts.models import ApiToken, Group, GroupMembership, hash_secret
from keel.core.models import Membership


@pytest.fixture
def queued_mail(settings, django_capture_on_commit_callbacks):
    """Mail goes the production way: queued on commit, delivered by the (immediate) job
    backend to locmem. Use as `with queued_mail(): ...` then read django.core.mail.outbox."""
    settings.EMAIL_BACKEND = "keel.core.mail.QueuedEmailBackend"

    def _capture():
        return django_capture_on_commit_callbacks(execute=True)

    return _capture


@pytest.fixture
def make_group(workspace):
    def _make(name: str = "Sales", alias: str = "sales", members: Sequence[Membership] = ()):
        group = Group.objects.create(workspace=workspace, name=name, alias=alias)
        for m in members:
            GroupMembership.objects.create(workspace=workspace, group=group, membership=m)
        return group

    return _make


@pytest.fixture
def make_token():
    def _make(membership: Membership, name: str = "CLI") -> ApiToken:
        raw = ApiToken.new_secret()
        return ApiToken.objects.create(
            workspace=membership.workspace, membership=membership, name=name,
            token_hash=hash_secret(raw), hint=raw[:9],
        )  # fmt: skip

    return _make
