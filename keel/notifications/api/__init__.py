"""The notifications API: the workspace's chat webhooks (admins)."""

from keel.notifications.api.routes import router

__all__ = ["router"]
