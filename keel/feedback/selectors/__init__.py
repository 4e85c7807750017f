"""The feedback app's selectors; see docs/feedback.md."""
