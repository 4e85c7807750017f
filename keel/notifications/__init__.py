"""In-app and email notifications with per-member preferences."""
