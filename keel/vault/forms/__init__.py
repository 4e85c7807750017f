"""Page input for the vault: an item (fields by kind), a grant and a category."""

from keel.vault.forms.items import CategoryForm, GrantForm, ItemForm

__all__ = ["CategoryForm", "GrantForm", "ItemForm"]
