"""Factories for vault tests: items go through the service (so they are really encrypted);
categories and grants are plain rows."""

from __future__ import annotations

from typing import Any

import factory

from keel.core.models import Membership, Role
from keel.core.tests.factories import MembershipFactory
from keel.vault import services
from keel.vault.models import Category, Grant, Item, Level


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Category {n}")


def make_item(
    workspace: Any = None,
    *,
    actor: Membership | None = None,
    name: str = "",
    password: str = "s3cret-Pa55",  # noqa: S107 - a test value
    **kwargs: Any,
) -> Item:
    """A login item saved through the service, its password encrypted."""
    if actor is None:
        found: Any = Membership.objects.filter(workspace=workspace, role=Role.OWNER).first()
        actor = found or MembershipFactory.create(workspace=workspace, role=Role.OWNER)
    make_item.counter = getattr(make_item, "counter", 0) + 1  # type: ignore[attr-defined]
    fields = services.ItemFields(
        name=name or f"Login {make_item.counter}",  # type: ignore[attr-defined]
        kind=kwargs.pop("kind", "login"), urls=kwargs.pop("urls", ["https://shop.example"]),
        username=kwargs.pop("username", "buyer"), values=kwargs.pop("values", None)
        or {"password": password}, **kwargs,
    )  # fmt: skip
    return services.item_create(actor=actor, fields=fields)


class GrantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Grant

    workspace = factory.LazyAttribute(lambda o: (o.item or o.category).workspace)
    item = None
    category = None
    level = Level.VIEW
