"""The feedback app's API routes (mounted by keel/api.py): forms, reports, meetings."""

from ninja import Router

router = Router(tags=["feedback"])

# --- forms ---
# --- end forms ---
# --- reports ---
# --- end reports ---
# --- meetings ---
# --- end meetings ---

__all__ = ["router"]
