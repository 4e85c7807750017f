"""Import pages: upload → preview → confirm or cancel; the stored file is bound to the member
who uploaded it and deleted afterwards; a file with errors writes and stores nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from keel.tasks.models import Project, Task
from keel.tasks.tests.factories import ProjectFactory
from keel.tasks.views.io import SESSION_KEY, UPLOAD_DIR

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).parent / "data" / "asana_sample.csv"


@pytest.fixture
def project(workspace, owner, manager, member):
    return ProjectFactory(workspace=workspace, name="Amazon listings", key="AMZ")


def _upload(client, project, content: bytes, name: str = "asana.csv"):
    url = reverse("tasks_import", kwargs={"ws": "acme", "project_id": project.pk})
    return client.post(url, {"file": SimpleUploadedFile(name, content, "text/csv")})


def _token(client) -> str:
    (token,) = client.session[SESSION_KEY]
    return token


def _stored() -> list[str]:
    try:
        return default_storage.listdir(UPLOAD_DIR)[1]
    except FileNotFoundError:
        return []


def test_upload_shows_the_preview_and_confirm_imports(login, owner, project):
    client = login(owner)
    page = client.get(reverse("tasks_import", kwargs={"ws": "acme", "project_id": project.pk}))
    assert page.status_code == 200

    response = _upload(client, project, SAMPLE.read_bytes())
    assert response.status_code == 200
    body = response.content.decode()
    assert "Import 25 tasks" in body and "翻译德国站listing标题" in body
    assert not Task.objects.filter(project=project).exists()
    assert len(_stored()) == 1

    confirm = client.post(reverse("tasks_import_confirm", kwargs={"ws": "acme"}),
                          {"token": _token(client)})  # fmt: skip
    assert confirm.status_code == 302
    assert confirm["Location"] == reverse(
        "project_tasks", kwargs={"ws": "acme", "project_id": project.pk}
    )
    assert Task.objects.filter(project=project).count() == 25
    assert _stored() == []
    assert client.session[SESSION_KEY] == {}


def test_a_file_with_errors_shows_them_and_stores_nothing(login, owner, project):
    bad = b"Name,Due Date\nShip it,2026-13-40\n"
    response = _upload(login(owner), project, bad)
    assert response.status_code == 400
    assert "Due Date on line 2: “2026-13-40” is not a date (YYYY-MM-DD)." in (
        response.content.decode()
    )
    assert "Import 1 task" not in response.content.decode()
    assert _stored() == []
    assert not Task.objects.filter(project=project).exists()


def test_wrong_type_or_columns_are_named(login, owner, project):
    client = login(owner)
    response = _upload(client, project, b"x", name="tasks.xlsx")
    assert response.status_code == 400 and ".csv" in response.content.decode()
    response = _upload(client, project, b"Title,Due\nA,B\n")
    assert response.status_code == 400 and "no Name column" in response.content.decode()


def test_cancel_deletes_the_file_and_imports_nothing(login, owner, project):
    client = login(owner)
    _upload(client, project, SAMPLE.read_bytes())
    response = client.post(reverse("tasks_import_cancel", kwargs={"ws": "acme"}),
                           {"token": _token(client)})  # fmt: skip
    assert response.status_code == 302
    assert _stored() == []
    assert not Task.objects.filter(project=project).exists()


def test_another_member_cannot_confirm_someone_elses_upload(client, owner, member, project):
    client.force_login(owner.user)
    _upload(client, project, SAMPLE.read_bytes())
    token = _token(client)
    client.force_login(member.user)  # a new session: the token is not in it
    response = client.post(reverse("tasks_import_confirm", kwargs={"ws": "acme"}),
                           {"token": token})  # fmt: skip
    assert response.status_code == 403
    assert not Task.objects.filter(project=project).exists()
    assert len(_stored()) == 1


def test_guest_cannot_open_the_import_page(login, workspace, project):
    from keel.core.tests.factories import MembershipFactory

    guest = MembershipFactory(workspace=workspace, role="guest")
    url = reverse("tasks_import", kwargs={"ws": "acme", "project_id": project.pk})
    assert login(guest).get(url).status_code in (403, 404)


def test_import_into_a_new_project_needs_a_manager(login, owner, member, manager):
    url = reverse("tasks_import_new", kwargs={"ws": "acme"})
    assert login(member).get(url).status_code == 403

    client = login(manager)
    data = {"name": "Listings", "key": "lst",
            "file": SimpleUploadedFile("a.csv", SAMPLE.read_bytes(), "text/csv")}  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 200 and "Into a new project: Listings (LST)" in (
        response.content.decode()
    )
    client.post(reverse("tasks_import_confirm", kwargs={"ws": "acme"}), {"token": _token(client)})
    project = Project.objects.get(key="LST")
    assert Task.objects.filter(project=project).count() == 25
