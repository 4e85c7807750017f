"""Reads of the search index."""

from keel.search.selectors.search import KindCount, SearchHit, SearchResults, search

__all__ = ["KindCount", "SearchHit", "SearchResults", "search"]
