"""The isolation check one route gets: members of workspace B, one per role, ask for
workspace A's objects by every method the route serves, and must get what a missing object
gets (404 for pages under A's slug) while A's data stays unchanged.

Each app runs it on its own routes in `keel/<app>/tests/test_isolation.py` (a file per app,
so pytest-xdist spreads them); `keel/core/tests/test_isolation.py` checks that every app
with routes has that file and that every route kwarg has a factory.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from keel.core.tests import isolation
from keel.core.tests.factories import MembershipFactory, WorkspaceFactory


class World:
    """Workspace A (the victim) and workspace B with one member per role (the attackers)."""

    def __init__(self) -> None:
        self.a: Any = WorkspaceFactory(
            name="Alpha Shop", slug="alpha", email_domain="alpha.example"
        )
        self.a_owner = MembershipFactory(workspace=self.a, role="owner")
        self.b: Any = WorkspaceFactory(name="Beta Shop", slug="beta", email_domain="beta.example")
        self.b_members: dict[str, Any] = {
            role: MembershipFactory(workspace=self.b, role=role) for role in isolation.ROLES
        }
        self._tokens: dict[str, str] = {}

    def client_for(self, role: str) -> Client:
        client = Client()
        client.force_login(self.b_members[role].user)
        return client

    def token_for(self, role: str) -> str:
        if role not in self._tokens:
            from keel.accounts.tokens import token_create

            _token, raw = token_create(membership=self.b_members[role], name="isolation")
            self._tokens[role] = raw
        return self._tokens[role]


def _request(client: Client, route: isolation.Route, method: str, url: str, **extra: Any) -> int:
    if route.kind == "api":
        body = "{}" if method in {"POST", "PUT", "PATCH"} else ""
        response = client.generic(method, url, body, content_type="application/json", **extra)
    elif method == "POST":
        response = client.post(url, {}, **extra)
    else:
        response = client.get(url, **extra)
    return response.status_code


def _values(world: World, route: isolation.Route) -> dict[str, Any]:
    values = {}
    for kwarg in route.object_kwargs:
        factory = isolation.factory_for(route, kwarg)
        assert factory is not None
        values[kwarg] = isolation.url_value(factory(world.a))
    return values


def check_route(route: isolation.Route) -> None:
    """Fail the calling test with every leak of `route` across workspaces."""
    missing = isolation.missing_factories(route)
    if missing:
        pytest.fail(isolation.missing_factory_message(route, missing), pytrace=False)

    world = World()
    a_values = _values(world, route)
    absent_values = {k: isolation.missing_value(v) for k, v in a_values.items()}
    before = isolation.workspace_snapshot(world.a)
    failures = isolation.Failures()

    # Each case: (label, url with A's objects, url with objects that don't exist).
    cases: list[tuple[str, str, str]] = []
    ws = route.workspace_kwarg
    if ws:
        cases.append(
            (
                "A's slug",
                route.url({ws: world.a.slug, **a_values}),
                route.url({ws: "no-such-workspace", **absent_values}),
            )
        )
    if route.object_kwargs:
        own = {ws: world.b.slug} if ws else {}
        cases.append(
            (
                "own slug, A's ids" if ws else "A's ids",
                route.url({**own, **a_values}),
                route.url({**own, **absent_values}),
            )
        )

    for role in isolation.ROLES:
        if route.kind == "api":
            client = Client()
            extra = {"HTTP_AUTHORIZATION": f"Bearer {world.token_for(role)}"}
        else:
            client, extra = world.client_for(role), {}
        for method in route.methods:
            for label, url, absent_url in cases:
                status = _request(client, route, method, url, **extra)
                absent = _request(client, route, method, absent_url, **extra)
                if label == "A's slug" and route.kind == "page":
                    # The middleware answers before any view: exactly 404, always.
                    verdict = isolation.Verdict(status == 404, f"answered {status}, not 404")
                else:
                    verdict = isolation.judge(status, absent, route)
                if not verdict.ok:
                    failures.add(f"  {role:<9} {method:<6} {label:<17} {url}: {verdict.why}")

    after = isolation.workspace_snapshot(world.a)
    changed = sorted(label for label in before if before[label] != after.get(label))
    if changed:
        failures.add(f"  workspace A's data changed: {', '.join(changed)}")
    if failures.lines:
        pytest.fail(
            f"{route.test_id} leaks across workspaces:\n" + "\n".join(failures.lines),
            pytrace=False,
        )
