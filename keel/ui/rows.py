"""Helpers for rows written in Python (docs/architecture.md, "Busy rows are rendered in
Python"): a row's link without a `reverse()` per row."""

from __future__ import annotations

from collections.abc import Callable

from django.urls import reverse


def id_url(name: str, ws: str, kwarg: str) -> Callable[[int], str]:
    """`reverse(name)` once per page, then the URL of any row id: the id goes in place of
    the last "/0/" (the workspace slug may itself be "0")."""
    head, tail = reverse(name, kwargs={"ws": ws, kwarg: 0}).rsplit("/0/", 1)
    return lambda pk: f"{head}/{pk}/{tail}"
