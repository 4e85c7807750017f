"""Growing delays for failed sign-ins to one account (ASVS 6.3): instead of a hard lockout,
which lets anyone lock a chosen account out, each failure past the first few doubles the
wait before the next attempt for that address. Keyed on the address typed, known or not,
so the answer never tells whether an account exists.
"""

from __future__ import annotations

import hashlib
import math
import time

from django.core.cache import cache

FREE_FAILURES = 5  # failures before any wait
MAX_DELAY = 15 * 60  # seconds; the longest wait between two attempts
WINDOW = 15 * 60  # failures are forgotten this long after the last wait ends


def _now() -> float:
    # One place to read the clock, so tests can move it instead of sleeping.
    return time.time()


def _key(email: str) -> str:
    # Hashed: cache keys must be short and safe, and need not show the address.
    digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    return f"keel:login-throttle:{digest}"


def delay_after(failures: int) -> int:
    """Seconds to wait after the `failures`-th consecutive failure: 0, then 1, 2, 4 … 900."""
    if failures < FREE_FAILURES:
        return 0
    return int(min(2 ** (failures - FREE_FAILURES), MAX_DELAY))


def wait_seconds(email: str) -> int:
    """Seconds left before another attempt for `email` may be checked; 0 when it may.

    Admitting an attempt past the free ones claims that slot, so parallel requests sent the
    moment a wait ends get one guess between them, not one each.
    """
    state = cache.get(_key(email))
    if not state:
        return 0
    failures, last = state
    delay = delay_after(failures)
    if delay == 0:
        return 0
    remaining = last + delay - _now()
    if remaining > 0:
        return math.ceil(remaining)
    if not cache.add(f"{_key(email)}:slot:{failures}", 1, timeout=delay + WINDOW):
        return 1  # another request holds this slot; its answer comes in a moment
    return 0


def record_failure(email: str) -> None:
    """Count a wrong password (or unknown address) for `email`."""
    key = _key(email)
    state = cache.get(key)
    failures = (state[0] if state else 0) + 1
    cache.set(key, (failures, _now()), timeout=delay_after(failures) + WINDOW)


def clear(email: str) -> None:
    """Forget the failures: the right password was given, or the password was reset."""
    key = _key(email)
    state = cache.get(key)
    if state:
        cache.delete_many([key, *(f"{key}:slot:{n}" for n in range(state[0] + 1))])
