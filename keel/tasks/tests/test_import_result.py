# mypy: disable-error-code="attr-defined,operator,misc"
"""The Asana import's result page survives a reload: confirm (POST) redirects to a result
address (GET) that reads the import back from its audit event, for the member who imported.
"""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from keel.core.models import AuditEvent
from keel.tasks.models import Task
from keel.tasks.tests.factories import ProjectFactory
from keel.tasks.views.io import SESSION_KEY

pytestmark = pytest.mark.django_db

CSV = (
    b"Name,Start Date,Due Date,Notes\n"
    b"Write copy,,,\n"
    b",,,Call the supplier first\n"  # row 3: no name
    b"Print labels,2026-03-05,2026-03-01,\n"  # row 4: due before start
)


@pytest.fixture
def project(workspace, owner, member):
    return ProjectFactory(workspace=workspace, name="Amazon listings", key="AMZ")


def _import(client, project):
    url = reverse("tasks_import", kwargs={"ws": "acme", "project_id": project.pk})
    upload = SimpleUploadedFile("a.csv", CSV, "text/csv")
    assert client.post(url, {"file": upload}).status_code == 200
    (token,) = client.session[SESSION_KEY]
    return client.post(reverse("tasks_import_confirm", kwargs={"ws": "acme"}), {"token": token})


def test_reloading_the_result_page_shows_the_result_again(login, owner, project):
    client = login(owner)
    confirm = _import(client, project)
    assert confirm.status_code == 302
    event = AuditEvent.objects.get(action="tasks.imported")
    result_url = reverse("tasks_import_result", kwargs={"ws": "acme", "event_id": event.pk})
    assert confirm["Location"] == result_url
    for _reload in range(2):
        page = client.get(result_url)
        assert page.status_code == 200
        body = page.content.decode()
        assert "1 task imported, 2 rows skipped: row 3 (no name)" in body
        assert "Print labels" in body and "expired" not in body
    assert Task.objects.filter(project=project).count() == 1  # a reload imports nothing again


def test_someone_elses_import_result_is_not_found(login, owner, member, project):
    _import(login(owner), project)
    event = AuditEvent.objects.get(action="tasks.imported")
    url = reverse("tasks_import_result", kwargs={"ws": "acme", "event_id": event.pk})
    assert login(member).get(url).status_code == 404


def test_another_kind_of_audit_event_is_not_an_import_result(login, owner, project):
    event = AuditEvent.objects.create(
        workspace=project.workspace, actor=owner.user, action="tasks.exported",
        target_id=str(project.pk),
    )  # fmt: skip
    url = reverse("tasks_import_result", kwargs={"ws": "acme", "event_id": event.pk})
    assert login(owner).get(url).status_code == 404
