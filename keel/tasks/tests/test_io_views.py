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


def test_a_file_without_a_good_row_shows_why_and_stores_nothing(login, owner, project):
    bad = b"Name,Due Date\nShip it,2026-13-40\n"
    response = _upload(login(owner), project, bad)
    assert response.status_code == 400
    body = response.content.decode()
    assert "row 2 (Due Date “2026-13-40” is not a date (YYYY-MM-DD))" in body
    assert "Import 1 task" not in body and "Upload a corrected file" in body
    assert _stored() == []
    assert not Task.objects.filter(project=project).exists()


def test_bad_rows_are_listed_by_row_and_the_good_ones_imported(login, owner, project):
    client = login(owner)
    content = (
        b"Name,Start Date,Due Date,Notes\n"
        b'Write copy,,,"Two lines\nof notes"\n'  # row 2, over two lines of text
        b",,,Call the supplier first\n"  # row 3: no name
        b"Shoot photos,,,\n"
        b"Print labels,2026-03-05,2026-03-01,\n"  # row 5
    )
    response = _upload(client, project, content)
    assert response.status_code == 200
    body = response.content.decode()
    summary = (
        "2 tasks will be imported, 2 rows skipped: row 3 (no name), "
        "row 5 (due before start (start 2026-03-05, due 2026-03-01))"
    )
    assert summary in body
    assert "Import 2 tasks" in body

    confirm = client.post(reverse("tasks_import_confirm", kwargs={"ws": "acme"}),
                          {"token": _token(client)})  # fmt: skip
    assert confirm.status_code == 302  # to the result page, which lists what was left out
    body = client.get(confirm["Location"]).content.decode()
    assert "2 tasks imported, 2 rows skipped: row 3 (no name)" in body
    assert "Print labels" in body
    titles = set(Task.objects.filter(project=project).values_list("title", flat=True))
    assert titles == {"Write copy", "Shoot photos"}
    assert _stored() == []


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


def test_unresolvable_dependencies_are_warned_about_in_the_preview(login, owner, project):
    content = b"Name,Blocked By (Dependencies)\nPack,Ask the boss\nShip,Pack\n"
    response = _upload(login(owner), project, content)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Row 2: dependency “Ask the boss” is not in the file" in body
    assert "Import 2 tasks" in body


def test_an_unknown_assignee_is_mapped_to_a_member_in_the_preview(login, owner, member, project):
    client = login(owner)
    content = b"Name,Assignee Email\nCall the supplier,mike@old-agency.example\n"
    response = _upload(client, project, content)
    body = response.content.decode()
    assert 'name="assign:mike@old-agency.example"' in body
    assert f'<option value="{member.pk}">' in body

    confirm = client.post(
        reverse("tasks_import_confirm", kwargs={"ws": "acme"}),
        {"token": _token(client), "assign:mike@old-agency.example": str(member.pk)},
    )
    assert confirm.status_code == 302
    assert Task.objects.get(project=project).assignee == member
