"""Response headers, the API docs page, oversized uploads and data file permissions (issue 12)."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path
from typing import cast

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from keel.core import uploads_limit
from keel.core.headers import SecurityHeadersMiddleware
from keel.core.uploads_limit import UploadLimitMiddleware, UploadTooLarge, max_request_bytes
from keel.tasks.models import Task
from keel.tasks.tests.factories import TaskFactory

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[3]


# --- Cache-Control and Permissions-Policy -----------------------------------------------------


def _assert_permissions_policy(response) -> None:
    policy = response["Permissions-Policy"]
    for denied in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert denied in policy
    assert "fullscreen=(self)" in policy  # wiki videos


def test_signed_in_pages_and_api_are_not_stored(login, api_for, member):
    client = login(member)
    for url in (reverse("account_settings"), reverse("workspace_home", kwargs={"ws": "acme"})):
        response = client.get(url)
        assert response.status_code == 200
        assert response["Cache-Control"] == "no-store"
        _assert_permissions_policy(response)
    session_api = client.get("/api/v1/me")
    token_api = api_for(member).get("/me")
    for response in (session_api, token_api):
        assert response.status_code == 200
        assert response["Cache-Control"] == "no-store"
        _assert_permissions_policy(response)


def test_sign_in_page_is_not_stored_either(client):
    """It carries a CSRF token; no public page of Keel gains from a shared cache."""
    response = client.get(reverse("account_login"))
    assert response.status_code == 200
    # allauth's own never_cache (max-age=0, no-cache, no-store, …) is kept.
    assert "no-store" in response["Cache-Control"].split(", ")
    _assert_permissions_policy(response)


def test_static_files_keep_their_cache_and_get_the_permissions_policy(client):
    response = client.get("/static/ui/css/app.css")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
    _assert_permissions_policy(response)


@pytest.mark.parametrize(
    ("own", "signed_in", "sent"),
    [
        ("private, max-age=3600", True, "private, max-age=3600"),  # wiki images, the logo
        ("public, max-age=3600", True, "no-store"),  # never in a shared cache
        ("public, max-age=3600", False, "public, max-age=3600"),
    ],
)
def test_a_view_may_choose_private_caching_only(member, own, signed_in, sent):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/acme/wiki/files/1")
    request.user = member.user if signed_in else AnonymousUser()
    response = SecurityHeadersMiddleware(lambda r: HttpResponse(headers={"Cache-Control": own}))(
        request
    )
    assert response["Cache-Control"] == sent


# --- /api/v1/docs -------------------------------------------------------------------------------


def test_api_docs_need_sign_in_outside_debug(client, member):
    response = client.get("/api/v1/docs")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    client.force_login(member.user)
    assert client.get("/api/v1/docs").status_code == 200


def test_api_docs_are_open_in_debug(client, settings):
    settings.DEBUG = True
    assert client.get("/api/v1/docs").status_code == 200


def test_openapi_schema_stays_public(client):
    """Client generators and the CI fuzzer read it without signing in; it holds no data."""
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert "paths" in response.json()


# --- Uploads stop at the limit ----------------------------------------------------------------


class BodyNotToBeRead:
    """A wsgi.input that fails the test if more than `allowed` bytes are read from it."""

    def __init__(self, allowed: int = 0) -> None:
        self.allowed = allowed
        self.read_bytes = 0

    def read(self, size: int = -1) -> bytes:
        size = 64 * 1024 if size is None or size < 0 else size
        self.read_bytes += size
        assert self.read_bytes <= self.allowed, "the oversized body was read"
        return b"x" * size

    readline = read


@pytest.fixture
def small_limit(settings):
    settings.KEEL_MAX_UPLOAD_MB = 1
    return max_request_bytes()


def test_oversized_upload_is_refused_with_413_before_its_body_is_read(login, owner, small_limit):
    client = login(owner)
    task = cast(Task, TaskFactory(project__workspace=owner.workspace))
    url = reverse("attachment_add", kwargs={"ws": "acme", "task_id": task.pk})
    body = BodyNotToBeRead()
    response = client.generic(
        "POST", url, b"-",
        content_type="multipart/form-data; boundary=BoUnDaRy",
        **{"wsgi.input": body, "CONTENT_LENGTH": str(small_limit + 1)},
    )  # fmt: skip
    assert response.status_code == 413
    assert body.read_bytes == 0
    assert "Upload too large" in response.content.decode()


def test_oversized_api_request_gets_a_problem(api_for, member, small_limit):
    api = api_for(member)
    response = api.client.generic(
        "POST", "/api/v1/workspaces/acme/tasks", b"-", content_type="application/json",
        headers=api.headers,
        **{"wsgi.input": BodyNotToBeRead(), "CONTENT_LENGTH": str(10 * 2**30)},
    )  # fmt: skip
    assert response.status_code == 413
    assert response["Content-Type"] == "application/problem+json"
    assert json.loads(response.content)["type"].endswith("upload_too_large")


def test_upload_handler_stops_the_parser_where_the_middleware_did_not_look(
    monkeypatch, small_limit
):
    """A request the middleware let through (here: it saw no length) still stops in the
    multipart parser, unread, and answers 413."""
    monkeypatch.setattr(uploads_limit, "_declared_length", lambda request: 0)
    body = BodyNotToBeRead()
    request = RequestFactory().generic(
        "POST", "/upload", b"-", content_type="multipart/form-data; boundary=BoUnDaRy",
        **{"wsgi.input": body, "CONTENT_LENGTH": str(small_limit + 1)},
    )  # fmt: skip
    raised = []

    def view(request):
        try:
            request.POST  # noqa: B018 (parsing is the point)
        except UploadTooLarge:
            raised.append(True)
            return HttpResponse(status=400)  # what Django answers for RequestDataTooBig
        return HttpResponse()

    response = UploadLimitMiddleware(view)(request)
    assert raised and body.read_bytes == 0
    assert response.status_code == 413


def test_uploads_under_the_limit_still_work(login, owner, small_limit):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = login(owner)
    task = cast(Task, TaskFactory(project__workspace=owner.workspace))
    url = reverse("attachment_add", kwargs={"ws": "acme", "task_id": task.pk})
    upload = SimpleUploadedFile("notes.txt", b"hello " * 1000, content_type="text/plain")
    response = client.post(url, {"file": upload})
    assert response.status_code in (200, 302)
    assert task.attachments.count() == 1


# --- Data directory and SQLite file permissions -----------------------------------------------


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_fresh_data_directory_and_database_are_owner_only(tmp_path):
    data = tmp_path / "data"
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "KEEL_SECRET_KEY")
    }
    env.update(KEEL_DATA_DIR=str(data), KEEL_ENV="development")
    keel = Path(sys.executable).with_name("keel")
    subprocess.run(
        [str(keel), "migrate", "--noinput", "-v", "0"],
        env=env, cwd=tmp_path, check=True, timeout=300,
        preexec_fn=lambda: os.umask(0o022),  # the usual umask, on purpose
    )  # fmt: skip
    db = data / "keel.sqlite3"
    assert _mode(data) == 0o700
    assert _mode(db) == 0o600
    assert _mode(data / "secret_key") == 0o600
    # The write-ahead log and shared-memory files SQLite makes beside it copy its mode.
    old = os.umask(0o022)
    try:
        conn = sqlite3.connect(db)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("CREATE TABLE probe (x)")
            conn.commit()
            for suffix in ("-wal", "-shm"):
                assert _mode(Path(f"{db}{suffix}")) == 0o600, suffix
        finally:
            conn.close()
    finally:
        os.umask(old)
