"""Writes to the search index (the jobs and `keel search rebuild` call these)."""

from keel.search.services.index import index_ids, rebuild, remove_ids

__all__ = ["index_ids", "rebuild", "remove_ids"]
