"""`freeze_startup_heap`: what `keel serve` does in each worker once the app is loaded."""

from __future__ import annotations

import gc

from keel.core.serving import freeze_startup_heap


def test_freeze_moves_the_loaded_app_out_of_the_collectors_walk():
    try:
        frozen = freeze_startup_heap()
        # Django, its models and URL patterns are loaded: far more than a bare interpreter.
        assert frozen == gc.get_freeze_count() > 50_000
        assert gc.isenabled()  # requests' own garbage is still collected
    finally:
        gc.unfreeze()  # other tests in this process keep the collector as it was
