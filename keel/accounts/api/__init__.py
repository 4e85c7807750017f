"""The accounts app's API routes (mounted by keel/api.py)."""

from keel.accounts.api.routes import router

__all__ = ["router"]
