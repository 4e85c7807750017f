"""Every URL and API route, for every role of another workspace: A's objects look absent.

Routes are enumerated from keel.urls and the API catalogue at collection time, so each is its
own test id and a new URL is covered without writing a test. See isolation.py to register
the factory a new URL kwarg needs.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from keel.core.tests import isolation
from keel.core.tests.factories import MembershipFactory, WorkspaceFactory

isolation.autodiscover()
ROUTES = isolation.all_routes()

pytestmark = pytest.mark.django_db


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


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.test_id)
def test_other_workspace_gets_404_for_workspace_a(route: isolation.Route) -> None:
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


def test_every_route_kwarg_has_a_factory() -> None:
    """One list of every unregistered kwarg, so a new module sees all it must register."""
    problems = [
        isolation.missing_factory_message(route, missing)
        for route in ROUTES
        if (missing := isolation.missing_factories(route))
    ]
    assert not problems, "\n\n".join(problems)


def test_harness_sees_the_workspace_pages_and_the_api() -> None:
    kinds = {route.kind for route in ROUTES}
    assert "page" in kinds, "no /<ws>/ URL found: is the enumeration broken?"
    templates = {route.template for route in ROUTES}
    assert "/{ws}/" in templates


def test_snapshot_notices_a_change() -> None:
    """The side-effect check must be able to fail."""
    ws: Any = WorkspaceFactory(slug="snap")
    member: Any = MembershipFactory(workspace=ws)
    before = isolation.workspace_snapshot(ws)
    member.role = "admin"
    member.save(update_fields=["role"])
    assert isolation.workspace_snapshot(ws) != before
