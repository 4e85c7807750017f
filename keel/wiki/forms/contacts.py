"""Forms of the contact directory: a contact, the list's filters, and the CSV upload."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from keel.core.models import Workspace
from keel.org.models import Department
from keel.wiki.models import ContactKind
from keel.wiki.selectors.contacts import MEMBERS, ContactFilters
from keel.wiki.services.contacts import (
    NOTES_MAX,
    PHONE_MAX,
    TEXT_MAX,
    ContactFields,
    split_tags,
)
from keel.wiki.services.contacts_import import IMPORT_MAX_BYTES


def _departments(workspace: Workspace) -> Any:
    return Department.objects.in_workspace(workspace).order_by("position", "name")


class ContactForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ContactKind.choices)
    company = forms.CharField(label=_("Company"), max_length=TEXT_MAX, required=False)
    name = forms.CharField(label=_("Name"), max_length=TEXT_MAX, required=False,
                           help_text=_("A company, a name or both."))  # fmt: skip
    role = forms.CharField(label=_("Role"), max_length=TEXT_MAX, required=False,
                           help_text=_("e.g. account manager, sales, after-sales"))  # fmt: skip
    email = forms.CharField(label=_("Email address"), required=False, max_length=254,
                            widget=forms.EmailInput(attrs={"autocomplete": "off"}))  # fmt: skip
    phone = forms.CharField(label=_("Phone"), max_length=PHONE_MAX, required=False,
                            widget=forms.TextInput(attrs={"type": "tel"}))  # fmt: skip
    tags = forms.CharField(
        label=_("Tags"), required=False, max_length=1000,
        help_text=_("Separate tags with commas, e.g. packaging, Yiwu"),
    )  # fmt: skip
    department = forms.ModelChoiceField(
        label=_("Department that deals with them"), queryset=Department.objects.none(),
        required=False, empty_label=_("— none —"),
    )  # fmt: skip
    notes = forms.CharField(label=_("Notes"), max_length=NOTES_MAX, required=False,
                            widget=forms.Textarea(attrs={"rows": 5}))  # fmt: skip

    def __init__(self, *args: Any, workspace: Workspace, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        department = self.fields["department"]
        assert isinstance(department, forms.ModelChoiceField)
        department.queryset = _departments(workspace)

    @staticmethod
    def initial_for(fields: ContactFields) -> dict[str, Any]:
        return {"kind": fields.kind, "company": fields.company, "name": fields.name,
                "role": fields.role, "email": fields.email, "phone": fields.phone,
                "tags": ", ".join(fields.tags), "notes": fields.notes,
                "department": fields.department}  # fmt: skip

    @staticmethod
    def fields_of(data: dict[str, Any]) -> ContactFields:
        return ContactFields(kind=data["kind"], company=data["company"], name=data["name"],
                             role=data["role"], email=data["email"], phone=data["phone"],
                             tags=split_tags(data["tags"]), notes=data["notes"],
                             department=data["department"])  # fmt: skip


class ContactFilterForm(forms.Form):
    q = forms.CharField(label=_("Search the directory"), required=False, max_length=200,
                        widget=forms.TextInput(attrs={"type": "search"}))  # fmt: skip
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    department = forms.ModelChoiceField(label=_("Department"), required=False,
                                        queryset=Department.objects.none(),
                                        empty_label=_("All departments"))  # fmt: skip
    tag = forms.ChoiceField(label=_("Tag"), required=False)

    def __init__(self, *args: Any, workspace: Workspace, tags: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kind = self.fields["kind"]
        assert isinstance(kind, forms.ChoiceField)
        kind.choices = [("", _("All kinds")), (MEMBERS, _("Our team")), *ContactKind.choices]
        department = self.fields["department"]
        assert isinstance(department, forms.ModelChoiceField)
        department.queryset = _departments(workspace)
        tag = self.fields["tag"]
        assert isinstance(tag, forms.ChoiceField)
        tag.choices = [("", _("All tags")), *((t, t) for t in tags)]

    def filters(self) -> ContactFilters:
        if not self.is_bound or not self.is_valid():
            return ContactFilters()
        data = self.cleaned_data
        return ContactFilters(kind=data["kind"], department=data["department"],
                              tag=data["tag"], q=data["q"])  # fmt: skip


class ContactImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("Columns: company, name, kind, role, email, phone, tags, notes, department "
                    "(English or Chinese headers). Up to 2 MB, UTF-8 or GB18030 (Excel)."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )  # fmt: skip

    def clean_file(self) -> bytes:
        upload = self.cleaned_data["file"]
        if upload.size > IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(n)s MB.") % {"n": IMPORT_MAX_BYTES // 1024 // 1024}
            )
        self.file_name = str(upload.name)[:200]
        return bytes(upload.read(IMPORT_MAX_BYTES + 1))
