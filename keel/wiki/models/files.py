"""Attachments (files, images, videos) and the contact directory."""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

from keel.core.models import Membership, WorkspaceManager, WorkspaceScoped
from keel.org.models import Department
from keel.wiki.models.pages import Page
from keel.wiki.models.spaces import Space


class FileKind(models.TextChoices):
    IMAGE = "image", _("Image")
    VIDEO = "video", _("Video")
    FILE = "file", _("File")


def _upload_to(instance: Attachment, filename: str) -> str:
    # The stored name is ours (a random key); the person's file name is kept in `name`.
    return f"wiki/{instance.workspace_id}/{instance.key}"


class Attachment(WorkspaceScoped):
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="attachments")
    page = models.ForeignKey(
        Page, on_delete=models.SET_NULL, null=True, blank=True, related_name="attachments"
    )
    key = models.CharField(max_length=40, unique=True)  # random, names the stored file
    file = models.FileField(upload_to=_upload_to, max_length=200)
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)  # found from the content, not the name
    kind = models.CharField(max_length=8, choices=FileKind.choices, default=FileKind.FILE)
    size = models.PositiveBigIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    poster = models.FileField(upload_to="wiki/posters/", max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects: ClassVar[WorkspaceManager[Attachment]] = WorkspaceManager()

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.name


class ContactKind(models.TextChoices):
    SUPPLIER = "supplier", _("Supplier")
    MANUFACTURER = "manufacturer", _("Manufacturer")
    MARKETPLACE = "marketplace", _("Marketplace account manager")
    CARRIER = "carrier", _("Carrier")
    SERVICE = "service", _("Service provider")
    OTHER = "other", _("Other")


class Contact(WorkspaceScoped):
    """An outside address the shop deals with. Members are listed from accounts, not here."""

    kind = models.CharField(_("kind"), max_length=16, choices=ContactKind.choices,
                            default=ContactKind.SUPPLIER)  # fmt: skip
    company = models.CharField(_("company"), max_length=200, blank=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=200, blank=True)
    email = models.EmailField(_("email address"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    tags = models.JSONField(_("tags"), default=list, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    department = models.ForeignKey(
        Department, on_delete=models.SET_NULL, null=True, blank=True, related_name="contacts",
        verbose_name=_("department"),
    )  # fmt: skip
    created_by = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects: ClassVar[WorkspaceManager[Contact]] = WorkspaceManager()

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["company", "name", "id"]

    def __str__(self) -> str:
        return self.company or self.name
