"""The JSON API at /api/v1/ (django-ninja). Each app contributes a router.

Authentication: a personal access token (`Authorization: Bearer keel_...`), or the browser
session with its CSRF token for same-origin pages. Every error is an RFC 9457 problem
(`keel.core.api_support`). The docs page serves ninja's bundled Swagger UI from our own
static files: no CDN, no inline script.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.openapi.docs import Swagger
from ninja.openapi.schema import OpenAPISchema
from ninja.openapi.views import openapi_view
from ninja.operation import Operation

from keel.accounts.api import router as accounts_router
from keel.accounts.tokens import token_authenticate
from keel.core.api_support import (
    BearerTokenAuth,
    SessionAuth,
    install_problem_handlers,
    use_problem_content_type,
)
from keel.feedback.api import router as feedback_router
from keel.goals.api import router as goals_router
from keel.kpis.api import router as kpis_router
from keel.notifications.api import router as notifications_router
from keel.org.api import router as org_router
from keel.search.api import router as search_router
from keel.tasks.api import router as tasks_router
from keel.vault.api import router as vault_router
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


def docs_sign_in(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Outside development the docs page asks for a signed-in session (any user).

    ninja applies this decorator to the docs page and to openapi.json alike; the schema stays
    public: it describes the endpoints, holds no data, and every endpoint it lists needs a
    token or a session anyway; client generators and the CI fuzzer fetch it without signing in.
    The page is the interactive console, so it is not left open to anyone on the internet.
    """
    if getattr(view, "func", None) is not openapi_view:
        return view

    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not settings.DEBUG and not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return guarded


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
    docs_decorator=docs_sign_in,
)
install_problem_handlers(api)

api.add_router("", accounts_router)
api.add_router("", feedback_router)
api.add_router("", goals_router)
api.add_router("", kpis_router)
api.add_router("", notifications_router)
api.add_router("", org_router)
api.add_router("", search_router)
api.add_router("", tasks_router)
api.add_router("", vault_router)
api.add_router("", wiki_router)
