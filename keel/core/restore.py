"""Restoring a backup (keel/core/backup.py made it) into an empty installation.

`keel restore` wraps `restore_check` (refuse a mismatched archive or a target in use, and
say which migrations will be pending) and `restore_archive`; nothing changes before every
check has passed. docs/backups.md is the operator's side of it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import tarfile
import tempfile
from pathlib import Path, PurePosixPath
from typing import Any

from django.apps import apps
from django.core.files import File
from django.core.files.storage import FileSystemStorage, Storage, default_storage
from django.db import connection
from django.db.migrations.loader import MigrationLoader

# The archive's layout and the database tools are backup.py's; restoring reads them back.
from keel.core.backup import (
    CHUNK,
    DB_MEMBERS,
    KEY_MEMBER,
    MEDIA_PREFIX,
    MIGRATE_FILLED,
    BackupError,
    RestoreRefused,
    RestoreResult,
    data_dir,
    in_memory,
    master_key_file,
    pg_env_and_args,
    pg_tool,
    private_dir,
    run_pg,
    storage_files,
)


# --- Restoring -----------------------------------------------------------------------------
def _known_tables() -> set[str]:
    tables = {"django_migrations"}
    for model in apps.get_models(include_auto_created=True):
        tables.add(model._meta.db_table)
    return tables


def _tables_in_use() -> list[str]:
    """Tables holding anything beyond what `keel migrate` writes by itself.

    On PostgreSQL a table Django does not know counts too, even empty: restoring drops every
    table, and a table of someone else's is not ours to drop.
    """
    known = _known_tables()
    with connection.cursor() as cursor:
        shadow_prefixes: tuple[str, ...] = ()
        if connection.vendor == "sqlite":
            # FTS5's own tables (search_fts_config, …) have rows from birth; they follow
            # their virtual table, whose content table is a model's.
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND sql LIKE 'CREATE VIRTUAL TABLE%'"
            )
            shadow_prefixes = tuple(f"{name}_" for (name,) in cursor.fetchall())
        busy = []
        for table in connection.introspection.table_names(cursor):
            if table in MIGRATE_FILLED or table.startswith(shadow_prefixes or ("\0",)):
                continue
            cursor.execute(f"SELECT 1 FROM {connection.ops.quote_name(table)} LIMIT 1")  # noqa: S608
            if cursor.fetchone() or (connection.vendor == "postgresql" and table not in known):
                busy.append(table)
    return busy


def _media_in_use(storage: Storage) -> bool:
    return next(iter(storage_files(storage)), None) is not None


def restore_check(
    manifest: dict[str, Any], *, key_bytes: bytes | None = None
) -> list[tuple[str, str]]:
    """Refuse an archive this installation cannot take; return the migrations it lacks.

    Checked before anything changes: the database vendor, migrations this code does not
    know (a newer Keel's archive), a database or media store already in use, a different
    key file.
    """
    vendor = manifest["database"]["vendor"]
    if vendor != connection.vendor:
        raise RestoreRefused(
            f"The archive holds a {vendor} database, but Keel is configured for "
            f"{connection.vendor}. Set DATABASE_URL to a {vendor} database."
        )
    pending = migrations_check(manifest)
    if connection.vendor == "sqlite" and in_memory():
        raise RestoreRefused("The configured SQLite database is in memory.")
    busy = _tables_in_use()
    if busy:
        raise RestoreRefused(
            "The database is not empty (in use: "
            + ", ".join(busy[:5])
            + (", …" if len(busy) > 5 else "")
            + "). Restore into a new, empty database."
        )
    if _media_in_use(default_storage):
        raise RestoreRefused(
            "The uploaded-files store already holds files"
            + (
                f" ({default_storage.location})"
                if isinstance(default_storage, FileSystemStorage)
                else ""
            )
            + ". Restore into an empty one."
        )
    key = master_key_file()
    if key_bytes is not None and key.exists() and key.read_bytes() != key_bytes:
        raise RestoreRefused(
            f"{key} exists and differs from the key in the archive. If this installation made "
            "it and has encrypted nothing with it yet, remove it and restore again."
        )
    return pending


def migrations_check(manifest: dict[str, Any]) -> list[tuple[str, str]]:
    """Refuse migrations this code does not know; return those the archive has not run yet.

    An older archive is fine (`keel migrate` brings it up to date afterwards); a newer
    one would leave tables this code cannot read.
    """
    loader = MigrationLoader(None, ignore_no_migrations=True)
    archived = {(str(app), str(name)) for app, name in manifest["migrations"]}
    unknown = sorted(archived - set(loader.disk_migrations))
    if unknown:
        listed = ", ".join(f"{app}.{name}" for app, name in unknown[:5])
        raise RestoreRefused(
            f"The archive comes from a newer Keel ({manifest.get('keel_version')}): this code "
            f"does not know {len(unknown)} of its migrations ({listed}). Install that version "
            "or newer, then restore."
        )
    return sorted(set(loader.graph.nodes) - archived)


def _restore_sqlite(dump: Path) -> None:
    target = Path(connection.settings_dict["NAME"])
    connection.close()
    with (
        contextlib.closing(sqlite3.connect(dump)) as source,
        contextlib.closing(sqlite3.connect(target)) as copy,
    ):
        source.backup(copy)
    target.chmod(0o600)


def _drop_migrate_only_tables() -> None:
    """Make room for pg_restore in a database that only `keel migrate` has written to.

    `restore_check` refused any table with rows, so nothing here is anyone's data.
    """
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"DROP TABLE IF EXISTS {connection.ops.quote_name(table)} CASCADE")
    connection.close()


def _restore_postgres(dump: Path) -> None:
    _drop_migrate_only_tables()
    env, args = pg_env_and_args()
    command = [pg_tool("pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error"]
    command += ["--single-transaction", *args, "--dbname", str(connection.settings_dict["NAME"])]
    run_pg([*command, str(dump)], env, "pg_restore")


def key_in_archive(path: Path, manifest: dict[str, Any]) -> bytes | None:
    """The master key stored in the archive (only with `keel backup --include-key`)."""
    if not manifest.get("includes_key"):
        return None
    with tarfile.open(path, mode="r|gz") as tar:
        for info in tar:
            if info.name == KEY_MEMBER:
                f = tar.extractfile(info)
                return f.read() if f else None
    return None


def restore_archive(path: Path, manifest: dict[str, Any]) -> RestoreResult:
    """Restore an archive that passed `archive_verify` and `restore_check`."""
    result = RestoreResult()
    vendor = manifest["database"]["vendor"]
    key = master_key_file()
    with (
        tempfile.TemporaryDirectory(dir=private_dir(data_dir()), prefix=".keel-restore-") as tmp,
        tarfile.open(path, mode="r|gz") as tar,
    ):
        for info in tar:
            f = tar.extractfile(info)
            assert f is not None
            if info.name == DB_MEMBERS[vendor]:
                dump = Path(tmp) / "database"
                with dump.open("wb") as out:
                    shutil.copyfileobj(f, out, CHUNK)
                _restore_sqlite(dump) if vendor == "sqlite" else _restore_postgres(dump)
                dump.unlink()
            elif info.name.startswith(MEDIA_PREFIX):
                name = info.name.removeprefix(MEDIA_PREFIX)
                content = File(f, name=PurePosixPath(name).name)
                content.size = info.size  # the stream cannot seek to measure itself
                saved = default_storage.save(name, content)
                if saved != name:
                    raise BackupError(f"The storage saved {name} as {saved}.")
                result.files += 1
            elif info.name == KEY_MEMBER and not key.exists():
                private_dir(key.parent)
                fd = os.open(key, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "wb") as out:
                    out.write(f.read())
                result.key_file = key
    result.pending_migrations = migrations_check(manifest)
    return result
