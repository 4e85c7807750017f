"""Isolation factories for the feedback app's URL kwargs (see keel/core/tests/isolation.py).

Each part of the app registers its kwargs in its own block.
"""

from __future__ import annotations

from typing import Any

from keel.core.models import Workspace
from keel.core.tests.isolation import register_isolation_factory

FACTORIES: dict[str, Any] = {}

# --- forms ---
# --- end forms ---
# --- reports ---
# --- end reports ---
# --- insights ---
# --- end insights ---
# --- meetings ---
# --- end meetings ---


def register_isolation_factories() -> None:
    for key, factory in FACTORIES.items():
        register_isolation_factory(key, factory)


__all__ = ["Workspace", "register_isolation_factories"]
