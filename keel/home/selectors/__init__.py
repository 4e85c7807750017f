"""Selectors of home. Import from here: `from keel.home import selectors`."""

from keel.home.selectors.cockpit import (
    ACTION_TEXT,
    ActivityItem,
    Cockpit,
    cockpit_for,
    greeting_for,
)

__all__ = ["ACTION_TEXT", "ActivityItem", "Cockpit", "cockpit_for", "greeting_for"]
