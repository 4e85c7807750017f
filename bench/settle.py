"""Bring a freshly bulk-loaded benchmark database to the state of a live one before timing.

On PostgreSQL: `VACUUM ANALYZE`. A live database has planner statistics and vacuumed tables
(autovacuum did both long ago). Without statistics PostgreSQL estimated ~100 tasks per
workspace and chose sequential scans of the 100,000-row label table; without the vacuum,
autovacuum starts on the new tables during the measurements and takes one of the machine's
two cores (pages measured up to twice as slow), and index-only scans are not possible.
SQLite needs nothing.
"""

from __future__ import annotations

from typing import Any


def settle(connection: Any) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
