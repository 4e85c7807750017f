"""Schemas of the search API."""

from __future__ import annotations

from datetime import datetime

from ninja import Field, Schema

from keel.core.api_support import Id


class SearchParams(Schema):
    q: str = Field("", max_length=200, description="Words in Chinese and/or English.")
    kind: str | None = Field(None, max_length=40, description="Only this kind (`task`, …).")
    owner_id: Id | None = Field(None, description="Only documents owned by this membership.")
    changed_after: datetime | None = Field(None, description="Changed at or after this time.")
    changed_before: datetime | None = Field(None, description="Changed before this time.")
    space: str | None = Field(None, max_length=40, description="Only this wiki space (its id).")
    cursor: str | None = Field(None, description="`next_cursor` of the previous page.")
    limit: int = Field(20, ge=1, le=100)


class SearchHitOut(Schema):
    kind: str
    object_id: int
    title: str = Field(description="Plain text.")
    title_html: str = Field(description="HTML-escaped, matched words in <mark>.")
    snippet_html: str = Field(description="HTML-escaped, matched words in <mark>.")
    url: str
    changed_at: datetime
    owner_id: int | None


class KindCountOut(Schema):
    kind: str
    label: str
    count: int
    more: bool = Field(False, description="True when there are more than `count`.")


class SearchPageOut(Schema):
    items: list[SearchHitOut]
    next_cursor: str | None
    total: int = Field(description="Matches you may open (with the kind filter), at most 1,000.")
    more: bool = Field(False, description="True when there are more than `total` (counts stop "
                       "at 1,000).")  # fmt: skip
    kinds: list[KindCountOut] = Field(description="Matches per kind, kind filter ignored.")
