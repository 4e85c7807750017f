"""Backups of a whole installation: database, uploaded files and a manifest, in one tar.gz.

`keel backup` wraps `backup_create` and `prune_backups`; `archive_verify` checks an archive
before anything reads it. Restoring is keel/core/restore.py (`keel restore`);
docs/backups.md is the operator's side of both.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import IO, Any

import django
from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, default_storage
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from keel.core import crypto

FORMAT = 1
MANIFEST = "manifest.json"
DB_MEMBERS = {"sqlite": "database/keel.sqlite3", "postgresql": "database/keel.pgdump"}
MEDIA_PREFIX = "media/"
KEY_MEMBER = "key/master.key"
# Only files named like this are ever deleted by `--keep` (the suffix separates two backups
# made in the same second).
ARCHIVE_NAME = re.compile(r"^keel-(\d{8}-\d{6})(?:-(\d+))?\.tar\.gz$")
# Tables `keel migrate` fills by itself: rows there do not make a database "in use".
MIGRATE_FILLED = {"django_migrations", "django_content_type", "auth_permission"}
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore step failed (the message says why, e.g. pg_dump's error)."""


class RestoreRefused(Exception):
    """The archive cannot be restored here. Raised before anything has been changed."""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    key_file: Path | None  # the master key file that went into the archive, if any


@dataclass
class RestoreResult:
    files: int = 0
    pending_migrations: list[tuple[str, str]] = field(default_factory=list)
    key_file: Path | None = None  # where the archive's master key was written


# --- Paths ---------------------------------------------------------------------------------
def data_dir() -> Path:
    return Path(getattr(settings, "DATA_DIR", None) or os.environ.get("KEEL_DATA_DIR") or "var")


def default_backup_dir() -> Path:
    return data_dir() / "backups"


def master_key_file() -> Path:
    """The master key file (crypto's); KEEL_MASTER_KEY (the environment) is never archived."""
    return crypto.key_file_path()


def private_dir(path: Path) -> Path:
    """Create a directory owner-only (0700); one that exists keeps its mode (it may be /etc/…)."""
    if not path.exists():
        path.mkdir(parents=True, mode=0o700)
        path.chmod(0o700)  # mkdir's mode is filtered by the umask
    return path


# --- Writing an archive --------------------------------------------------------------------
class _HashingReader:
    """Hashes what tarfile copies, so each member is read once (a video may be large)."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.digest = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.digest.update(data)
        return data


class _ArchiveWriter:
    def __init__(self, tar: tarfile.TarFile) -> None:
        self.tar = tar
        self.members: list[dict[str, Any]] = []

    def add(self, name: str, raw: IO[bytes], size: int) -> None:
        info = tarfile.TarInfo(name)
        info.size, info.mode, info.mtime = size, 0o600, int(datetime.now(UTC).timestamp())
        reader = _HashingReader(raw)
        self.tar.addfile(info, reader)  # tarfile only calls .read() on it
        self.members.append({"name": name, "size": size, "sha256": reader.digest.hexdigest()})

    def add_path(self, name: str, path: Path) -> None:
        with path.open("rb") as f:
            self.add(name, f, os.fstat(f.fileno()).st_size)

    def add_bytes(self, name: str, data: bytes) -> None:
        self.add(name, io.BytesIO(data), len(data))


def _vendor() -> str:
    if connection.vendor not in DB_MEMBERS:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}.")
    return connection.vendor


def in_memory() -> bool:
    return bool(connection.creation.is_in_memory_db(connection.settings_dict["NAME"]))  # type: ignore[attr-defined]


def _dump_sqlite(target: Path) -> None:
    """The online backup API: a consistent copy while the web and worker processes write."""
    if in_memory():
        raise BackupError("The database is in memory; there is no file to back up.")
    connection.ensure_connection()
    source = connection.connection
    with contextlib.closing(sqlite3.connect(target)) as copy:
        source.backup(copy)


def pg_env_and_args() -> tuple[dict[str, str], list[str]]:
    """libpq settings from Django's DATABASES; the password only ever goes in PGPASSWORD."""
    db = connection.settings_dict
    env = dict(os.environ)
    args = []
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    for option, variable in (
        ("sslmode", "PGSSLMODE"),
        ("sslrootcert", "PGSSLROOTCERT"),
        ("sslcert", "PGSSLCERT"),
        ("sslkey", "PGSSLKEY"),
        ("passfile", "PGPASSFILE"),
        ("service", "PGSERVICE"),
    ):
        if (db.get("OPTIONS") or {}).get(option):
            env[variable] = str(db["OPTIONS"][option])
    return env, [*args, "--no-password"]


def pg_tool(name: str) -> str:
    return shutil.which(name) or f"/usr/bin/{name}"


def run_pg(command: list[str], env: dict[str, str], what: str) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{what} failed ({result.returncode}): {result.stderr.strip()[-2000:]}")


def _dump_postgres(target: Path) -> None:
    env, args = pg_env_and_args()
    command = [pg_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges"]
    command += [*args, "--file", str(target), "--dbname", str(connection.settings_dict["NAME"])]
    run_pg(command, env, "pg_dump")


def storage_files(storage: Storage, directory: str = "") -> Iterator[str]:
    """Every file name in a storage, through its API (works for S3-compatible storages)."""
    if isinstance(storage, FileSystemStorage):
        root = Path(storage.location)
        for folder, dirs, files in os.walk(root):
            dirs.sort()
            for name in sorted(files):
                path = Path(folder, name)
                if path.is_file() and not path.is_symlink():
                    yield path.relative_to(root).as_posix()
        return
    dirs, files = storage.listdir(directory)
    for name in sorted(files):
        yield f"{directory}{name}"
    for name in sorted(dirs):
        yield from storage_files(storage, f"{directory}{name}/")


def _applied_migrations() -> list[list[str]]:
    return sorted([app, name] for app, name in MigrationRecorder(connection).applied_migrations())


def _archive_path(output: Path | None, now: datetime) -> Path:
    if output is not None and not output.is_dir():
        if output.exists():
            raise BackupError(f"{output} already exists; backups never overwrite a file.")
        if not output.parent.exists():
            private_dir(output.parent)
        return output
    if output is None:
        output = private_dir(default_backup_dir())
        output.chmod(0o700)  # Keel's own directory: archives are nobody else's business
    directory = output
    stamp = now.strftime("%Y%m%d-%H%M%S")
    candidate, n = directory / f"keel-{stamp}.tar.gz", 0
    while candidate.exists():
        n += 1
        candidate = directory / f"keel-{stamp}-{n}.tar.gz"
    return candidate


def backup_create(*, output: Path | None = None, include_key: bool = False) -> BackupResult:
    """Write the database, the uploaded files (and the key file if asked) as one archive.

    The database is copied first, so every file it refers to is already stored when the
    files are walked. The archive appears under its name only once complete (0600).
    """
    now = datetime.now(UTC)
    vendor = _vendor()
    path = _archive_path(output, now)
    partial = path.with_name(f".{path.name}.partial")
    key_file = master_key_file() if include_key else None
    if key_file is not None and not key_file.is_file():
        key_file = None
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with (
            os.fdopen(fd, "wb") as raw,
            tarfile.open(fileobj=raw, mode="w:gz", compresslevel=6) as tar,
            tempfile.TemporaryDirectory(dir=path.parent, prefix=".keel-backup-") as tmp,
        ):
            writer = _ArchiveWriter(tar)
            dump = Path(tmp) / "database"
            _dump_sqlite(dump) if vendor == "sqlite" else _dump_postgres(dump)
            migrations = _applied_migrations()
            writer.add_path(DB_MEMBERS[vendor], dump)
            dump.unlink()
            for name in storage_files(default_storage):
                with default_storage.open(name, "rb") as f:
                    writer.add(MEDIA_PREFIX + name, f, default_storage.size(name))
            if key_file is not None:
                writer.add_path(KEY_MEMBER, key_file)
            storage_class = default_storage.__class__  # the real one, not the lazy proxy
            manifest = {
                "format": FORMAT,
                "keel_version": importlib.metadata.version("keel"),
                "django_version": django.get_version(),
                "created_at": now.isoformat(timespec="seconds").replace("+00:00", "Z"),
                "database": {"vendor": vendor, "member": DB_MEMBERS[vendor]},
                "storage": f"{storage_class.__module__}.{storage_class.__name__}",
                "migrations": migrations,
                "includes_key": key_file is not None,
                "members": writer.members,
            }
            writer.add_bytes(MANIFEST, json.dumps(manifest, indent=2).encode())
            tar.close()
            raw.flush()
            os.fsync(raw.fileno())
        partial.rename(path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return BackupResult(path=path, size=path.stat().st_size, key_file=key_file)


def prune_backups(*, directory: Path, keep: int) -> list[Path]:
    """Delete the oldest `keel-….tar.gz` archives beyond `keep`; other files are left alone."""
    found = []
    for path in directory.iterdir():
        match = ARCHIVE_NAME.match(path.name)
        if match and path.is_file():
            found.append(((match.group(1), int(match.group(2) or 0)), path))
    found.sort(reverse=True)
    removed = [path for _, path in found[keep:]]
    for path in removed:
        path.unlink()
    return removed


# --- Reading an archive --------------------------------------------------------------------
def _member_name_ok(name: str) -> bool:
    parts = PurePosixPath(name).parts
    return (
        bool(parts)
        and not name.startswith("/")
        and "\\" not in name
        and all(part not in ("", ".", "..") for part in parts)
        and (
            name in (MANIFEST, KEY_MEMBER, *DB_MEMBERS.values())
            or (name.startswith(MEDIA_PREFIX) and len(parts) > 1)
        )
    )


def archive_verify(path: Path) -> dict[str, Any]:
    """Read the whole archive once and check every member against the manifest.

    Returns the manifest. Any unreadable byte, unexpected member or checksum difference is
    a RestoreRefused: a backup is only restored when it is exactly what was written.
    """
    seen: dict[str, tuple[int, str]] = {}
    manifest_bytes = b""
    try:
        with tarfile.open(path, mode="r|gz") as tar:
            for info in tar:
                if not info.isfile() or not _member_name_ok(info.name) or info.name in seen:
                    raise RestoreRefused(f"{path}: unexpected member {info.name!r}.")
                f = tar.extractfile(info)
                assert f is not None  # a regular file, checked above
                if info.name == MANIFEST:
                    manifest_bytes = f.read()
                    continue
                digest = hashlib.sha256()
                while chunk := f.read(CHUNK):
                    digest.update(chunk)
                seen[info.name] = (info.size, digest.hexdigest())
    except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
        raise RestoreRefused(f"{path} is unreadable or corrupt: {exc}") from exc
    try:
        manifest = json.loads(manifest_bytes)
        listed = {m["name"]: (int(m["size"]), str(m["sha256"])) for m in manifest["members"]}
        vendor = manifest["database"]["vendor"]
        manifest["migrations"] = [(str(app), str(name)) for app, name in manifest["migrations"]]
    except (ValueError, KeyError, TypeError) as exc:
        raise RestoreRefused(f"{path} has no valid {MANIFEST}; is it a Keel backup?") from exc
    if manifest.get("format") != FORMAT:
        raise RestoreRefused(
            f"{path} is in backup format {manifest.get('format')!r}, not {FORMAT}."
        )
    for name in sorted(set(listed) | set(seen)):
        if listed.get(name) != seen.get(name):
            raise RestoreRefused(
                f"{path}: the checksum or size of {name} differs from the manifest."
            )
    if DB_MEMBERS.get(vendor) not in seen:
        raise RestoreRefused(f"{path} holds no database dump.")
    return dict(manifest)
