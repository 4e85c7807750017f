"""Data sets for `keel seed`: the demo shop for `make run` and the large set for `make bench`.

Core only runs the seeders the apps register (each in its wiring.connect()): first the people
seeder (accounts: the workspace's people and groups), then each app's content seeders in
registration order (INSTALLED_APPS order). The demo goes through the real services so its
audit trail and emails are genuine; the large set is bulk-inserted because it exists only to
be measured.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from typing import Protocol, TypeVar

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from keel.core.models import Membership, Workspace

# The languages the demo shop can be seeded in (`keel seed demo --language zh-hans`).
DEMO_LANGUAGES = ("en", "zh-hans", "zh-hant")

T = TypeVar("T")


def demo_content_in(language: str, *, package: str, english: T, name: str = "CONTENT") -> T:
    """An app's demo content in `language`: `english` (kept in the app's demo.py) for "en",
    else the module attribute `name` of `<package>.demo_content.<language>` (zh-hans reads
    zh_hans.py). The app passes its package ("keel.tasks") because core imports no app.
    """
    if language == "en":
        return english
    module = import_module(f"{package}.demo_content.{language.replace('-', '_')}")
    content: T = getattr(module, name)
    return content


class DemoSeeder(Protocol):
    def __call__(self, owner: Membership, *, language: str = "en") -> None: ...


_DEMO_SEEDERS: list[DemoSeeder] = []


def register_demo_seeder(seeder: DemoSeeder) -> None:
    """Modules add their demo content (org chart, vision, …) from AppConfig.ready().

    A seeder receives the demo owner's membership and the demo's language (one of
    DEMO_LANGUAGES: it writes its content in that language), runs after the people and groups
    exist, and must be idempotent: `make run` seeds again on every start.
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


@dataclass
class SeededPeople:
    """What the people seeder made: the owner (handed to every content seeder), the other
    people's emails, and whether the workspace was new."""

    owner: Membership
    people: list[str]
    created: bool


class DemoPeopleSeeder(Protocol):
    def __call__(self, *, password: str, language: str = "en") -> SeededPeople: ...


class LargePeopleSeeder(Protocol):
    def __call__(
        self, *, workspace: Workspace, members: int, password: str, created: bool
    ) -> SeededPeople: ...


@dataclass
class _PeopleSeeders:
    demo: DemoPeopleSeeder
    large: LargePeopleSeeder


_PEOPLE: list[_PeopleSeeders] = []


def register_people_seeder(*, demo: DemoPeopleSeeder, large: LargePeopleSeeder) -> None:
    """The app that owns users (accounts) makes the data sets' people; exactly one may.

    `demo(password=..., language=...)` creates or refreshes that language's demo shop (each
    language has its own workspace) with its owner, people, groups and invitation, sets every
    demo person's password, and returns the owner. `large(...)` tops
    the benchmark workspace up to `members` people. Both must be idempotent.
    """
    seeders = _PeopleSeeders(demo=demo, large=large)
    if _PEOPLE and _PEOPLE[0] != seeders:
        raise ImproperlyConfigured("Only one app may register the people seeder.")
    _PEOPLE[:] = [seeders]


def _people() -> _PeopleSeeders:
    if not _PEOPLE:
        raise ImproperlyConfigured("No people seeder registered (is keel.accounts installed?).")
    return _PEOPLE[0]


@dataclass
class SeedResult:
    workspace: Workspace
    owner_email: str
    password: str
    created: bool
    people: list[str] = field(default_factory=list)


def _password() -> str:
    return os.environ.get("KEEL_DEMO_PASSWORD", "") or secrets.token_urlsafe(12)


@transaction.atomic
def seed_demo(language: str = "en") -> SeedResult:
    """Create or refresh "Demo Shop" (in `language`: its own workspace, e.g. 演示商店 for
    zh-hans). Safe to run again: nothing is duplicated.

    Every run sets the demo people's password (KEEL_DEMO_PASSWORD, else a new random one)
    so the sign-in printed by the caller always works.
    """
    if language not in DEMO_LANGUAGES:
        raise ValueError(f"No demo shop in {language!r}; choose one of {DEMO_LANGUAGES}.")
    password = _password()
    seeded = _people().demo(password=password, language=language)
    owner = seeded.owner
    for seeder in _DEMO_SEEDERS:
        seeder(owner, language=language)
    return SeedResult(
        workspace=owner.workspace,
        owner_email=owner.user.email,
        password=password,
        created=seeded.created,
        people=seeded.people,
    )


# --- The large data set (benchmarks) --------------------------------------------------------

BENCH_SLUG = "bench"


@transaction.atomic
def seed_large(*, members: int = 250, slug: str = BENCH_SLUG, modules: bool = False) -> SeedResult:
    """One workspace with `members` people, ten groups and an audit trail, bulk-inserted.

    Re-running tops the workspace up to `members` people; nothing is duplicated. With
    `modules`, each registered large seeder then adds its data (`keel seed large` does).
    """
    password = _password()
    workspace, created = Workspace.objects.get_or_create(
        slug=slug,
        defaults={
            "name": "Bench Shop",
            "email_domain": f"{slug}.example",
            "timezone": "Asia/Shanghai",
        },
    )
    seeded = _people().large(
        workspace=workspace, members=members, password=password, created=created
    )
    if modules:
        for seeder in _LARGE_SEEDERS:
            seeder(workspace)
    return SeedResult(
        workspace=workspace,
        owner_email=seeded.owner.user.email,
        password=password,
        created=created,
        people=seeded.people,
    )
