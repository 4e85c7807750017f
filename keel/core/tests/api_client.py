"""The JSON API test client every app's tests share: `ApiClient` sends JSON bodies under
/api/v1 with a bearer token (or the test client's session), `api_client_for(client, member)`
makes one for a member (the root conftest.py's `api_for` fixture), and `assert_problem`
checks an RFC 9457 problem body.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from django.test import Client

from keel.core.models import Membership

API_ROOT = "/api/v1"
PROBLEM = "application/problem+json"

# What Django's test client returns (django-stubs names it with a private class).
Response = Any


class ApiClient:
    """Calls the API at `root` + path with a bearer token, or without one (then `client`'s
    session, if signed in, authenticates). Bodies are sent as JSON."""

    def __init__(self, client: Client, token: str | None = None, *, root: str = API_ROOT) -> None:
        self.client = client
        self.root = root
        self.headers: dict[str, str] = {"Authorization": f"Bearer {token}"} if token else {}

    def _send(self, method: str, path: str, body: Any = None, **extra: Any) -> Response:
        kwargs: dict[str, Any] = {"headers": self.headers, **extra}
        if body is not None:
            kwargs.update(data=json.dumps(body), content_type="application/json")
        return getattr(self.client, method)(f"{self.root}{path}", **kwargs)

    def get(self, path: str, params: Mapping[str, Any] | None = None, **extra: Any) -> Response:
        """GET; `params` become the query string."""
        if params is not None:
            extra["data"] = params
        return self._send("get", path, **extra)

    def post(self, path: str, body: Any = None) -> Response:
        """POST `body` (an empty JSON object when None)."""
        return self._send("post", path, body if body is not None else {})

    def patch(self, path: str, body: Any) -> Response:
        return self._send("patch", path, body)

    def put(self, path: str, body: Any) -> Response:
        return self._send("put", path, body)

    def delete(self, path: str) -> Response:
        return self._send("delete", path)


def api_client_for(client: Client, membership: Membership, *, session: bool = False) -> ApiClient:
    """An ApiClient acting as `membership`: with a fresh personal API token, or, with
    `session=True`, by signing `client` in as the member's user (like the `login` fixture)."""
    if session:
        client.force_login(membership.user)
        return ApiClient(client)
    # Tokens belong to accounts; core's own code imports no app, its test support may.
    from keel.accounts.tokens import token_create

    _token, raw = token_create(membership=membership, name="test")
    return ApiClient(client, raw)


def assert_problem(response: Response, status: int) -> dict[str, Any]:
    """The response is a problem document of `status`; returns its body."""
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith(PROBLEM)
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["type"].startswith("urn:keel:problem:")
    assert body["title"] and body["detail"]
    return body


def error_locs(body: dict[str, Any]) -> list[list[Any]]:
    """The `loc` of each field error in a 422 problem, e.g. [["body", "email"]]."""
    return [e["loc"] for e in body["errors"]]


def error_fields(body: dict[str, Any]) -> set[str]:
    """The names of the fields a 422 problem points at (the last part of each `loc`)."""
    return {e["loc"][-1] for e in body["errors"] if len(e["loc"]) > 1}
