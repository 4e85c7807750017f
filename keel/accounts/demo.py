"""The people of `keel seed`'s data sets (registered with core.seeding in wiring.connect()).

`seed_demo_people` makes Demo Shop's owner, staff, groups and a pending invitation the way
real people join (invited, then accepting), so the audit trail and emails are genuine; the
other apps' demo seeders then fill the shop for its owner. Each demo language is its own shop
(`DemoShop`): English here, the Chinese ones in `demo_content/<language>.py`.
`seed_large_people` bulk-inserts the benchmark workspace's people, groups and an audit trail.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from keel.accounts import services
from keel.accounts.models import Group, GroupMembership, Invitation, User
from keel.core.models import AuditEvent, Membership, Role, Workspace
from keel.core.seeding import SeededPeople, demo_content_in

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


@dataclass(frozen=True)
class DemoShop:
    """One language's demo workspace and its people (the apps' content is in their demo.py)."""

    slug: str
    name: str
    domain: str
    language: str  # the workspace's
    timezone: str
    owner: tuple[str, str, str]  # (email, full name, job title)
    # (email, full name, role, job title, account language; "" leaves the account's as is)
    people: list[tuple[str, str, str, str, str]]
    groups: list[tuple[str, str, str, list[str]]]  # (name, alias, description, emails)
    invitation: tuple[str, str]  # (email, role)
    currency: str = "CNY"  # the workspace's settings
    week_start: str = "monday"


ENGLISH = DemoShop(
    slug=DEMO_SLUG, name="Demo Shop", domain=DEMO_DOMAIN, language="en",
    timezone="Asia/Shanghai", owner=(DEMO_OWNER_EMAIL, "Lin Wei", "Founder"),
    people=[(*person, "") for person in DEMO_PEOPLE], groups=DEMO_GROUPS,
    invitation=DEMO_PENDING_INVITATION,
)  # fmt: skip


def _verify_emails(users: list[User]) -> None:
    for user in users:
        EmailAddress.objects.update_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )


def seed_demo_people(*, password: str, language: str = "en") -> SeededPeople:
    """Create or refresh the demo shop of `language` and its people; every one of them signs
    in with `password`.

    Runs inside `core.seeding.seed_demo`'s transaction, before the other apps' seeders.
    """
    shop = demo_content_in(language, package="keel.accounts", english=ENGLISH, name="SHOP")
    owner_email, owner_name, owner_title = shop.owner
    hashed = make_password(password)
    owner_user, _ = User.objects.get_or_create(
        email=owner_email, defaults={"full_name": owner_name, "language": shop.language}
    )
    workspace = Workspace.objects.filter(slug=shop.slug).first()
    created = workspace is None
    if workspace is None:
        owner = services.workspace_create(
            user=owner_user, name=shop.name, slug=shop.slug, email_domain=shop.domain,
            language=shop.language, timezone_name=shop.timezone,
        )  # fmt: skip
        owner.title = owner_title
        owner.save(update_fields=["title", "updated_at"])
        workspace = owner.workspace
        services.workspace_update(
            actor=owner, workspace=workspace, currency=shop.currency, week_start=shop.week_start
        )
    else:
        owner = Membership.objects.get(workspace=workspace, user=owner_user)

    # People join the way real people do: invited by the owner, then accepting the link.
    for email, full_name, role, title, account_language in shop.people:
        defaults = {"full_name": full_name} | (
            {"language": account_language} if account_language else {}
        )
        user, _ = User.objects.get_or_create(email=email, defaults=defaults)
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
    for name, alias, description, emails in shop.groups:
        group = Group.objects.in_workspace(workspace).filter(alias=alias).first()
        if group is None:
            group = services.group_create(
                actor=owner, name=name, alias=alias, description=description
            )
        services.group_set_members(
            actor=owner, group=group, members=[by_email[e] for e in emails if e in by_email]
        )

    invite_email, invite_role = shop.invitation
    has_pending = any(
        inv.is_pending
        for inv in Invitation.objects.in_workspace(workspace).filter(email=invite_email)
    )
    if not has_pending and invite_email not in by_email:
        services.invitation_create(actor=owner, email=invite_email, role=invite_role)

    users = [m.user for m in by_email.values()]
    for user in users:
        user.password = hashed
        user.save(update_fields=["password"])
    _verify_emails(users)
    return SeededPeople(
        owner=owner,
        people=sorted(e for e in by_email if e != owner_email),
        created=created,
    )


# --- The large data set (benchmarks) --------------------------------------------------------

_GIVEN = ["Wei", "Min", "Fang", "Jing", "Lei", "Emma", "Oliver", "Sophie", "Jack", "Mia",
          "Hao", "Yan", "Noah", "Chloe", "Lucas", "Xin", "Ava", "Ming", "Leo", "Ivy"]  # fmt: skip
_FAMILY = ["Wang", "Li", "Zhang", "Liu", "Chen", "Smith", "Brown", "Taylor", "Wilson",
           "Huang", "Zhao", "Wu", "Evans", "Walker", "Zhou", "Xu", "Hall", "Sun", "Ma"]  # fmt: skip
_BENCH_GROUPS = ["Sales", "Purchasing", "Marketing", "Customer service", "Warehouse",
                 "Finance", "Design", "Listings", "Logistics", "Management"]  # fmt: skip


def seed_large_people(
    *, workspace: Workspace, members: int, password: str, created: bool
) -> SeededPeople:
    """Top `workspace` up to `members` people in ten groups; a new workspace also gets an
    audit trail. Bulk-inserted; runs inside `core.seeding.seed_large`'s transaction."""
    rng = random.Random(42)  # noqa: S311 - realistic-looking names, not security
    domain = workspace.email_domain
    owner_email = f"owner@{domain}"
    hashed = make_password(password)
    now = timezone.now()

    owner_user, _ = User.objects.get_or_create(
        email=owner_email, defaults={"full_name": "Bench Owner"}
    )
    owner_user.password = hashed
    owner_user.save(update_fields=["password"])
    owner, _ = Membership.objects.get_or_create(
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
    return SeededPeople(owner=owner, people=[u.email for u in users], created=created)
