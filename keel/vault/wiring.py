"""What the vault registers at start-up (called from VaultConfig.ready): audit labels, the
demo seeder, the grants a seat carries (seat ownership), the rotation queue at offboarding
and the sidebar link."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from keel.org.models import Seat

VAULT_ACTION_LABELS: dict[str, Any] = {
    "vault.item_created": _("Vault item added"),
    "vault.item_updated": _("Vault item edited"),
    "vault.item_deleted": _("Vault item deleted"),
    "vault.revealed": _("Vault field revealed"),
    "vault.granted": _("Vault access given"),
    "vault.grant_removed": _("Vault access taken back"),
    "vault.category_created": _("Vault category added"),
    "vault.category_deleted": _("Vault category deleted"),
}


def seat_vault_access(seat: Seat) -> list[tuple[str, str]]:
    """Seat-ownership provider: the items and categories shared with this seat (one query)."""
    from django.urls import reverse

    from keel.vault.models import Grant, Level

    slug = seat.workspace.slug
    rows = []
    grants = (
        Grant.objects.filter(workspace_id=seat.workspace_id, seat=seat)
        .select_related("item", "category")
        .order_by("category__name", "item__name")
    )
    for grant in grants:
        level = Level(grant.level).label
        if grant.item is not None:
            url = reverse("vault_item", kwargs={"ws": slug, "item_id": grant.item_id})
            rows.append((f"{grant.item.name} · {level}", url))
        elif grant.category is not None:
            url = reverse("vault_category", kwargs={"ws": slug, "category_id": grant.category_id})
            rows.append((f"{grant.category.name} · {level}", url))
    return rows


def connect() -> None:
    from keel.accounts.offboarding import Receiver, register_offboarding_step
    from keel.core.audit import register_action_labels
    from keel.core.seeding import register_demo_seeder
    from keel.org.ownership import register_seat_ownership
    from keel.ui.nav import NavItem, register_nav
    from keel.vault.demo import seed_demo_vault
    from keel.vault.offboarding import preview_rotations, queue_rotations

    register_demo_seeder(seed_demo_vault)
    register_action_labels(VAULT_ACTION_LABELS)
    register_seat_ownership("vault.grants", _("Vault access"), seat_vault_access)
    register_offboarding_step(
        "vault.rotations", _("Passwords to change (vault items they could use or view)"),
        queue_rotations, preview=preview_rotations, receiver=Receiver.PERSON,
        empty_label=_("Nobody: it stays on the vault's rotation list"),
    )  # fmt: skip
    register_nav(NavItem(key="vault", label=_("Vault"), url_name="vault_list",
                         permission="vault.view", order=45))  # fmt: skip
