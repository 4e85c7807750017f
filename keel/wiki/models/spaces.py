"""Spaces and who may use them.

A space is a shelf of pages: company-wide, a department's, or private to a group. Access is
a list of grants (read < edit < manage) to members, groups, seats or departments, plus one
level every staff member gets by default (`staff_level`: "edit" for a company space, "read"
for a department's, nothing for a private one). Owners and admins manage every space.
Assistants and guests get only what a grant names. A page may *narrow* its space
(`Page.restricted`): then only the page's own grants (capped by the space level) open it and
its subtree. The rules live in one place: `keel.wiki.access`.
"""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from keel.accounts.models import Group
from keel.core.models import Membership, WorkspaceManager, WorkspaceScoped
from keel.org.models import Department, Seat


class SpaceKind(models.TextChoices):
    COMPANY = "company", _("Company-wide")
    DEPARTMENT = "department", _("Department")
    PRIVATE = "private", _("Private to a group")


class Level(models.TextChoices):
    READ = "read", _("Can read")
    EDIT = "edit", _("Can edit")
    MANAGE = "manage", _("Can manage")


class StaffLevel(models.TextChoices):
    NONE = "none", _("No access")
    READ = "read", _("Can read")
    EDIT = "edit", _("Can edit")


LEVEL_RANK: dict[str, int] = {"none": 0, "read": 1, "edit": 2, "manage": 3}


class Space(WorkspaceScoped):
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("address"), max_length=40)
    description = models.CharField(_("description"), max_length=300, blank=True)
    kind = models.CharField(
        _("kind"), max_length=12, choices=SpaceKind.choices, default=SpaceKind.COMPANY
    )
    department = models.ForeignKey(
        Department, on_delete=models.SET_NULL, null=True, blank=True, related_name="wiki_spaces",
        verbose_name=_("department"),
    )  # fmt: skip
    staff_level = models.CharField(
        _("all staff"), max_length=8, choices=StaffLevel.choices, default=StaffLevel.EDIT
    )
    position = models.PositiveIntegerField(default=0)
    archived_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Goes up whenever a page of the space is restricted, moved or given a grant: the key of
    # the cached restrictions search reads (keel.wiki.access.restricted_caps).
    acl_version = models.PositiveIntegerField(default=0, editable=False)

    objects: ClassVar[WorkspaceManager[Space]] = WorkspaceManager()

    class Meta:
        verbose_name = _("space")
        verbose_name_plural = _("spaces")
        ordering = ["position", "name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["workspace", "slug"], name="wiki_space_unique_slug"),
        ]

    def __str__(self) -> str:
        return self.name


class Grant(WorkspaceScoped):
    """One line of access: to a space (page null) or narrowing one page (page set).

    Exactly one grantee: a member, a group, a seat (whoever holds it now) or a department
    (whoever holds a seat in it now).
    """

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="grants")
    page = models.ForeignKey(
        "wiki.Page", on_delete=models.CASCADE, null=True, blank=True, related_name="grants"
    )
    level = models.CharField(_("access"), max_length=8, choices=Level.choices)
    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    group = models.ForeignKey(
        Group, on_delete=models.CASCADE, null=True, blank=True, related_name="wiki_grants"
    )
    seat = models.ForeignKey(
        Seat, on_delete=models.CASCADE, null=True, blank=True, related_name="wiki_grants"
    )
    department = models.ForeignKey(
        Department, on_delete=models.CASCADE, null=True, blank=True, related_name="wiki_grants"
    )

    objects: ClassVar[WorkspaceManager[Grant]] = WorkspaceManager()

    class Meta:
        verbose_name = _("access grant")
        verbose_name_plural = _("access grants")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        membership__isnull=False,
                        group__isnull=True,
                        seat__isnull=True,
                        department__isnull=True,
                    )
                    | Q(
                        membership__isnull=True,
                        group__isnull=False,
                        seat__isnull=True,
                        department__isnull=True,
                    )
                    | Q(
                        membership__isnull=True,
                        group__isnull=True,
                        seat__isnull=False,
                        department__isnull=True,
                    )
                    | Q(
                        membership__isnull=True,
                        group__isnull=True,
                        seat__isnull=True,
                        department__isnull=False,
                    )
                ),
                name="wiki_grant_one_grantee",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.space_id}/{self.page_id}: {self.level}"
