"""Search test fixtures: the in-memory notes provider (registered for one test)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from keel.search.registry import only_search_providers
from keel.search.tests.provider import NoteStore


@pytest.fixture
def notes(db: None) -> Iterator[NoteStore]:
    store = NoteStore()
    with only_search_providers(store.provider()):
        yield store
