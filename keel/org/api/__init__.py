"""The org app's API routes (mounted by keel/api.py)."""

from keel.org.api.routes import router

__all__ = ["router"]
