"""Data sets for `keel seed`: the demo shop for `make run` and the large set for `make bench`.

Seeding is a whole-project tool, so unlike the rest of `core` it imports `accounts` (lazily).
The demo goes through the real services so its audit trail and emails are genuine; the large
set is bulk-inserted because it exists only to be measured.
"""

from __future__ import annotations

import os
import random
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from keel.core.models import AuditEvent, Membership, Role, Workspace

if TYPE_CHECKING:
    from keel.accounts.models import User


DemoSeeder = Callable[[Membership], None]
_DEMO_SEEDERS: list[DemoSeeder] = []


def register_demo_seeder(seeder: DemoSeeder) -> None:
    """Modules add their demo content (org chart, vision, …) from AppConfig.ready().

    A seeder receives the demo owner's membership, runs after the people and groups exist,
    and must be idempotent: `make run` seeds again on every start.
    """
    if seeder not in _DEMO_SEEDERS:
        _DEMO_SEEDERS.append(seeder)


LargeSeeder = Callable[[Workspace], None]
_LARGE_SEEDERS: list[LargeSeeder] = []


def register_large_seeder(seeder: LargeSeeder) -> None:
    """Modules add their share of the benchmark data set (tasks, wiki, …) from ready().

    A seeder receives the large workspace after its people exist, sizes itself from the
    number of members (the DESIGN scale targets are for 250), and must be idempotent.
    """
    if seeder not in _LARGE_SEEDERS:
        _LARGE_SEEDERS.append(seeder)


DEMO_SLUG = "demo"
DEMO_DOMAIN = "demo.example"
DEMO_OWNER_EMAIL = "owner@demo.example"

# (email, full name, role, job title): a small cross-border shop, Chinese and English names.
DEMO_PEOPLE = [
    ("zhang.min@demo.example", "Zhang Min", Role.MANAGER, "Operations manager"),
    ("sophie.turner@demo.example", "Sophie Turner", Role.MEMBER, "Customer service"),
    ("wang.fang@demo.example", "王芳", Role.MEMBER, "Purchasing"),
    ("maria.santos@freelancehub.example", "Maria Santos", Role.ASSISTANT, "Listing assistant"),
]
DEMO_GROUPS = [
    ("Sales", "sales", "Orders, customers and marketplaces",
     ["owner@demo.example", "sophie.turner@demo.example"]),
    ("Purchasing", "purchasing", "Suppliers and stock",
     ["zhang.min@demo.example", "wang.fang@demo.example"]),
    ("Marketing", "marketing", "Campaigns and listings",
     ["owner@demo.example", "sophie.turner@demo.example", "maria.santos@freelancehub.example"]),
]  # fmt: skip
DEMO_PENDING_INVITATION = ("li.na@demo.example", Role.MEMBER)


@dataclass
class SeedResult:
    workspace: Workspace
    owner_email: str
    password: str
    created: bool
    people: list[str] = field(default_factory=list)


def _password() -> str:
    return os.environ.get("KEEL_DEMO_PASSWORD", "") or secrets.token_urlsafe(12)


def _verify_emails(users: list[User]) -> None:
    from allauth.account.models import EmailAddress

    for user in users:
        EmailAddress.objects.update_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )


@transaction.atomic
def seed_demo() -> SeedResult:
    """Create or refresh "Demo Shop". Safe to run again: nothing is duplicated.

    Every run sets the demo people's password (KEEL_DEMO_PASSWORD, else a new random one)
    so the sign-in printed by the caller always works.
    """
    from keel.accounts import services
    from keel.accounts.models import Group, Invitation, User

    password = _password()
    hashed = make_password(password)
    owner_user, _ = User.objects.get_or_create(
        email=DEMO_OWNER_EMAIL, defaults={"full_name": "Lin Wei", "language": "en"}
    )
    workspace = Workspace.objects.filter(slug=DEMO_SLUG).first()
    created = workspace is None
    if workspace is None:
        owner = services.workspace_create(
            user=owner_user, name="Demo Shop", slug=DEMO_SLUG, email_domain=DEMO_DOMAIN,
            language="en", timezone_name="Asia/Shanghai",
        )  # fmt: skip
        owner.title = "Founder"
        owner.save(update_fields=["title", "updated_at"])
        workspace = owner.workspace
    else:
        owner = Membership.objects.get(workspace=workspace, user=owner_user)

    # People join the way real people do: invited by the owner, then accepting the link.
    for email, full_name, role, title in DEMO_PEOPLE:
        user, _ = User.objects.get_or_create(email=email, defaults={"full_name": full_name})
        if Membership.objects.filter(workspace=workspace, user=user).exists():
            continue
        invitation, _raw = services.invitation_create(actor=owner, email=email, role=role)
        membership = services.invitation_accept(invitation=invitation, user=user)
        membership.title = title
        membership.save(update_fields=["title", "updated_at"])

    by_email = {
        m.user.email: m
        for m in Membership.objects.filter(workspace=workspace).select_related("user")
    }
    for name, alias, description, emails in DEMO_GROUPS:
        group = Group.objects.in_workspace(workspace).filter(alias=alias).first()
        if group is None:
            group = services.group_create(
                actor=owner, name=name, alias=alias, description=description
            )
        services.group_set_members(
            actor=owner, group=group, members=[by_email[e] for e in emails if e in by_email]
        )

    invite_email, invite_role = DEMO_PENDING_INVITATION
    has_pending = any(
        inv.is_pending
        for inv in Invitation.objects.in_workspace(workspace).filter(email=invite_email)
    )
    if not has_pending and invite_email not in by_email:
        services.invitation_create(actor=owner, email=invite_email, role=invite_role)

    for seeder in _DEMO_SEEDERS:
        seeder(owner)

    users = [m.user for m in by_email.values()]
    for user in users:
        user.password = hashed
        user.save(update_fields=["password"])
    _verify_emails(users)
    return SeedResult(
        workspace=workspace,
        owner_email=DEMO_OWNER_EMAIL,
        password=password,
        created=created,
        people=sorted(e for e in by_email if e != DEMO_OWNER_EMAIL),
    )


# --- The large data set (benchmarks) --------------------------------------------------------

BENCH_SLUG = "bench"
BENCH_DOMAIN = "bench.example"
BENCH_OWNER_EMAIL = "owner@bench.example"
_GIVEN = ["Wei", "Min", "Fang", "Jing", "Lei", "Emma", "Oliver", "Sophie", "Jack", "Mia",
          "Hao", "Yan", "Noah", "Chloe", "Lucas", "Xin", "Ava", "Ming", "Leo", "Ivy"]  # fmt: skip
_FAMILY = ["Wang", "Li", "Zhang", "Liu", "Chen", "Smith", "Brown", "Taylor", "Wilson",
           "Huang", "Zhao", "Wu", "Evans", "Walker", "Zhou", "Xu", "Hall", "Sun", "Ma"]  # fmt: skip
_BENCH_GROUPS = ["Sales", "Purchasing", "Marketing", "Customer service", "Warehouse",
                 "Finance", "Design", "Listings", "Logistics", "Management"]  # fmt: skip


@transaction.atomic
def seed_large(*, members: int = 250, slug: str = BENCH_SLUG, modules: bool = False) -> SeedResult:
    """One workspace with `members` people, ten groups and an audit trail, bulk-inserted.

    Re-running tops the workspace up to `members` people; nothing is duplicated. With
    `modules`, each registered large seeder then adds its data (`keel seed large` does).
    """
    from allauth.account.models import EmailAddress

    from keel.accounts.models import Group, GroupMembership, User

    rng = random.Random(42)  # noqa: S311 - realistic-looking names, not security
    domain = f"{slug}.example" if slug != BENCH_SLUG else BENCH_DOMAIN
    owner_email = f"owner@{domain}"
    password = _password()
    hashed = make_password(password)
    now = timezone.now()

    workspace, created = Workspace.objects.get_or_create(
        slug=slug,
        defaults={"name": "Bench Shop", "email_domain": domain, "timezone": "Asia/Shanghai"},
    )
    owner_user, _ = User.objects.get_or_create(
        email=owner_email, defaults={"full_name": "Bench Owner"}
    )
    owner_user.password = hashed
    owner_user.save(update_fields=["password"])
    Membership.objects.get_or_create(
        workspace=workspace, user=owner_user, defaults={"role": Role.OWNER}
    )

    wanted = [f"person{i:04d}@{domain}" for i in range(1, max(members, 1))]
    existing = set(User.objects.filter(email__in=wanted).values_list("email", flat=True))
    new_users = [
        User(
            email=email,
            full_name=f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}",
            password=hashed,
            date_joined=now - timedelta(days=rng.randint(1, 900)),
        )
        for email in wanted
        if email not in existing
    ]
    User.objects.bulk_create(new_users, batch_size=500)
    users = list(User.objects.filter(email__in=wanted).order_by("email"))
    member_user_ids = set(
        Membership.objects.filter(workspace=workspace).values_list("user_id", flat=True)
    )
    roles = [Role.ADMIN, Role.MANAGER] + [Role.MEMBER] * 12 + [Role.ASSISTANT, Role.GUEST]
    Membership.objects.bulk_create(
        [
            Membership(workspace=workspace, user=u, role=rng.choice(roles), title="Staff")
            for u in users
            if u.pk not in member_user_ids
        ],
        batch_size=500,
    )
    verified = set(EmailAddress.objects.filter(user__in=users).values_list("user_id", flat=True))
    EmailAddress.objects.bulk_create(
        [
            EmailAddress(user=u, email=u.email, verified=True, primary=True)
            for u in users
            if u.pk not in verified
        ],
        batch_size=500,
    )

    groups = []
    for name in _BENCH_GROUPS:
        alias = name.lower().replace(" ", "-")
        group, _ = Group.objects.get_or_create(
            workspace=workspace, alias=alias, defaults={"name": name}
        )
        groups.append(group)
    memberships = list(Membership.objects.filter(workspace=workspace).order_by("pk"))
    grouped = set(
        GroupMembership.objects.filter(workspace=workspace).values_list("membership_id", flat=True)
    )
    links = [
        GroupMembership(workspace=workspace, group=group, membership=m)
        for m in memberships
        if m.pk not in grouped
        for group in rng.sample(groups, 2)
    ]
    GroupMembership.objects.bulk_create(links, batch_size=500)

    if created:
        actions = ["member.role_changed", "group.members_changed", "invitation.created",
                   "invitation.accepted", "user.signed_in"]  # fmt: skip
        AuditEvent.objects.bulk_create(
            [
                AuditEvent(
                    workspace=workspace,
                    actor=owner_user,
                    actor_email=owner_email,
                    action=rng.choice(actions),
                    target_type="core.membership",
                    target_id=str(m.pk),
                    target_repr=f"person {m.pk}",
                    created_at=now - timedelta(minutes=rng.randint(1, 60 * 24 * 365)),
                )
                for m in memberships
                for _ in range(4)
            ],
            batch_size=500,
        )
    if modules:
        for seeder in _LARGE_SEEDERS:
            seeder(workspace)
    return SeedResult(
        workspace=workspace,
        owner_email=owner_email,
        password=password,
        created=created,
        people=[u.email for u in users],
    )
