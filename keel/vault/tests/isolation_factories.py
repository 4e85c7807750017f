"""Isolation factories for the vault's page and API URL kwargs (keel/core/tests/isolation.py)."""

from __future__ import annotations

from typing import Any

from keel.core.models import Workspace
from keel.core.tests.isolation import register_isolation_factory


def _item(ws: Workspace) -> Any:
    from keel.vault.tests.factories import make_item

    return make_item(ws)


def _category(ws: Workspace) -> Any:
    from keel.vault.tests.factories import CategoryFactory

    return CategoryFactory(workspace=ws)


def _grant(ws: Workspace) -> Any:
    from keel.core.models import Membership
    from keel.vault.models import Grant, Level
    from keel.vault.tests.factories import make_item

    item = make_item(ws)
    member = Membership.objects.filter(workspace=ws).first()
    return Grant.objects.create(workspace=ws, item=item, member=member, level=Level.VIEW)


def _membership(ws: Workspace) -> Any:
    from keel.core.models import Membership

    return Membership.objects.filter(workspace=ws).order_by("id").first()


def register_isolation_factories() -> None:
    register_isolation_factory("vault.item", _item)
    register_isolation_factory("item_id", _item)
    register_isolation_factory("category_id", _category)
    register_isolation_factory("grant_id", _grant)
    register_isolation_factory("membership_id@vault_person", _membership)
