"""Core test hooks: tests marked `redis` run only when REDIS_URL points at a Redis server."""

from __future__ import annotations

import os

import pytest


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("REDIS_URL"):
        return
    skip = pytest.mark.skip(reason="needs REDIS_URL (e.g. redis://127.0.0.1:6379/0)")
    for item in items:
        if "redis" in item.keywords:
            item.add_marker(skip)
