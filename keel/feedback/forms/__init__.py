"""The feedback app's forms; see docs/feedback.md."""
