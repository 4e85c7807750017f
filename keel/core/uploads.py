"""Uploads kept between a preview and its confirmation (imports): the sweep of abandoned ones."""

from __future__ import annotations

import datetime

from django.core.files.storage import default_storage
from django.utils import timezone


def delete_stale_files(directory: str, older_than: datetime.timedelta) -> int:
    """Delete files in `directory` of the default storage last changed before `older_than`
    ago (a preview nobody confirmed). Storages that cannot list or date files are left alone.
    Returns how many were deleted."""
    cutoff = timezone.now() - older_than
    try:
        _dirs, files = default_storage.listdir(directory)
    except (FileNotFoundError, NotImplementedError):
        return 0
    deleted = 0
    for name in files:
        path = f"{directory}/{name}"
        try:
            if default_storage.get_modified_time(path) < cutoff:
                default_storage.delete(path)
                deleted += 1
        except (FileNotFoundError, NotImplementedError):
            continue
    return deleted
