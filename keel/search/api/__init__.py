"""The search app's API routes (mounted by keel/api.py)."""

from keel.search.api.routes import router

__all__ = ["router"]
