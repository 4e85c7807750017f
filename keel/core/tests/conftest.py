"""Core test hooks: tests marked `redis` or `production` run only when REDIS_URL points at a
Redis server — CI's last step, which runs them once (`-m "redis or production"`): the
production-like tests start real server processes on PostgreSQL and take a minute each."""

from __future__ import annotations

import os

import pytest


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("REDIS_URL"):
        return
    skip = pytest.mark.skip(reason="needs REDIS_URL (e.g. redis://127.0.0.1:6379/0)")
    for item in items:
        if "redis" in item.keywords or "production" in item.keywords:
            item.add_marker(skip)
