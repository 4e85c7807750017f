"""`keel backup`: the database, the uploaded files and a manifest, as one tar.gz archive.

The work is in keel/core/backup.py; docs/backups.md explains archives, restoring and the
nightly timer (deploy/keel-backup.timer).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from keel.core import backup


def _human(size: int) -> str:
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


class Command(BaseCommand):
    help = "Write a backup archive: database, uploaded files and a manifest with checksums."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--output",
            type=Path,
            default=None,
            help="Archive file or directory (default: $KEEL_DATA_DIR/backups/keel-<time>.tar.gz).",
        )
        parser.add_argument(
            "--include-key",
            action="store_true",
            help="Also store the vault's master key file. The archive then decrypts every secret.",
        )
        parser.add_argument(
            "--keep",
            type=int,
            default=None,
            metavar="N",
            help="Then delete the oldest keel-*.tar.gz archives beyond N in that directory.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        output: Path | None = options["output"]
        keep: int | None = options["keep"]
        if keep is not None and keep < 1:
            raise CommandError("--keep must be at least 1.")
        if keep is not None and output is not None and not output.is_dir():
            raise CommandError("--keep prunes a directory: use it with no --output or a directory.")
        try:
            result = backup.backup_create(output=output, include_key=options["include_key"])
        except backup.BackupError as exc:
            raise CommandError(str(exc)) from exc
        if options["include_key"]:
            self._warn_about_key(result)
        if keep is not None:
            for old in backup.prune_backups(directory=result.path.parent, keep=keep):
                self.stdout.write(f"Deleted old backup {old}")
        self.stdout.write(
            self.style.SUCCESS("Backup written: ")
            + f"{result.path} ({_human(result.size)}, {result.size} bytes)"
        )

    def _warn_about_key(self, result: backup.BackupResult) -> None:
        if result.key_file is None:
            self.stderr.write(
                self.style.WARNING(
                    f"No key file at {backup.master_key_file()}: the archive holds no master key. "
                    "KEEL_MASTER_KEY from the environment is never written to an archive; keep "
                    "a copy of it in your secret manager."
                )
            )
            return
        line = "!" * 78
        self.stderr.write(
            self.style.ERROR(
                f"{line}\n"
                f"THE VAULT MASTER KEY ({result.key_file}) IS INSIDE {result.path}\n"
                "Anyone who has this archive can decrypt EVERY secret in the vault.\n"
                "Store it apart from your other backups (an offline medium or a secret "
                "manager), never beside the data it unlocks.\n"
                f"{line}"
            )
        )
