"""The goals app's API routes (mounted by keel/api.py)."""

from keel.goals.api.routes import router

__all__ = ["router"]
