"""The API fuzzed from its own OpenAPI schema (schemathesis): no input may become a server
error or a response that breaks the schema.

Every operation of `/api/v1/` gets `FUZZ_EXAMPLES` generated requests (valid and invalid
data, real and made-up ids), derandomized so a run is reproducible, sent in-process through
the WSGI application with the API token of a workspace owner. Each request runs in a
savepoint that is rolled back, so a DELETE or an offboarding does not starve the requests
after it of data. `KEEL_FUZZ_EXAMPLES=200` runs a longer search before a release.

Checks: no 5xx, responses and status codes and content types as the schema documents them,
and invalid data refused with a 4xx (a bare JSON string as a PATCH body once renamed tasks).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import cache
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from keel.api import api
from keel.core.models import Role, Workspace
from keel.core.tests import isolation
from keel.core.tests.factories import MembershipFactory, WorkspaceFactory

# 30 requests per operation (2,580 in all) keep the file at 1–2 minutes on SQLite and on
# PostgreSQL on the shared 2-core CI machine. Derandomized: hypothesis derives the seed from
# the test, so every run sends the same requests and a failure reproduces.
FUZZ_EXAMPLES = int(os.environ.get("KEEL_FUZZ_EXAMPLES", "30"))

CHECKS = [
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
    content_type_conformance,
    negative_data_rejection,
]

# A 413 (body larger than DATA_UPLOAD_MAX_MEMORY_SIZE) refuses invalid data too; schemathesis'
# default list of refusals lacks it.
REFUSALS = ["400", "401", "403", "404", "405", "406", "409", "413", "415", "422", "428", "429"]
CONFIG = SchemathesisConfig.from_dict(
    {"checks": {"negative_data_rejection": {"expected-statuses": REFUSALS}}}
)
SCHEMA = schemathesis.openapi.from_dict(api.get_openapi_schema(), config=CONFIG)
OPERATIONS = sorted(
    (op.ok() for op in SCHEMA.get_all_operations()), key=lambda op: (op.path, op.method)
)


@pytest.fixture
def wsgi_app() -> Iterator[Any]:
    """The project's WSGI application, run inside the test's transaction.

    Django's handler closes "old" connections when a request starts and ends; inside a test
    that would close the connection holding the test's transaction. Its test client
    disconnects the same receiver; so do we, for this test only.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield get_wsgi_application()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _seed_workspace() -> tuple[Workspace, str]:
    """A shop with something of every kind the API addresses; returns it and an owner's
    API token."""
    from keel.accounts.tokens import token_create
    from keel.goals.tests.factories import GoalFactory, MilestoneFactory
    from keel.org.tests.factories import DepartmentFactory, SeatFactory
    from keel.tasks.tests.factories import (
        CommentFactory,
        ProjectFactory,
        SectionFactory,
        TaskFactory,
    )
    from keel.wiki.models import Page, Revision, Space

    workspace: Workspace = WorkspaceFactory.create(
        name="Fuzz Shop", slug="fuzz", email_domain="fuzz.example"
    )
    owner = MembershipFactory(workspace=workspace, role=Role.OWNER)
    member = MembershipFactory(workspace=workspace, role=Role.MEMBER)
    department = DepartmentFactory(workspace=workspace, name="Sales")
    lead = SeatFactory(
        workspace=workspace, department=department, title="Lead", holder=owner, status="filled"
    )
    SeatFactory(workspace=workspace, department=department, title="Seller", reports_to=lead)
    project = ProjectFactory(workspace=workspace, name="Launch", key="LCH")
    section = SectionFactory(project=project, name="To do")
    task = TaskFactory(project=project, section=section, assignee=member, labels=["urgent"])
    TaskFactory(project=project, parent=task, assignee_seat=lead)
    CommentFactory(task=task, author=member)
    goal = GoalFactory(workspace=workspace)
    MilestoneFactory(workspace=workspace, goal=goal, owner_seat=lead)
    space = Space.objects.create(workspace=workspace, name="Handbook", slug="handbook")
    page = Page.objects.create(workspace=workspace, space=space, title="Returns", body="Hi\n")
    Revision.objects.create(workspace=workspace, page=page, number=1, title="Returns", body="Hi\n")
    _token, raw = token_create(membership=owner, name="fuzz")
    return workspace, raw


@cache
def _routes() -> dict[str, isolation.Route]:
    isolation.autodiscover()
    return {route.template: route for route in isolation.api_routes()}


def _path_values(operation: Any, workspace: Workspace) -> dict[str, Any]:
    """A real value for each path parameter: the isolation harness's factories make an
    object of `workspace` for any URL kwarg the API uses (a new route brings its own)."""
    values: dict[str, Any] = {"slug": workspace.slug}
    route = _routes().get(operation.path)
    for kwarg in route.object_kwargs if route else ():
        factory = isolation.factory_for(route, kwarg)
        if factory is not None:
            values[kwarg] = isolation.url_value(factory(workspace))
    return values


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: f"{op.method.upper()} {op.path}")
def test_no_input_breaks_the_api(operation: Any, db: Any, wsgi_app: Any) -> None:
    workspace, token = _seed_workspace()
    real = _path_values(operation, workspace)
    made_up = {"slug": workspace.slug}  # other path ids generated: mostly nothing there
    # Valid and invalid data, each against real objects (so a bad body meets the code that
    # would act on it) and against generated ids.
    strategies = [
        operation.as_strategy(mode, path_parameters=path)
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
        for path in (real, made_up)
    ]
    headers = {"Authorization": f"Bearer {token}"}

    @settings(
        max_examples=FUZZ_EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=st.one_of(strategies))
    def fuzz(case: Any) -> None:
        with transaction.atomic():
            response = case.call(headers=headers, app=wsgi_app)
            transaction.set_rollback(True)
        case.validate_response(response, checks=CHECKS)

    fuzz()
