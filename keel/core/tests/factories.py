"""factory_boy factories for workspaces and memberships (shared by every app's tests).

A membership's user comes from UserFactory, which accounts owns (keel/accounts/tests/
factories.py, with PASSWORD); factory_boy resolves it by path when first used.
"""

from __future__ import annotations

import factory

from keel.core.models import Membership, Role, Workspace


class WorkspaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workspace
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Shop {n}")
    slug = factory.Sequence(lambda n: f"shop-{n}")
    email_domain = factory.LazyAttribute(lambda o: f"{o.slug}.example")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    workspace = factory.SubFactory(WorkspaceFactory)
    user = factory.SubFactory(
        "keel.accounts.tests.factories.UserFactory",
        email=factory.LazyAttributeSequence(
            lambda o, n: f"person{n}@{o.factory_parent.workspace.email_domain}"
        ),
    )
    role = Role.MEMBER
