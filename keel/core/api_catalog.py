"""Every operation the JSON API serves, listed from the API object itself: what the isolation
harness walks (keel/core/tests/isolation.py), so a new route of any app is covered without
being registered twice."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from ninja import NinjaAPI


class ApiRoute(NamedTuple):
    """One operation: ("GET", "/api/v1/workspaces/{slug}", "keel.accounts.api.routes")."""

    method: str
    template: str
    module: str  # the view function's module: which app serves the route


def api_route_catalog(api: NinjaAPI) -> list[ApiRoute]:
    """Every (METHOD, path template, module) `api` serves, e.g. ("GET",
    "/api/v1/workspaces/{slug}", "keel.accounts.api.routes").

    For the isolation harness, which must cover every route: it walks the API's bound
    routers (the same structure ninja builds its URL patterns and OpenAPI paths from), so a
    route added by any app's router shows up here without registering it twice. Path
    converters are dropped ("{int:id}" → "{id}"). The caller passes the project's API
    (`keel.api.api`): core never imports the root API, which imports the apps.
    The OpenAPI docs and schema pages are not included.
    """
    from django.urls import reverse

    root = reverse(f"{api.urls_namespace}:api-root").rstrip("/")
    routes: list[ApiRoute] = []
    for bound in api._get_bound_routers():
        for sub_path, path_view in bound.path_operations.items():
            joined = "/".join(p.strip("/") for p in (bound.prefix, sub_path) if p.strip("/"))
            template = re.sub(r"{[^}:]+:", "{", f"{root}/{joined}")
            for operation in path_view.operations:
                module = operation.view_func.__module__
                routes.extend(
                    ApiRoute(method.upper(), template, module) for method in operation.methods
                )
    return sorted(set(routes), key=lambda r: (r.template, r.method))
