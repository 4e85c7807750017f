# mypy: disable-error-code="attr-defined,union-attr,arg-type"
"""The contact directory: validation, who may read and change it (per role, nothing changed
on refusal), members listed from accounts, filters, the CSV import (row numbers, good rows
kept, BOM, GB18030, update by email, preview surviving a reload), the CSV and vCard exports,
and the API (404 across workspaces)."""

from __future__ import annotations

import codecs
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse

from keel.core.models import AuditEvent
from keel.core.tests.api_client import assert_problem, error_fields
from keel.core.tests.factories import MembershipFactory
from keel.org.models import Department, Seat
from keel.wiki import selectors, services
from keel.wiki.models import Contact
from keel.wiki.selectors.contacts import MEMBERS, ContactFilters
from keel.wiki.services.contacts import ContactFields

pytestmark = pytest.mark.django_db


@pytest.fixture
def department(workspace):
    return Department.objects.create(workspace=workspace, name="Purchasing", colour=2)


@pytest.fixture
def supplier(owner, department):
    return services.contact_create(
        actor=owner,
        fields=ContactFields(
            kind="supplier",
            company="Shenzhen Huaqiang",
            name="张伟",
            role="Sales",
            email="zhang@huaqiang.example",
            phone="+86 755 1234 5678",
            tags=["electronics", "深圳"],
            notes="Ships Tuesdays.",
            department=department,
        ),
    )


def _url(name, **kwargs):
    return reverse(name, kwargs={"ws": "acme", **kwargs})


# --- Services --------------------------------------------------------------------------------


def test_create_validates_every_field(owner, other_workspace):
    other_department = Department.objects.create(workspace=other_workspace, name="X")
    with pytest.raises(ValidationError) as caught:
        services.contact_create(
            actor=owner,
            fields=ContactFields(
                kind="pirate",
                email="not-an-email",
                phone="1" * 51,
                tags=["ok", "x" * 41],
                department=other_department,
            ),
        )
    assert set(caught.value.message_dict) == {
        "kind",
        "company",
        "email",
        "phone",
        "tags",
        "department",
    }
    with pytest.raises(ValidationError) as caught:
        services.contact_create(
            actor=owner, fields=ContactFields(company="A", tags=[f"t{i}" for i in range(21)])
        )
    assert "tags" in caught.value.message_dict
    assert not Contact.objects.exists()


def test_create_cleans_and_audits(owner):
    contact = services.contact_create(
        actor=owner,
        fields=ContactFields(name="  Li   Na ", email="Li@YW.Example", tags=["a", "A", " b "]),
    )
    assert (contact.name, contact.email, contact.tags) == ("Li Na", "Li@yw.example", ["a", "b"])
    assert AuditEvent.objects.filter(action="wiki.contact_created").exists()


@pytest.mark.parametrize("role", ["assistant", "guest"])
def test_outsiders_cannot_change_the_directory(role, workspace, supplier):
    actor = MembershipFactory(workspace=workspace, role=role)
    with pytest.raises(PermissionDenied):
        services.contact_create(actor=actor, fields=ContactFields(company="New"))
    with pytest.raises(PermissionDenied):
        services.contact_update(
            actor=actor, contact=supplier, fields=ContactFields(company="Changed")
        )
    with pytest.raises(PermissionDenied):
        services.contact_delete(actor=actor, contact=supplier)
    supplier.refresh_from_db()
    assert supplier.company == "Shenzhen Huaqiang" and Contact.objects.count() == 1


def test_member_updates_and_deletes(member, supplier):
    fields = ContactFields.of(supplier)
    fields.role = "After-sales"
    services.contact_update(actor=member, contact=supplier, fields=fields)
    supplier.refresh_from_db()
    assert supplier.role == "After-sales"
    services.contact_delete(actor=member, contact=supplier)
    assert not Contact.objects.exists()


# --- Directory -------------------------------------------------------------------------------


def test_members_appear_with_their_seat_title(
    owner, member, assistant, workspace, supplier, department
):
    Seat.objects.create(
        workspace=workspace,
        title="Head of Buying",
        holder=member,
        department=department,
        status="filled",
    )
    MembershipFactory(workspace=workspace, role="guest", user__full_name="Gus Guest")
    entries = selectors.directory(owner, ContactFilters())
    names = [e.name for e in entries]
    assert names[0] == "张伟"  # outside contacts first
    assert "Mike" in names and "Ana Assistant" in names and "Gus Guest" not in names
    mike = next(e for e in entries if e.name == "Mike")
    assert mike.is_member and mike.role == "Head of Buying" and mike.department == department
    only_members = selectors.directory(owner, ContactFilters(kind=MEMBERS))
    assert all(e.is_member for e in only_members)
    in_purchasing = selectors.directory(owner, ContactFilters(department=department))
    assert {e.name for e in in_purchasing} == {"张伟", "Mike"}


def test_filters_by_kind_tag_and_text(owner, supplier):
    services.contact_create(
        actor=owner, fields=ContactFields(kind="carrier", company="SF Express", tags=["shipping"])
    )
    assert [e.company for e in selectors.directory(owner, ContactFilters(kind="carrier"))] == [
        "SF Express"
    ]
    assert [e.company for e in selectors.directory(owner, ContactFilters(tag="深圳"))] == [
        "Shenzhen Huaqiang"
    ]
    for query in ("huaqiang", "深圳", "Tuesdays", "755", "after"):
        found = [
            e.company for e in selectors.directory(owner, ContactFilters(q=query)) if e.contact
        ]
        assert found == ([] if query == "after" else ["Shenzhen Huaqiang"]), query


def test_guests_have_no_directory(workspace, supplier, login):
    guest = MembershipFactory(workspace=workspace, role="guest")
    with pytest.raises(Http404):
        selectors.directory(guest, ContactFilters())
    assert login(guest).get(_url("wiki_contacts")).status_code == 404


# --- Pages -----------------------------------------------------------------------------------


def test_assistant_reads_but_cannot_change(login, assistant, supplier):
    client = login(assistant)
    page = client.get(_url("wiki_contacts"))
    assert page.status_code == 200 and "Shenzhen Huaqiang" in page.content.decode()
    assert _url("wiki_contact_new") not in page.content.decode()
    detail = client.get(_url("wiki_contact", contact_id=supplier.pk)).content.decode()
    assert (
        'href="mailto:zhang@huaqiang.example"' in detail and 'href="tel:+8675512345678"' in detail
    )
    assert client.get(_url("wiki_contact_new")).status_code == 403
    assert client.post(_url("wiki_contact_delete", contact_id=supplier.pk)).status_code == 403
    assert client.get(_url("wiki_contacts_export")).status_code == 403
    assert Contact.objects.count() == 1


def test_member_creates_edits_and_deletes_through_pages(login, member, department):
    client = login(member)
    response = client.post(
        _url("wiki_contact_new"),
        {
            "kind": "manufacturer",
            "company": "Yiwu Packaging",
            "name": "",
            "role": "",
            "email": "sales@ywpack.example",
            "phone": "",
            "tags": "packaging，box、Yiwu",
            "department": department.pk,
            "notes": "",
        },
    )
    contact = Contact.objects.get()
    assert response.status_code == 302 and contact.tags == ["packaging", "box", "Yiwu"]
    bad = client.post(
        _url("wiki_contact_edit", contact_id=contact.pk),
        {"kind": "manufacturer", "company": "", "name": "", "email": "x"},
    )
    assert bad.status_code == 400 and "company or a name" in bad.content.decode()
    assert client.post(_url("wiki_contact_delete", contact_id=contact.pk)).status_code == 302
    assert not Contact.objects.exists()


def test_list_page_filters_and_shows_members(login, owner, member, supplier):
    client = login(owner)
    html = client.get(_url("wiki_contacts")).content.decode()
    assert "Shenzhen Huaqiang" in html and "Mike" in html
    html = client.get(_url("wiki_contacts"), {"kind": "carrier"}).content.decode()
    assert "Shenzhen Huaqiang" not in html


# --- Import ----------------------------------------------------------------------------------

CSV = (
    "Company,Name,Kind,Email,Phone,Tags,Department,Unknown column\n"
    'Acme Parts,John,Supplier,john@acme.example,+1 555,"a, b",Purchasing,x\n'  # row 2
    ",,supplier,nobody@x.example,,,,\n"  # row 3: no company or name
    "Beta Co,,pirate,beta@x.example,,,,\n"  # row 4: unknown kind
    "\n"  # a blank line is skipped, but still counts in the spreadsheet's numbering
    "Gamma,,承运商,not-an-email,,,,\n"  # row 6: bad email (kind label in Chinese is fine)
    "Delta,,carrier,zhang@huaqiang.example,,,No such dept,\n"  # row 7: unknown department
    "华强,王芳,供应商,wang@hq.example,,,,\n"  # row 8
)


def test_preview_saves_nothing_and_numbers_rows_as_the_spreadsheet(owner, department):
    preview = services.contacts_import_preview(actor=owner, rows_or_file=CSV.encode())
    assert [r.row_number for r in preview.valid] == [2, 8]
    errors = {r.row_number: r.errors for r in preview.invalid}
    assert set(errors) == {3, 4, 6, 7}
    assert "Unknown column" in preview.ignored_columns
    assert preview.valid[0].fields.department == department
    assert preview.valid[0].fields.tags == ["a", "b"]
    assert not Contact.objects.exists()


def test_import_keeps_good_rows_and_updates_by_email(owner, supplier, department):
    rows = CSV.replace("zhang@huaqiang.example,,,No such dept", "ZHANG@huaqiang.example,,,")
    with pytest.raises(ValidationError):
        services.contacts_import(actor=owner, rows_or_file=rows.encode(), keep_valid=False)
    assert Contact.objects.count() == 1
    result = services.contacts_import(actor=owner, rows_or_file=rows.encode(), keep_valid=True)
    assert (result.created, result.updated) == (2, 1)
    assert [n for n, _errors in result.errors] == [3, 4, 6]
    supplier.refresh_from_db()
    assert supplier.company == "Delta" and supplier.kind == "carrier"
    assert Contact.objects.count() == 3


def test_import_reads_bom_and_gb18030(owner):
    text = "公司,姓名,类型,邮箱\n深圳华强电子,张伟,供应商,zw@hq.example\n"
    for raw in (codecs.BOM_UTF8 + text.encode(), text.encode("gb18030"), text.encode("gbk")):
        preview = services.contacts_import_preview(actor=owner, rows_or_file=raw)
        assert preview.valid[0].fields.company == "深圳华强电子", raw[:10]
        assert preview.valid[0].fields.kind == "supplier"


def test_import_refuses_files_without_known_columns(owner):
    with pytest.raises(ValidationError):
        services.contacts_import_preview(actor=owner, rows_or_file=b"foo,bar\n1,2\n")
    with pytest.raises(ValidationError):
        services.contacts_import_preview(actor=owner, rows_or_file=b"\x00\x01binary")


def test_import_pages_preview_survives_reload_then_imports(
    login, owner, department, settings, tmp_path
):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = login(owner)
    url = _url("wiki_contacts_import")
    upload = SimpleUploadedFile("contacts.csv", CSV.encode("gb18030"), "text/csv")
    response = client.post(url, {"action": "upload", "file": upload})
    assert response.status_code == 302 and response["Location"] == url  # no token in the URL
    html = client.get(url).content.decode()  # a reload shows the preview again
    assert "Row 3:" in html and "Row 7:" in html and "contacts.csv" in html
    token = client.session["wiki_contact_imports"][str(owner.workspace_id)]["token"]
    assert token not in client.get(url).wsgi_request.get_full_path()
    assert client.post(url, {"action": "import", "token": "wrong"}).status_code == 302
    assert not Contact.objects.exists()
    response = client.post(url, {"action": "import", "token": token})
    assert response.status_code == 302
    assert set(Contact.objects.values_list("company", flat=True)) == {"Acme Parts", "华强"}
    assert "Row 3:" not in client.get(url).content.decode()  # the pending import is gone


# --- Export ----------------------------------------------------------------------------------


def test_csv_export_has_bom_and_round_trips(login, owner, supplier):
    services.contact_create(actor=owner, fields=ContactFields(company="=HYPERLINK(1)"))
    response = login(owner).get(_url("wiki_contacts_export"))
    raw = b"".join(response.streaming_content)
    assert raw.startswith(codecs.BOM_UTF8)
    text = raw.decode("utf-8-sig")
    assert text.splitlines()[0] == "kind,company,name,role,email,phone,tags,notes,department"
    assert "'=HYPERLINK(1)" in text and "+86 755 1234 5678" in text and "深圳" in text
    preview = services.contacts_import_preview(actor=owner, rows_or_file=raw)
    assert {r.fields.company for r in preview.valid} == {"Shenzhen Huaqiang", "=HYPERLINK(1)"}
    assert all(r.existing_id for r in preview.valid if r.fields.email)


def test_vcard_export(login, owner, supplier):
    response = login(owner).get(_url("wiki_contacts_vcard"), {"q": "huaqiang"})
    assert response["Content-Type"].startswith("text/vcard")
    assert 'filename="contacts-' in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode()
    assert text.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n")
    assert "FN:张伟\r\n" in text and "ORG:Shenzhen Huaqiang\r\n" in text
    assert "EMAIL;TYPE=INTERNET:zhang@huaqiang.example" in text
    assert "CATEGORIES:Supplier,electronics,深圳" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_vcard_folds_long_lines_without_splitting_characters(owner):
    contact = services.contact_create(
        actor=owner, fields=ContactFields(company="供" * 60, notes="a;b,c\nd")
    )
    card = selectors.vcard(contact)
    assert "NOTE:a\\;b\\,c\\nd" in card
    lines = card.split("\r\n")
    assert all(len(line.encode()) <= 75 for line in lines)
    unfolded = card.replace("\r\n ", "")
    assert "ORG:" + "供" * 60 in unfolded


# --- API -------------------------------------------------------------------------------------

API = "/workspaces/acme/wiki/contacts"


def test_api_crud(api_for, member, department):
    api = api_for(member)
    created = api.post(
        API,
        {"company": "Acme", "kind": "carrier", "tags": ["fast"], "department_id": department.pk},
    )
    assert created.status_code == 201, created.content
    contact_id = created.json()["id"]
    assert api.get(API).json()["items"][0]["company"] == "Acme"
    assert api.get(API, {"kind": "supplier"}).json()["items"] == []
    patched = api.patch(f"{API}/{contact_id}", {"role": "Dispatch", "department_id": None})
    assert patched.status_code == 200
    assert patched.json()["role"] == "Dispatch" and patched.json()["department_id"] is None
    assert api.delete(f"{API}/{contact_id}").status_code == 204
    assert not Contact.objects.exists()


def test_api_validation_names_fields(api_for, member):
    api = api_for(member)
    body = assert_problem(api.post(API, {"email": "nope", "department_id": 99999}), 422)
    assert "department_id" in error_fields(body)
    body = assert_problem(api.post(API, {"email": "nope"}), 422)
    assert {"company", "email"} <= error_fields(body)


def test_api_assistant_reads_only_and_other_workspace_gets_404(
    api_for, assistant, outsider, supplier
):
    api = api_for(assistant)
    assert api.get(f"{API}/{supplier.pk}").status_code == 200
    assert_problem(api.patch(f"{API}/{supplier.pk}", {"role": "x"}), 403)
    assert_problem(api.post(API, {"company": "X"}), 403)
    other = api_for(outsider)
    assert_problem(other.get(f"{API}/{supplier.pk}"), 404)
    assert_problem(other.get(f"/workspaces/other/wiki/contacts/{supplier.pk}"), 404)
    assert_problem(other.delete(f"/workspaces/other/wiki/contacts/{supplier.pk}"), 404)
    assert Contact.objects.filter(pk=supplier.pk).exists()


def test_directory_queries_do_not_grow_with_its_size(
    owner, workspace, department, django_assert_max_num_queries
):
    def add(n: int) -> None:
        for i in range(n):
            services.contact_create(
                actor=owner,
                fields=ContactFields(company=f"Supplier {i}", tags=["t"], department=department),
            )
            member: Any = MembershipFactory(workspace=workspace)
            Seat.objects.create(
                workspace=workspace,
                title=f"Seat {i}",
                holder=member,
                department=department,
                status="filled",
            )

    add(2)
    filters = ContactFilters(q="supplier")
    with django_assert_max_num_queries(8) as small:
        selectors.directory(owner, filters)
    add(20)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert len(selectors.directory(owner, filters)) == 22
