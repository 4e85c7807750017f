"""The feedback app's services; see docs/feedback.md."""
