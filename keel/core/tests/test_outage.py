"""A database outage answers 503 "try again" (a page, or problem+json for the API), never a
bare 500, and the next request after the database is back is served normally.

The views below stand in for any page: they raise what Django raises when PostgreSQL is
gone or SQLite is locked. The end-to-end outage (a real `keel serve` on PostgreSQL cut off
and restored) is in test_failures.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse
from django.test import Client, override_settings
from django.urls import include, path

from keel.core.tests.translation_check import untranslated

pytestmark = pytest.mark.django_db

MESSAGE = "Keel is temporarily unavailable. Nothing you sent was lost — try again in a moment."

outage: dict[str, BaseException | None] = {"error": None}


def _reads_the_database(request: HttpRequest) -> HttpResponse:
    if outage["error"] is not None:
        raise outage["error"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("served")


def _raises_value_error(request: HttpRequest) -> HttpResponse:
    raise ValueError("a bug, not an outage")


urlpatterns = [
    path("page/", _reads_the_database),
    path("bug/", _raises_value_error),
    path("api/v1/thing", _reads_the_database),
    path("", include("keel.urls")),
]


class FailingMiddleware:
    """Stands in for a middleware (sessions, auth) that reads the database before the view."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        raise InterfaceError("connection already closed")


@pytest.fixture
def down() -> Iterator[Callable[[BaseException], None]]:
    def go_down(error: BaseException | None) -> None:
        outage["error"] = error

    yield go_down
    outage["error"] = None


@pytest.fixture
def web() -> Client:
    # A real server answers; the test client would re-raise what Django logged as a 500.
    return Client(raise_request_exception=False)


def _assert_unavailable_page(response: Any) -> str:
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Type"].startswith("text/html")
    return str(response.content.decode())


@pytest.mark.urls(__name__)
def test_lost_database_shows_the_try_again_page(web: Client, down: Any) -> None:
    down(OperationalError("server closed the connection unexpectedly"))
    html = _assert_unavailable_page(web.get("/page/"))
    assert MESSAGE in html
    assert 'lang="en"' in html
    assert "server closed" not in html


@pytest.mark.urls(__name__)
def test_psycopg_error_that_escaped_django_is_an_outage_too(web: Client, down: Any) -> None:
    psycopg = pytest.importorskip("psycopg")
    down(psycopg.OperationalError("connection failed: server closed the connection"))
    assert MESSAGE in _assert_unavailable_page(web.get("/page/"))


@pytest.mark.urls(__name__)
def test_sqlite_database_is_locked_is_the_same_transient_503(web: Client, down: Any) -> None:
    down(OperationalError("database is locked"))
    html = _assert_unavailable_page(web.post("/page/", {"title": "kept in the browser"}))
    assert MESSAGE in html


@pytest.mark.urls(__name__)
@pytest.mark.parametrize("language", ["zh-hans", "zh-hant"])
def test_try_again_page_speaks_the_visitors_language(web: Client, down: Any, language: str) -> None:
    down(OperationalError("could not connect to server"))
    html = _assert_unavailable_page(web.get("/page/", headers={"accept-language": language}))
    assert f'lang="{language}"' in html
    assert untranslated(html) == []


@pytest.mark.urls(__name__)
def test_api_outage_is_a_problem_document(web: Client, down: Any) -> None:
    down(InterfaceError("connection already closed"))
    response = web.get("/api/v1/thing")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    assert response["Retry-After"] == "10"
    problem = response.json()
    assert problem["status"] == 503
    assert problem["detail"] == MESSAGE


@pytest.mark.urls(__name__)
def test_outage_raised_by_a_middleware_is_also_a_503(web: Client) -> None:
    with override_settings(MIDDLEWARE=[*settings.MIDDLEWARE, f"{__name__}.FailingMiddleware"]):
        response = web.get("/page/")
    assert MESSAGE in _assert_unavailable_page(response)
    assert "default-src 'self'" in response["Content-Security-Policy"]


@pytest.mark.urls(__name__)
def test_a_bug_is_still_a_500(web: Client) -> None:
    assert web.get("/bug/").status_code == 500


@pytest.mark.urls(__name__)
def test_next_request_after_the_outage_is_served(web: Client, down: Any) -> None:
    down(OperationalError("the database system is starting up"))
    assert web.get("/page/").status_code == 503
    assert web.get("/api/v1/thing").status_code == 503
    down(None)
    response = web.get("/page/")
    assert response.status_code == 200
    assert response.content == b"served"


def test_a_broken_connection_is_dropped_at_the_end_of_the_request(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What makes recovery automatic: `close_old_connections` runs on request_finished and
    closes a connection that saw an error and is no longer usable, so the next request opens
    a fresh one. (The test client unhooks it during its requests, hence the signal here.)"""
    from django.core import signals
    from django.db import connections
    from django.db.backends.sqlite3.base import DatabaseWrapper

    probe = DatabaseWrapper({**connection.settings_dict, "NAME": str(tmp_path / "probe.db")})
    probe.ensure_connection()
    monkeypatch.setattr(connections, "all", lambda initialized_only=False: [probe])
    try:
        probe.errors_occurred = True  # what Django's error wrapper sets on OperationalError
        monkeypatch.setattr(probe, "is_usable", lambda: False)  # the server went away
        signals.request_finished.send(sender=None)
        assert probe.connection is None
        monkeypatch.undo()
        with probe.cursor() as cursor:  # the next request reconnects by itself
            cursor.execute("SELECT 1")
            assert cursor.fetchone() == (1,)
    finally:
        probe.close()
