"""The vault's API router (mounted in keel/api.py)."""

from keel.vault.api.routes import router

__all__ = ["router"]
