"""Workspace settings: the service (owners only, validation, audit), the page and the logo."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

from keel.accounts import services
from keel.core.models import AuditEvent, Role, Workspace
from keel.core.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

SETTINGS = {
    "name": "Acme Trading",
    "email_domain": "acme-trading.example",
    "language": "zh-hant",
    "timezone": "Asia/Taipei",
    "week_start": "sunday",
    "currency": "TWD",
}


def png(size: tuple[int, int] = (4, 4), fmt: str = "PNG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "red").save(out, fmt)
    return out.getvalue()


def upload(data: bytes, name: str = "logo.png", content_type: str = "image/png"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def snapshot(workspace: Workspace) -> dict[str, object]:
    workspace.refresh_from_db()
    return {f: getattr(workspace, f) for f in [*SETTINGS, "logo"]}


# --- Service ---------------------------------------------------------------------------------


def test_owner_changes_every_setting_and_it_is_audited(owner, workspace):
    services.workspace_update(actor=owner, workspace=workspace, **SETTINGS)
    workspace.refresh_from_db()
    assert {f: getattr(workspace, f) for f in SETTINGS} == SETTINGS
    assert workspace.first_weekday == 6
    event = AuditEvent.objects.get(action="workspace.updated", workspace=workspace)
    assert event.actor_id == owner.user_id
    assert sorted(event.data["fields"]) == sorted(SETTINGS)


def test_audit_names_only_the_changed_fields(owner, workspace):
    services.workspace_update(
        actor=owner, workspace=workspace, name=workspace.name, currency="usd", timezone=None
    )
    event = AuditEvent.objects.get(action="workspace.updated")
    assert event.data["fields"] == ["currency"]
    workspace.refresh_from_db()
    assert workspace.currency == "USD"


def test_no_change_writes_no_audit_entry(owner, workspace):
    services.workspace_update(actor=owner, workspace=workspace, name=workspace.name)
    assert not AuditEvent.objects.filter(action="workspace.updated").exists()


@pytest.mark.parametrize("role", ["admin", "manager", "member", "assistant", "guest"])
def test_only_the_owner_may_change_settings(request, workspace, owner, role):
    if role == "guest":
        actor = MembershipFactory(workspace=workspace, role=Role.GUEST)
    else:
        actor = request.getfixturevalue(role)
    before = snapshot(workspace)
    with pytest.raises(PermissionDenied):
        services.workspace_update(actor=actor, workspace=workspace, **SETTINGS)
    assert snapshot(workspace) == before
    assert not AuditEvent.objects.filter(action="workspace.updated").exists()


def test_owner_of_another_workspace_cannot_change_this_one(outsider, workspace):
    with pytest.raises(PermissionDenied):
        services.workspace_update(actor=outsider, workspace=workspace, name="Taken over")
    workspace.refresh_from_db()
    assert workspace.name == "Acme Shop"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "   ", "Enter the company name."),
        ("email_domain", "not a domain", "Enter a domain such as myshop.com."),
        ("language", "fr", "Choose one of: en, zh-hans, zh-hant."),
        ("timezone", "Mars/Olympus", "“Mars/Olympus” is not a known time zone."),
        ("week_start", "friday", "Choose Monday or Sunday."),
        ("currency", "BTC", "Choose one of: CNY, HKD, TWD, USD, EUR, GBP, JPY, SGD, AUD, CAD."),
    ],
)
def test_bad_values_are_refused_beside_their_field(owner, workspace, field, value, message):
    before = snapshot(workspace)
    with pytest.raises(ValidationError) as caught:
        services.workspace_update(actor=owner, workspace=workspace, **{field: value})
    assert caught.value.message_dict == {field: [message]}
    assert snapshot(workspace) == before


def test_validation_messages_are_translated(owner, workspace):
    with translation.override("zh-hans"), pytest.raises(ValidationError) as caught:
        services.workspace_update(
            actor=owner, workspace=workspace, email_domain="nope", timezone="Mars/Olympus"
        )
    assert caught.value.message_dict == {
        "email_domain": ["请输入域名，例如 myshop.com。"],
        "timezone": ["“Mars/Olympus”不是已知的时区。"],
    }


def test_every_problem_is_reported_at_once(owner, workspace):
    with pytest.raises(ValidationError) as caught:
        services.workspace_update(
            actor=owner, workspace=workspace, currency="XXX", timezone="Nowhere",
            logo=upload(b"not an image"),
        )  # fmt: skip
    assert set(caught.value.message_dict) == {"currency", "timezone", "logo"}


def test_logo_is_stored_replaced_and_removed(owner, workspace, django_capture_on_commit_callbacks):
    services.workspace_update(actor=owner, workspace=workspace, logo=upload(png()))
    workspace.refresh_from_db()
    first = workspace.logo.name
    assert first.startswith("workspace-logos/acme-") and first.endswith(".png")
    assert workspace.logo.storage.exists(first)

    with django_capture_on_commit_callbacks(execute=True):
        services.workspace_update(
            actor=owner, workspace=workspace, logo=upload(png(fmt="JPEG"), "x.png")
        )
    workspace.refresh_from_db()
    assert workspace.logo.name.endswith(".jpg")  # named by its real format, not its file name
    assert not workspace.logo.storage.exists(first)

    services.workspace_update(actor=owner, workspace=workspace, remove_logo=True)
    workspace.refresh_from_db()
    assert not workspace.logo
    fields = [e.data["fields"] for e in AuditEvent.objects.filter(action="workspace.updated")]
    assert fields == [["logo"], ["logo"], ["logo"]]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "Upload a PNG, JPEG, GIF or WebP image."),
        (b"\x89PNG" + b"0" * (1024 * 1024), "The logo must be at most 1 MB."),
    ],
)
def test_logo_must_be_a_small_raster_image(owner, workspace, data, message):
    with pytest.raises(ValidationError) as caught:
        services.workspace_update(actor=owner, workspace=workspace, logo=upload(data))
    assert caught.value.message_dict == {"logo": [message]}
    workspace.refresh_from_db()
    assert not workspace.logo


# --- Page ------------------------------------------------------------------------------------


def _url(workspace: Workspace, name: str = "workspace_settings") -> str:
    return reverse(name, kwargs={"ws": workspace.slug})


def test_owner_sees_the_form_with_current_values(login, owner, workspace):
    response = login(owner).get(_url(workspace))
    assert response.status_code == 200
    html = response.content.decode()
    for label in ["Company name", "Logo", "Company email domain", "Default language",
                  "Time zone", "Week starts on", "Currency"]:  # fmt: skip
        assert f">{label}" in html
    assert 'value="Acme Shop"' in html
    assert 'enctype="multipart/form-data"' in html
    # Common time zones come first, readable.
    assert html.index("Asia/Shanghai") < html.index("Africa/Abidjan")
    assert "Hong Kong — Asia/Hong_Kong</option>" in html


def test_owner_saves_the_settings(login, owner, workspace):
    client = login(owner)
    response = client.post(_url(workspace), {**SETTINGS, "logo": upload(png())})
    assert response.status_code == 302
    assert response["Location"] == _url(workspace)
    workspace.refresh_from_db()
    assert workspace.currency == "TWD" and workspace.week_start == "sunday"
    assert workspace.logo
    page = client.get(_url(workspace)).content.decode()
    assert "The workspace settings were saved." in page
    assert _url(workspace, "workspace_logo") in page
    assert 'name="remove_logo"' in page


def test_service_errors_show_beside_the_fields(login, owner, workspace):
    response = login(owner).post(
        _url(workspace), {**SETTINGS, "email_domain": "nope", "logo": upload(b"GIF89a nope")}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_email_domain_error">Enter a domain such as myshop.com.' in html
    assert 'id="id_logo_error">Upload a PNG, JPEG, GIF or WebP image.' in html
    workspace.refresh_from_db()
    assert workspace.email_domain == "acme.example"


def test_form_refuses_a_time_zone_not_in_the_list(login, owner, workspace):
    response = login(owner).post(_url(workspace), {**SETTINGS, "timezone": "Mars/Olympus"})
    assert response.status_code == 400
    assert 'id="id_timezone_error"' in response.content.decode()


@pytest.mark.parametrize("role", ["admin", "manager", "member", "assistant"])
def test_other_roles_get_403_and_no_sidebar_link(request, login, owner, workspace, role):
    actor = request.getfixturevalue(role)
    client = login(actor)
    assert client.get(_url(workspace)).status_code == 403
    assert client.post(_url(workspace), SETTINGS).status_code == 403
    workspace.refresh_from_db()
    assert workspace.name == "Acme Shop"


def test_sidebar_links_the_page_for_the_owner_only(login, owner, admin, workspace, client):
    link = f'href="{_url(workspace)}"'
    assert link in login(owner).get(reverse("members", kwargs={"ws": "acme"})).content.decode()
    client.logout()
    assert link not in login(admin).get(reverse("members", kwargs={"ws": "acme"})).content.decode()


def test_outsider_gets_404(login, outsider, workspace):
    assert login(outsider).get(_url(workspace)).status_code == 404
    assert login(outsider).get(_url(workspace, "workspace_logo")).status_code == 404


def test_every_member_sees_the_logo(login, owner, member, workspace):
    services.workspace_update(actor=owner, workspace=workspace, logo=upload(png()))
    response = login(member).get(_url(workspace, "workspace_logo"))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_no_logo_is_404(login, member, workspace):
    assert login(member).get(_url(workspace, "workspace_logo")).status_code == 404
