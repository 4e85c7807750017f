"""`keel restore PATH`: put a `keel backup` archive back into an empty installation.

Every refusal (exit code 2) happens before anything is changed: a corrupt archive or a
checksum that differs, another database vendor, a newer Keel's migrations, a database or
media store already in use. The work is in keel/core/restore.py.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import OperationalError, connection

from keel.core import backup, restore

REFUSED = 2


class Command(BaseCommand):
    help = "Restore a backup archive into an empty database and an empty media store."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("path", type=Path, help="The archive written by `keel backup`.")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        try:
            manifest = backup.archive_verify(path)
            key = restore.key_in_archive(path, manifest)
            pending = restore.restore_check(manifest, key_bytes=key)
        except backup.RestoreRefused as exc:
            raise CommandError(
                f"Restore refused, nothing was changed: {exc}", returncode=REFUSED
            ) from exc
        except OperationalError as exc:
            raise CommandError(
                f"Restore refused, nothing was changed: cannot use the database: {exc}",
                returncode=REFUSED,
            ) from exc
        self.stdout.write(
            f"{path}: Keel {manifest.get('keel_version')}, made {manifest.get('created_at')}, "
            f"{len(manifest['members'])} members, checksums verified."
        )
        if not options["yes"] and not self._confirmed():
            raise CommandError("Restore cancelled, nothing was changed.", returncode=REFUSED)
        try:
            result = restore.restore_archive(path, manifest)
        except backup.BackupError as exc:
            raise CommandError(
                f"Restore failed part-way: {exc}. Empty the database and media store, then "
                "restore again."
            ) from exc
        self.stdout.write(
            self.style.SUCCESS("Restored: ")
            + f"the database and {result.files} file{'' if result.files == 1 else 's'}."
        )
        if result.key_file is not None:
            self.stdout.write(f"The vault master key was written to {result.key_file} (mode 0600).")
        elif not manifest.get("includes_key"):
            self.stdout.write(
                "The archive holds no master key: make sure this installation uses the original "
                f"one (KEEL_MASTER_KEY, or the key file {backup.master_key_file()}), or vault "
                "items and two-factor secrets stay unreadable."
            )
        if pending:
            self.stdout.write(
                self.style.WARNING("Next step: ")
                + f"`keel migrate` ({len(pending)} migrations are newer than the archive)."
            )

    def _confirmed(self) -> bool:
        if not sys.stdin.isatty():
            raise CommandError(
                "Not a terminal: pass --yes to restore without confirmation.", returncode=REFUSED
            )
        media = (
            default_storage.location
            if isinstance(default_storage, FileSystemStorage)
            else default_storage.__class__.__name__
        )
        database = connection.settings_dict["NAME"]
        answer = input(f"Restore into database {database} and media {media}? [y/N] ")
        return answer.strip().lower() in {"y", "yes"}
