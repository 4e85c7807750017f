"""The feedback app's views; see docs/feedback.md."""
