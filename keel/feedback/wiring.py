"""What the feedback app registers at start-up (called from FeedbackConfig.ready): audit
labels, notification kinds, periodic jobs, the demo seeder, seat ownership and the sidebar.

Each part of the app keeps its registrations in its own block below.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _  # noqa: F401 - used by the blocks

FEEDBACK_ACTION_LABELS: dict[str, Any] = {
    # --- forms ---
    # --- end forms ---
    # --- reports ---
    # --- end reports ---
    # --- insights ---
    # --- end insights ---
    # --- meetings ---
    # --- end meetings ---
}


def connect() -> None:
    from keel.core.audit import register_action_labels

    register_action_labels(FEEDBACK_ACTION_LABELS)
    # --- forms ---
    # --- end forms ---
    # --- reports ---
    # --- end reports ---
    # --- insights ---
    # --- end insights ---
    # --- meetings ---
    # --- end meetings ---
    # --- demo ---
    # --- end demo ---
