"""The vault's data: workspace keys, categories, items with their encrypted fields, grants,
reveal events and the rotation queue.

Secrets live only in `ItemField.ciphertext` (AES-256-GCM under the item's data key, see
keel/vault/crypto.py); everything else here is metadata a use-level member may see (name,
URLs, username, plain custom fields). Later slices fit in without reshaping: a TOTP secret
is one more hidden field (`FieldKey.TOTP`), a fill by the extension one more
`AccessEvent.Action`, and the guided rotation works on `Rotation` rows.
"""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from keel.accounts.models import Group
from keel.core.models import Membership, WorkspaceManager, WorkspaceScoped
from keel.org.models import Seat


class WorkspaceKey(WorkspaceScoped):
    """A workspace's key (32 random bytes), stored only wrapped by the master key.

    Rotating it adds a new version and re-wraps every item's data key under it; the old row
    is kept, retired, so a half-finished rotation can still be read and resumed.
    """

    version = models.PositiveIntegerField()
    wrapped = models.TextField()  # keel.core.crypto token, aad "vault:workspace-key:<ws>:<v>"
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["workspace", "version"], name="vault_key_version"),
        ]

    def __str__(self) -> str:
        return f"workspace key v{self.version}"


class Category(WorkspaceScoped):
    """A shelf of items (Marketplaces, Suppliers…) that can be shared whole, like a folder."""

    name = models.CharField(_("name"), max_length=80)

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["workspace", "name"], name="vault_category_name"),
        ]

    def __str__(self) -> str:
        return self.name


class Kind(models.TextChoices):
    LOGIN = "login", _("Login")
    NOTE = "note", _("Secure note")
    API_KEY = "api_key", _("API key or token")
    CARD = "card", _("Payment card")


class Item(WorkspaceScoped):
    """One vault entry. `wrapped_key` is its data key sealed by `workspace_key`."""

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.LOGIN)
    name = models.CharField(_("name"), max_length=120)
    category = models.ForeignKey(
        Category, on_delete=models.SET_NULL, null=True, blank=True, related_name="items",
        verbose_name=_("category"),
    )  # fmt: skip
    urls = models.JSONField(_("web addresses"), default=list, blank=True)
    username = models.CharField(_("username"), max_length=200, blank=True)
    tags = models.JSONField(_("tags"), default=list, blank=True)
    workspace_key = models.ForeignKey(WorkspaceKey, on_delete=models.PROTECT, related_name="+")
    wrapped_key = models.TextField(blank=True)
    # When a hidden field last changed: the age the health page and rotations go by.
    secrets_changed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects: ClassVar[WorkspaceManager[Item]] = WorkspaceManager()

    class Meta:
        verbose_name = _("vault item")
        verbose_name_plural = _("vault items")
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["workspace", "name"], name="vault_item_name"),
        ]
        indexes = [models.Index(fields=["workspace", "category"])]

    def __str__(self) -> str:
        return self.name


class FieldKey(models.TextChoices):
    """The fixed fields of each kind; custom fields are `custom-<n>`."""

    PASSWORD = "password", _("Password")
    NOTES = "notes", _("Notes")
    API_KEY = "api_key", _("Key or token")
    CARD_NUMBER = "card_number", _("Card number")
    CARD_CVC = "card_cvc", _("Security code (CVC)")
    CARD_HOLDER = "card_holder", _("Name on card")
    CARD_EXPIRY = "card_expiry", _("Expiry (MM/YY)")
    TOTP = "totp", _("One-time code secret")


class ItemField(WorkspaceScoped):
    """One field of an item. Hidden fields hold only `ciphertext` (bound to workspace, item
    and `key`); plain ones (a card's holder, a custom "store ID") hold `plain`."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="fields")
    key = models.CharField(max_length=20)
    label = models.CharField(_("label"), max_length=80, blank=True)  # custom fields only
    hidden = models.BooleanField(_("hidden"), default=True)
    plain = models.CharField(max_length=500, blank=True)
    ciphertext = models.TextField(blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["item", "key"], name="vault_field_key"),
            models.CheckConstraint(
                condition=Q(hidden=True, plain="") | Q(hidden=False, ciphertext=""),
                name="vault_field_hidden_is_encrypted",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item_id}:{self.key}"

    @property
    def display_label(self) -> str:
        if self.key.startswith("custom-"):
            return self.label
        return str(FieldKey(self.key).label) if self.key in FieldKey.values else self.key


class Level(models.IntegerChoices):
    """Ordered: a higher level includes the lower ones."""

    USE = 1, pgettext_lazy("vault access", "Use")
    VIEW = 2, pgettext_lazy("vault access", "View")
    MANAGE = 3, pgettext_lazy("vault access", "Manage")


class Grant(WorkspaceScoped):
    """Access to one item or a whole category, for a person, a group or a seat (whoever
    holds it now: keel.org.resolution)."""

    item = models.ForeignKey(
        Item, on_delete=models.CASCADE, null=True, blank=True, related_name="grants"
    )
    category = models.ForeignKey(
        Category, on_delete=models.CASCADE, null=True, blank=True, related_name="grants"
    )
    member = models.ForeignKey(
        Membership, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    group = models.ForeignKey(
        Group, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    seat = models.ForeignKey(
        Seat, on_delete=models.CASCADE, null=True, blank=True, related_name="vault_grants"
    )
    level = models.PositiveSmallIntegerField(_("access"), choices=Level.choices)
    created_by = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(item__isnull=False, category__isnull=True)
                | Q(item__isnull=True, category__isnull=False),
                name="vault_grant_one_target",
            ),
            models.CheckConstraint(
                condition=Q(member__isnull=False, group__isnull=True, seat__isnull=True)
                | Q(member__isnull=True, group__isnull=False, seat__isnull=True)
                | Q(member__isnull=True, group__isnull=True, seat__isnull=False),
                name="vault_grant_one_grantee",
            ),
        ]
        indexes = [models.Index(fields=["workspace", "item"]),
                   models.Index(fields=["workspace", "category"])]  # fmt: skip

    def __str__(self) -> str:
        return f"grant {self.pk}"


class AccessEvent(WorkspaceScoped):
    """A reveal (later: a fill): what offboarding orders rotations by. The audit log has the
    same act for people; this table is for queries ("last revealed by whom")."""

    class Action(models.TextChoices):
        REVEAL = "reveal", _("Revealed")

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="access_events")
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="+")
    action = models.CharField(max_length=10, choices=Action.choices)
    field_key = models.CharField(max_length=20)

    class Meta:
        indexes = [models.Index(fields=["workspace", "membership", "item", "created_at"])]

    def __str__(self) -> str:
        return f"{self.action} {self.item_id}"


class Rotation(WorkspaceScoped):
    """An item whose secrets someone who left could know: open until its hidden fields
    change (`item_update` closes it)."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="rotations")
    leaver = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="+")
    assignee = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    last_revealed_at = models.DateTimeField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "leaver"], name="vault_rotation_once"),
        ]

    def __str__(self) -> str:
        return f"rotate {self.item_id}"
