"""factory_boy factories for workspaces, users and memberships (shared by every app's tests)."""

from __future__ import annotations

import factory

from keel.accounts.models import User
from keel.core.models import Membership, Role, Workspace


class WorkspaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workspace
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Shop {n}")
    slug = factory.Sequence(lambda n: f"shop-{n}")
    email_domain = factory.LazyAttribute(lambda o: f"{o.slug}.example")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    full_name = factory.Faker("name")
    password = factory.django.Password("correct horse battery")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    workspace = factory.SubFactory(WorkspaceFactory)
    user = factory.SubFactory(
        UserFactory,
        email=factory.LazyAttributeSequence(
            lambda o, n: f"person{n}@{o.factory_parent.workspace.email_domain}"
        ),
    )
    role = Role.MEMBER


PASSWORD = "correct horse battery"
