"""The feedback app's API routes (mounted by keel/api.py): forms, reports, meetings."""

from ninja import Router

router = Router(tags=["feedback"])

# --- forms ---
from keel.feedback.api.forms import router as forms_router  # noqa: E402

router.add_router("", forms_router)
# --- end forms ---
# --- reports ---
from keel.feedback.api.reports import router as reports_router  # noqa: E402

router.add_router("", reports_router)
# --- end reports ---
# --- meetings ---
from keel.feedback.api.meetings import router as meetings_router  # noqa: E402

router.add_router("", meetings_router)
# --- end meetings ---

__all__ = ["router"]
