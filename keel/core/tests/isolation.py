"""Tenancy isolation harness: every workspace page, account page and API route, asked by a
member of workspace B for workspace A's objects, must answer as if they did not exist.

`test_isolation.py` enumerates the routes (so a new URL is covered without anyone writing a
test) and fills their object kwargs from factories registered here. A route whose kwarg has
no factory FAILS the suite until one is registered. To cover a new app, add
`keel/<app>/tests/isolation_factories.py` with a `register_isolation_factories()` function,
modelled on `register_foundation_factories()` below:

    from keel.core.tests.isolation import register_isolation_factory

    def register_isolation_factories() -> None:
        register_isolation_factory("tasks.task", lambda ws: TaskFactory(workspace=ws))
        register_isolation_factory("task_id", lambda ws: TaskFactory(workspace=ws))
        register_isolation_factory("pk@tasks:detail", lambda ws: TaskFactory(workspace=ws))

A factory takes workspace A and returns an object of A (its pk is used) or the raw URL value.
The key is, most specific first: `"<kwarg>@<url name or API path template>"` for one route,
the bare kwarg name (`"group_id"`) for every route that uses it, or a model label
(`"accounts.group"`) that matches the kwargs `group`, `group_id` and `group_pk`.
"""

from __future__ import annotations

import importlib
import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db import models
from django.urls import URLPattern, URLResolver, get_resolver

from keel.core.models import Role, Workspace

Factory = Callable[[Workspace], Any]

WORKSPACE_KWARG = "ws"  # the page URLs' workspace slug: /<slug:ws>/...
API_WORKSPACE_PARAMS = frozenset({"slug", "ws", "workspace_slug"})  # /api/v1/workspaces/{slug}
ROLES: tuple[str, ...] = (
    Role.OWNER,
    Role.ADMIN,
    Role.MANAGER,
    Role.MEMBER,
    Role.ASSISTANT,
    Role.GUEST,
)

# Routes whose 403 to an outsider is acceptable even though a missing object would be 404:
# the object's existence is not secret. Keep this tiny and say why for each entry.
EXISTENCE_NOT_SECRET: dict[str, str] = {}

# Keel-owned routes outside /<ws>/ that carry a kwarg but address no tenant object.
NOT_TENANT_OBJECT_ROUTES: dict[str, str] = {
    "invitation_accept": "the link's secret token is the credential; anyone holding it may "
    "open the page (tested in keel/accounts/tests)",
    "feedback_meeting_feed_ics": "the meetings calendar feed's secret token is the credential "
    "(hashed, revocable; tested in keel/feedback/tests/test_meeting_feed.py)",
}

# Statuses that cannot leak existence when a missing object gets the very same answer
# (e.g. a role check or body validation that runs before the lookup).
SAME_AS_MISSING_OK = frozenset({400, 403, 405, 422})

_FACTORIES: dict[str, Factory] = {}


def register_isolation_factory(key: str, factory: Factory) -> None:
    """Fill URL kwarg `key` (see the module docstring for the key forms) from `factory(ws)`."""
    _FACTORIES[key] = factory


def registered_keys() -> list[str]:
    return sorted(_FACTORIES)


# --- Routes --------------------------------------------------------------------------------

_PARAM_RE = re.compile(r"<(?:(?P<conv>[^>:]+):)?(?P<name>\w+)>")
_API_PARAM_RE = re.compile(r"{(?:[^}:]+:)?(?P<name>\w+)}")


@dataclass(frozen=True)
class Route:
    """One URL to attack. `template` uses `{name}` placeholders for every kwarg."""

    kind: str  # "page" (under /<ws>/), "account" (per-user, under /accounts/ etc.), "api"
    name: str  # URL name (namespaced) or, for the API, the path template
    template: str
    workspace_kwarg: str | None
    object_kwargs: tuple[str, ...]
    methods: tuple[str, ...]
    app: str = "core"  # the app whose view serves it: its tests/test_isolation.py runs it

    @property
    def test_id(self) -> str:
        if self.kind == "api":
            return f"api {'/'.join(self.methods)} {self.template}"
        return f"{self.kind} {self.name or self.template}"

    def url(self, values: dict[str, Any]) -> str:
        return re.sub(r"{(\w+)}", lambda m: str(values[m.group(1)]), self.template)


def _route_string(pattern: Any) -> str | None:
    """The `path()` route of a pattern as text, or None for a regex pattern."""
    from django.urls.resolvers import RoutePattern

    if isinstance(pattern, RoutePattern):
        return str(pattern)
    return None


def _walk(
    patterns: list[Any], prefix: str, namespace: str, regex: bool
) -> Iterator[tuple[str, str, Any, bool]]:
    for entry in patterns:
        route = _route_string(entry.pattern)
        part = route if route is not None else str(entry.pattern.regex.pattern)
        is_regex = regex or route is None
        if isinstance(entry, URLResolver):
            ns = namespace
            if entry.namespace:
                ns = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _walk(entry.url_patterns, prefix + part, ns, is_regex)
        elif isinstance(entry, URLPattern):
            name = entry.name or ""
            if name and namespace:
                name = f"{namespace}:{name}"
            yield prefix + part, name, entry.callback, is_regex


def _callback_module(callback: Any) -> str:
    view_class = getattr(callback, "view_class", None)
    return (view_class or callback).__module__ or ""


def _app_of(module: str) -> str:
    """ "keel.tasks.views.list" → "tasks"; anything not in an app (keel.ui, Django) → "core"."""
    parts = module.split(".")
    if len(parts) > 2 and parts[0] == "keel" and parts[1] not in ("core", "ui"):
        return parts[1]
    return "core"


def page_routes() -> list[Route]:
    """Every keel.urls pattern with the `ws` kwarg, and keel's per-user routes with kwargs."""
    routes: list[Route] = []
    for raw, name, callback, is_regex in _walk(get_resolver().url_patterns, "/", "", False):
        if name.startswith("api:") or _callback_module(callback).startswith("ninja."):
            continue  # the API is enumerated from its own catalogue
        kwargs = [m.group("name") for m in _PARAM_RE.finditer(raw)]
        if is_regex:
            # Regex patterns only come from Django/allauth; ours must use path().
            if WORKSPACE_KWARG in raw or _callback_module(callback).startswith("keel."):
                raise AssertionError(
                    f"{name or raw}: use path() for Keel URLs so the isolation harness can "
                    "read their kwargs."
                )
            continue
        template = _PARAM_RE.sub(lambda m: "{" + m.group("name") + "}", raw)
        objects = tuple(k for k in kwargs if k != WORKSPACE_KWARG)
        if WORKSPACE_KWARG in kwargs:
            kind = "page"
        elif objects and _callback_module(callback).startswith("keel."):
            if name in NOT_TENANT_OBJECT_ROUTES:
                continue
            kind = "account"
        else:
            continue
        ws_kwarg = WORKSPACE_KWARG if kind == "page" else None
        app = _app_of(_callback_module(callback))
        routes.append(Route(kind, name, template, ws_kwarg, objects, ("GET", "POST"), app))
    return sorted(routes, key=lambda r: (r.kind, r.template))


def api_routes() -> list[Route]:
    """Every API route that names a workspace or an object, with the methods it serves."""
    from keel.api import api
    from keel.core.api_catalog import api_route_catalog

    by_path: dict[str, list[str]] = {}
    apps_by_path: dict[str, str] = {}
    for route in api_route_catalog(api):
        by_path.setdefault(route.template, []).append(route.method.upper())
        apps_by_path[route.template] = _app_of(route.module)
    routes = []
    for template, methods in sorted(by_path.items()):
        params = [m.group("name") for m in _API_PARAM_RE.finditer(template)]
        ws = next((p for p in params if p in API_WORKSPACE_PARAMS), None)
        objects = tuple(p for p in params if p != ws)
        if ws is None and not objects:
            continue  # caller-scoped (e.g. /me): nothing of A's can be addressed
        clean = _API_PARAM_RE.sub(lambda m: "{" + m.group("name") + "}", template)
        methods_served = tuple(sorted(set(methods)))
        routes.append(
            Route("api", template, clean, ws, objects, methods_served, apps_by_path[template])
        )
    return routes


def all_routes() -> list[Route]:
    return page_routes() + api_routes()


def routes_for(app: str) -> list[Route]:
    """The routes `app`'s views serve: its tests/test_isolation.py runs the harness on them,
    so the files spread over pytest-xdist's workers (`--dist loadfile`)."""
    autodiscover()
    return [route for route in all_routes() if route.app == app]


# --- Factories -----------------------------------------------------------------------------


def _model_label_for(kwarg: str) -> list[str]:
    base = re.sub(r"_(id|pk)$", "", kwarg)
    return [key for key in _FACTORIES if "." in key and key.rsplit(".", 1)[1] == base]


def factory_for(route: Route, kwarg: str) -> Factory | None:
    for key in (f"{kwarg}@{route.name}", f"{kwarg}@{route.template}", kwarg):
        if key in _FACTORIES:
            return _FACTORIES[key]
    labels = _model_label_for(kwarg)
    return _FACTORIES[labels[0]] if labels else None


def missing_factories(route: Route) -> list[str]:
    return [k for k in route.object_kwargs if factory_for(route, k) is None]


def missing_factory_message(route: Route, kwargs: list[str]) -> str:
    names = ", ".join(repr(k) for k in kwargs)
    key = f"{kwargs[0]}@{route.name}" if kwargs[0] in {"pk", "id"} else kwargs[0]
    return (
        f"{route.test_id}: no isolation factory for URL kwarg(s) {names}. Register one so "
        "this URL is tested against other workspaces, e.g. in "
        "keel/<app>/tests/isolation_factories.py:\n"
        "    def register_isolation_factories():\n"
        f"        register_isolation_factory({key!r}, lambda ws: MyFactory(workspace=ws))\n"
        f"(or '{kwargs[0]}@{route.name}' for this route only, or the model label "
        "'app.model'). See keel/core/tests/isolation.py."
    )


def url_value(obj: Any) -> Any:
    return obj.pk if isinstance(obj, models.Model) else obj


def missing_value(value: Any) -> Any:
    """A value of the same shape that names nothing: the probe for 'does it leak existence?'."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return 2_000_000_000
    if isinstance(value, uuid.UUID):
        return uuid.UUID(int=1)
    text = str(value)
    if text.isdigit():
        return "2000000000"
    try:
        uuid.UUID(text)
    except ValueError:
        return "zz-no-such-object-0"
    return str(uuid.UUID(int=1))


@dataclass
class Verdict:
    ok: bool
    why: str = ""


def judge(status: int, missing_status: int, route: Route) -> Verdict:
    """May an outsider see `status` for A's object, given `missing_status` for no object?"""
    if status == 404:
        return Verdict(True)
    if 200 <= status < 400:
        return Verdict(False, f"answered {status}: reached workspace A's object")
    if status == 403 and route.name in EXISTENCE_NOT_SECRET:
        return Verdict(True)
    if status == missing_status and status in SAME_AS_MISSING_OK:
        return Verdict(True)
    return Verdict(False, f"answered {status} but {missing_status} for a missing object")


def workspace_snapshot(workspace: Workspace) -> dict[str, list[dict[str, Any]]]:
    """Every row of every model with a `workspace` key to `workspace`: to prove no side effect."""
    snapshot: dict[str, list[dict[str, Any]]] = {}
    for model in apps.get_models():
        fk = next(
            (
                f
                for f in model._meta.concrete_fields
                if f.name == "workspace" and f.related_model is Workspace
            ),
            None,
        )
        if fk is None:
            continue
        rows = model._default_manager.filter(workspace=workspace).order_by("pk").values()
        snapshot[model._meta.label] = [dict(r) for r in rows]
    snapshot["core.Workspace"] = [
        dict(r) for r in Workspace.objects.filter(pk=workspace.pk).values()
    ]
    return snapshot


@dataclass
class Failures:
    lines: list[str] = field(default_factory=list)

    def add(self, line: str) -> None:
        self.lines.append(line)


# --- The foundation's registrations (copy this shape in your app) ---------------------------


def _membership(ws: Workspace) -> Any:
    from keel.core.tests.factories import MembershipFactory

    return MembershipFactory(workspace=ws, role=Role.MEMBER)


def _group(ws: Workspace) -> Any:
    from keel.accounts.models import Group, GroupMembership

    group = Group.objects.create(workspace=ws, name=f"Sales {uuid.uuid4().hex[:6]}",
                                 alias=f"sales-{uuid.uuid4().hex[:6]}")  # fmt: skip
    GroupMembership.objects.create(workspace=ws, group=group, membership=_membership(ws))
    return group


def _invitation(ws: Workspace) -> Any:
    from keel.accounts.models import Invitation, hash_secret

    return Invitation.objects.create(
        workspace=ws, email=f"new-{uuid.uuid4().hex[:6]}@{ws.email_domain}", role=Role.MEMBER,
        token_hash=hash_secret(uuid.uuid4().hex),
    )  # fmt: skip


def _api_token(ws: Workspace) -> Any:
    from keel.accounts.tokens import token_create

    token, _raw = token_create(membership=_membership(ws), name="isolation")
    return token


def _audit_event(ws: Workspace) -> Any:
    from keel.core.audit import audit

    return audit(action="isolation.probe", workspace=ws, data={"n": 1})


def _user_session(ws: Workspace) -> Any:
    from allauth.usersessions.models import UserSession

    membership = _membership(ws)
    return UserSession.objects.create(
        user=membership.user, ip="127.0.0.1", session_key=uuid.uuid4().hex, user_agent="probe"
    )


def register_foundation_factories() -> None:
    """core + accounts: members, groups, invitations, API tokens, audit events, sessions."""
    for key, factory in {
        "core.membership": _membership,
        "member_id": _membership,
        "member": _membership,
        "accounts.group": _group,
        "accounts.invitation": _invitation,
        "accounts.apitoken": _api_token,
        "token_id": _api_token,
        "core.auditevent": _audit_event,
        "event_id": _audit_event,
        "usersessions.usersession": _user_session,
        "session_id": _user_session,
    }.items():
        register_isolation_factory(key, factory)
    # keel/accounts/urls*.py name every object `pk`, so these are per route.
    per_route = {
        _membership: ("member_detail", "member_change_role", "member_offboard",
                      "member_offboarding"),
        _invitation: ("invitation_revoke",),
        _group: ("group_detail", "group_edit", "group_delete", "group_members", "group_send"),
        _api_token: ("api_token_revoke",),
    }  # fmt: skip
    for factory, names in per_route.items():
        for name in names:
            register_isolation_factory(f"pk@{name}", factory)


def autodiscover() -> None:
    """Register the foundation's factories and every `keel.<app>.tests.isolation_factories`."""
    register_foundation_factories()
    for config in apps.get_app_configs():
        if not config.name.startswith("keel."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.tests.isolation_factories")
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith(config.name):
                continue
            raise
        register = getattr(module, "register_isolation_factories", None)
        if register is not None:
            register()
