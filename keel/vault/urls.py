"""/<ws>/vault/…: the list, an item (reveal, edit, delete, who can access it), categories,
what a person can access, and the rotation queue."""

from django.urls import path

from keel.vault.views import access, items

urlpatterns = [
    path("", items.item_list, name="vault_list"),
    path("new/", items.item_new, name="vault_item_new"),
    path("<int:item_id>/", items.item_detail, name="vault_item"),
    path("<int:item_id>/reveal/", items.item_reveal, name="vault_item_reveal"),
    path("<int:item_id>/edit/", items.item_edit, name="vault_item_edit"),
    path("<int:item_id>/delete/", items.item_delete, name="vault_item_delete"),
    path("<int:item_id>/access/", access.item_access, name="vault_item_access"),
    path("grants/<int:grant_id>/delete/", access.grant_delete, name="vault_grant_delete"),
    path("categories/", access.categories, name="vault_categories"),
    path("categories/<int:category_id>/", access.category, name="vault_category"),
    path(
        "categories/<int:category_id>/delete/",
        access.category_delete,
        name="vault_category_delete",
    ),
    path("people/", access.people, name="vault_people"),
    path("people/<int:membership_id>/", access.person, name="vault_person"),
    path("rotations/", access.rotations, name="vault_rotations"),
]
