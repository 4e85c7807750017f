"""How a serving process keeps Python's garbage collector out of its requests.

A web worker holds a few hundred thousand long-lived objects once Django is loaded (modules,
URL patterns, models, translations). Python's full ("generation 2") collection walks all of
them whenever enough new objects survive, and a page that builds a few thousand rows made
that happen every dozen requests: a 30–50 ms pause in one request, the tail of every page's
timing. `gc.freeze()` moves what exists at start-up into a permanent generation that the
collector no longer walks (it is never garbage: it lives as long as the process); requests'
own garbage is collected as before. `keel serve` calls this in each worker once the app is
loaded, and the benchmark (`make bench`) does the same so it measures what a worker runs.
"""

from __future__ import annotations

import gc


def freeze_startup_heap() -> int:
    """Collect once, then freeze every surviving object; returns how many were frozen."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
