"""The JSON API at /api/v1/ (django-ninja). Each app contributes a router.

Authentication: a personal access token (`Authorization: Bearer keel_...`), or the browser
session with its CSRF token for same-origin pages. Every error is an RFC 9457 problem
(`keel.core.api_support`). The docs page serves ninja's bundled Swagger UI from our own
static files: no CDN, no inline script.
"""

from __future__ import annotations

from typing import Any

from ninja import NinjaAPI
from ninja.openapi.docs import Swagger
from ninja.openapi.schema import OpenAPISchema
from ninja.operation import Operation

from keel.accounts.api import router as accounts_router
from keel.accounts.tokens import token_authenticate
from keel.core.api_support import (
    BearerTokenAuth,
    SessionAuth,
    install_problem_handlers,
    use_problem_content_type,
)
from keel.goals.api import router as goals_router
from keel.org.api import router as org_router
from keel.search.api import router as search_router
from keel.tasks.api import router as tasks_router
from keel.wiki.api import router as wiki_router


class KeelAPI(NinjaAPI):
    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        use_problem_content_type(schema)
        return schema

    def get_openapi_operation_id(self, operation: Operation) -> str:
        """`keel_<app>_api[_<part>]_<function>`: a contract for generated clients, so it must
        not follow the module layout. `api/routes.py` (or `api/<app>.py`) is the app's main
        router and adds no part; `tasks/api/planning.py` adds `planning`."""
        module = operation.view_func.__module__.split(".")
        if len(module) == 4 and module[0] == "keel" and module[2] == "api":
            _, app, _, part = module
            parts = ["keel", app, "api"] + ([] if part in ("routes", app) else [part])
            return "_".join([*parts, operation.view_func.__name__])
        return super().get_openapi_operation_id(operation)


api = KeelAPI(
    title="Keel API",
    version="1",
    description=(
        "Workspace-scoped JSON API. Authenticate with a personal access token "
        "(`Authorization: Bearer keel_…`) or, from Keel's own pages, the browser session "
        "with its CSRF token. Errors are `application/problem+json` (RFC 9457). "
        "Lists take `?cursor=&limit=` and return `{items, next_cursor}`."
    ),
    urls_namespace="api",
    auth=[BearerTokenAuth(token_authenticate), SessionAuth(csrf=True)],
    # ninja's Swagger() renders ninja/swagger.html: bundled static JS/CSS and the
    # swagger-ui-init.js file, so the page needs no CDN and no inline script (our CSP).
    docs=Swagger(),
)
install_problem_handlers(api)

api.add_router("", accounts_router)
api.add_router("", goals_router)
api.add_router("", org_router)
api.add_router("", search_router)
api.add_router("", tasks_router)
api.add_router("", wiki_router)
