"""`keel backup` → a wiped installation → `keel restore`: every row and every file comes back.

The round trips run `keel` as real processes, each installation with its own KEEL_DATA_DIR
and database (SQLite files; on PostgreSQL keel_backup_src / keel_backup_dst, made and
dropped here), because a restore replaces a whole database, which pytest-django's test
database cannot stand in for. The refusals that need no second installation run in-process.
"""

from __future__ import annotations

import base64
import contextlib
import gzip
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import InMemoryStorage
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.test import override_settings

from keel.core import backup, restore
from keel.core.tests.processes import keel_env

TIMEOUT = 600
KEEL = [sys.executable, "-m", "keel.manage"]
PG_ADMIN_DEFAULT = "postgres://postgres@127.0.0.1:5432/postgres"
# Run inside `keel shell`: files of the kinds Keel stores (a task attachment through its
# model, a nested file with a non-ASCII name and every byte value).
SEED_FILES = """
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from keel.tasks.models import Task
from keel.tasks.tests.factories import AttachmentFactory
for task in Task.objects.order_by("pk")[:3]:
    AttachmentFactory(task=task)
default_storage.save("wiki/files/数据 ü.bin", ContentFile(bytes(range(256)) * 64))
"""
# Every row of every table (models, many-to-many, django_migrations, the search index),
# sorted, so two databases compare equal exactly when they hold the same data.
DUMP_TABLES = """
import json, os
from django.db import connection
out = {}
with connection.cursor() as cursor:
    for table in sorted(connection.introspection.table_names(cursor)):
        cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
        columns = [d[0] for d in cursor.description]
        rows = sorted(
            repr(tuple(bytes(v) if isinstance(v, memoryview) else v for v in row))
            for row in cursor.fetchall()
        )
        out[table] = [columns, rows]
with open(os.environ["DUMP_TO"], "w") as f:
    json.dump(out, f)
"""

# Real `keel` processes on real installations (a minute or more): run once, in CI's last step.
PRODUCTION = pytest.mark.production


def _env(data_dir: Path, database_url: str = "") -> dict[str, str]:
    # One secret key for the source and every target: a restore carries signed data over.
    extra = {"DATABASE_URL": database_url} if database_url else {}
    return keel_env(data_dir, KEEL_SECRET_KEY="backup-test-" + "x" * 60, **extra)


def _keel(env: dict[str, str], *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [*KEEL, *args], env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )
    if check and result.returncode != 0:
        raise AssertionError(f"keel {' '.join(args)} → {result.returncode}\n{result.stderr}")
    return result


def _seed(env: dict[str, str]) -> None:
    _keel(env, "migrate", "--noinput")
    _keel(env, "seed", "large", "--members", "3")
    _keel(env, "shell", "-c", SEED_FILES)


def _tables(env: dict[str, str], tmp: Path) -> dict[str, Any]:
    target = tmp / f"dump-{os.urandom(4).hex()}.json"
    _keel({**env, "DUMP_TO": str(target)}, "shell", "-c", DUMP_TABLES)
    return dict(json.loads(target.read_text()))


def _files(data_dir: Path) -> dict[str, bytes]:
    media = data_dir / "media"
    return {
        p.relative_to(media).as_posix(): p.read_bytes() for p in media.rglob("*") if p.is_file()
    }


def _sqlite_tables(data_dir: Path) -> list[str]:
    """The tables of an installation's SQLite file (settings create it empty, mode 0600)."""
    path = data_dir / "keel.sqlite3"
    if not path.exists():
        return []
    with contextlib.closing(sqlite3.connect(path)) as db:
        return [name for (name,) in db.execute("SELECT name FROM sqlite_master")]


def _rows(dump: dict[str, Any], table: str) -> int:
    return len(dump[table][1])


@pytest.fixture(scope="module")
def sqlite_source(tmp_path_factory: pytest.TempPathFactory) -> SimpleNamespace:
    """A seeded SQLite installation, its table dump, and a backup of it (made once)."""
    root = tmp_path_factory.mktemp("backup-sqlite")
    data = root / "source"
    env = _env(data)
    _seed(env)
    archive = root / "source.tar.gz"
    _keel(env, "backup", "--output", str(archive))
    return SimpleNamespace(
        env=env, data=data, archive=archive, root=root, tables=_tables(env, root)
    )


@PRODUCTION
def test_sqlite_round_trip_restores_every_row_and_every_file(
    sqlite_source: SimpleNamespace, tmp_path: Path
) -> None:
    source = sqlite_source
    assert _rows(source.tables, "tasks_task") > 0 and _rows(source.tables, "accounts_user") > 0
    assert len(_files(source.data)) >= 4
    target = tmp_path / "fresh"
    env = _env(target)

    result = _keel(env, "restore", str(source.archive), "--yes")

    assert "Restored" in result.stdout
    assert _tables(env, tmp_path) == source.tables
    assert _files(target) == _files(source.data)
    assert _keel(env, "migrate", "--check", check=False).returncode == 0
    assert oct((target / "keel.sqlite3").stat().st_mode & 0o777) == oct(0o600)
    assert "holds no master key" in result.stdout  # made without --include-key


@PRODUCTION
def test_archive_holds_database_files_and_a_manifest_with_checksums(
    sqlite_source: SimpleNamespace,
) -> None:
    manifest = backup.archive_verify(sqlite_source.archive)

    names = {m["name"] for m in manifest["members"]}
    assert "database/keel.sqlite3" in names
    assert {f"media/{name}" for name in _files(sqlite_source.data)} <= names
    assert not any(name.startswith("key/") for name in names)
    assert manifest["database"]["vendor"] == "sqlite"
    assert ("tasks", "0001_initial") in manifest["migrations"]
    assert manifest["keel_version"] and manifest["django_version"]
    assert manifest["created_at"].endswith("Z")
    assert oct(sqlite_source.archive.stat().st_mode & 0o777) == oct(0o600)


@PRODUCTION
def test_a_flipped_byte_is_refused_and_the_target_left_untouched(
    sqlite_source: SimpleNamespace, tmp_path: Path
) -> None:
    corrupt = tmp_path / "corrupt.tar.gz"
    data = bytearray(sqlite_source.archive.read_bytes())
    data[len(data) // 2] ^= 0xFF
    corrupt.write_bytes(bytes(data))
    target = tmp_path / "fresh"

    result = _keel(_env(target), "restore", str(corrupt), "--yes", check=False)

    assert result.returncode == 2, result.stderr
    assert "Restore refused, nothing was changed" in result.stderr
    assert _sqlite_tables(target) == []
    assert not (target / "media").exists() or not _files(target)


def _rewrite(archive: Path, out: Path, change: Any, add: tuple[str, bytes] | None = None) -> None:
    """Copy an archive member by member; `change(name, data)` may return new bytes or None."""
    with tarfile.open(archive, "r:gz") as src, tarfile.open(out, "w:gz") as dst:
        for info in src:
            f = src.extractfile(info)
            assert f is not None
            data = f.read()
            data = change(info.name, data) or data
            info.size = len(data)
            dst.addfile(info, io.BytesIO(data))
            if add is not None:
                extra = tarfile.TarInfo(add[0])
                extra.size = len(add[1])
                dst.addfile(extra, io.BytesIO(add[1]))
                add = None


@PRODUCTION
def test_a_member_that_differs_from_the_manifest_is_refused(
    sqlite_source: SimpleNamespace, tmp_path: Path
) -> None:
    tampered = tmp_path / "tampered.tar.gz"

    def flip_a_file(name: str, data: bytes) -> bytes | None:
        return bytes([data[0] ^ 1]) + data[1:] if name.startswith("media/") else None

    _rewrite(sqlite_source.archive, tampered, flip_a_file)

    with pytest.raises(backup.RestoreRefused, match="checksum or size of media/"):
        backup.archive_verify(tampered)


@PRODUCTION
def test_a_member_missing_from_the_manifest_is_refused(
    sqlite_source: SimpleNamespace, tmp_path: Path
) -> None:
    smuggled = tmp_path / "smuggled.tar.gz"
    _rewrite(sqlite_source.archive, smuggled, lambda name, data: None, ("media/x.html", b"<p>"))

    with pytest.raises(backup.RestoreRefused, match=r"media/x\.html"):
        backup.archive_verify(smuggled)


@PRODUCTION
def test_a_path_outside_the_archive_layout_is_refused(
    sqlite_source: SimpleNamespace, tmp_path: Path
) -> None:
    escaping = tmp_path / "escaping.tar.gz"
    _rewrite(sqlite_source.archive, escaping, lambda name, data: None, ("media/../../x", b"!"))

    with pytest.raises(backup.RestoreRefused, match="unexpected member"):
        backup.archive_verify(escaping)


@PRODUCTION
def test_restoring_over_data_is_refused_and_changes_nothing(
    sqlite_source: SimpleNamespace, tmp_path: Path
) -> None:
    result = _keel(sqlite_source.env, "restore", str(sqlite_source.archive), "--yes", check=False)

    assert result.returncode == 2
    assert "The database is not empty" in result.stderr
    assert "core_workspace" in result.stderr or "accounts_user" in result.stderr
    assert _tables(sqlite_source.env, tmp_path) == sqlite_source.tables


@PRODUCTION
def test_files_in_the_media_store_are_refused(
    sqlite_source: SimpleNamespace, tmp_path: Path
) -> None:
    target = tmp_path / "fresh"
    (target / "media").mkdir(parents=True)
    (target / "media" / "leftover.txt").write_text("someone's file")

    result = _keel(_env(target), "restore", str(sqlite_source.archive), "--yes", check=False)

    assert result.returncode == 2
    assert "already holds files" in result.stderr
    assert _files(target) == {"leftover.txt": b"someone's file"}
    assert _sqlite_tables(target) == []


@PRODUCTION
def test_include_key_stores_the_key_file_warns_and_never_the_environment_key(
    sqlite_source: SimpleNamespace, tmp_path: Path
) -> None:
    key_file = sqlite_source.data / "master.key"
    if not key_file.exists():
        key_file.write_text(base64.urlsafe_b64encode(os.urandom(32)).decode() + "\n")
        key_file.chmod(0o600)
    from_environment = base64.urlsafe_b64encode(os.urandom(32)).decode()
    env = {**sqlite_source.env, "KEEL_MASTER_KEY": from_environment}
    with_key, without_key = tmp_path / "with-key.tar.gz", tmp_path / "without-key.tar.gz"

    loud = _keel(env, "backup", "--include-key", "--output", str(with_key))
    quiet = _keel(env, "backup", "--output", str(without_key))

    assert str(key_file) in loud.stderr and str(with_key) in loud.stderr
    assert "decrypt EVERY secret" in loud.stderr
    assert "master key" not in quiet.stderr.lower()
    with tarfile.open(with_key, "r:gz") as tar:
        stored = tar.extractfile("key/master.key")
        assert stored is not None and stored.read() == key_file.read_bytes()
    for archive in (with_key, without_key):
        assert from_environment.encode() not in gzip.decompress(archive.read_bytes())
    with tarfile.open(without_key, "r:gz") as tar:
        assert "key/master.key" not in tar.getnames()

    target = tmp_path / "fresh"
    restored = _keel(_env(target), "restore", str(with_key), "--yes")
    assert "master key was written" in restored.stdout
    assert (target / "master.key").read_bytes() == key_file.read_bytes()
    assert oct((target / "master.key").stat().st_mode & 0o777) == oct(0o600)


@PRODUCTION
def test_keep_deletes_only_the_oldest_archives_of_the_backup_directory(
    sqlite_source: SimpleNamespace,
) -> None:
    backups = sqlite_source.data / "backups"
    backups.mkdir(exist_ok=True)
    for name in ("keel-20200101-000000.tar.gz", "keel-20200102-000000.tar.gz"):
        (backups / name).write_bytes(b"old")
    (backups / "keel-20200103-000000-1.tar.gz").write_bytes(b"newest old")
    (backups / "notes.txt").write_text("mine")

    result = _keel(sqlite_source.env, "backup", "--keep", "2")

    left = sorted(p.name for p in backups.iterdir())
    new = [n for n in left if n.startswith("keel-") and not n.startswith("keel-2020")]
    assert len(new) == 1 and new[0] in result.stdout
    assert left == sorted([*new, "keel-20200103-000000-1.tar.gz", "notes.txt"])
    assert oct(backups.stat().st_mode & 0o777) == oct(0o700)
    assert oct((backups / new[0]).stat().st_mode & 0o777) == oct(0o600)


def test_prune_orders_same_second_archives_by_their_suffix(tmp_path: Path) -> None:
    names = ["keel-20260101-030000.tar.gz", "keel-20260101-030000-1.tar.gz"]
    names += ["keel-20260101-030000-2.tar.gz", "keel-20251231-030000.tar.gz"]
    for name in names:
        (tmp_path / name).write_bytes(b"")

    removed = backup.prune_backups(directory=tmp_path, keep=2)

    assert sorted(p.name for p in removed) == [names[3], names[0]]


# --- Refusals checked in-process (vendor, migrations) ----------------------------------------
@pytest.fixture
def empty_media() -> Iterator[None]:
    with override_settings(
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
    ):
        yield


def _manifest(**changes: Any) -> dict[str, Any]:
    applied = sorted(MigrationRecorder(connection).applied_migrations())
    manifest: dict[str, Any] = {
        "keel_version": "9.9.9",
        "database": {"vendor": connection.vendor},
        "migrations": applied,
    }
    manifest.update(changes)
    return manifest


@pytest.mark.django_db
def test_an_archive_of_another_database_vendor_is_refused(empty_media: None) -> None:
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    with pytest.raises(backup.RestoreRefused, match=f"holds a {other} database"):
        restore.restore_check(_manifest(database={"vendor": other}))


@pytest.mark.django_db
def test_an_archive_from_a_newer_keel_is_refused(empty_media: None) -> None:
    future = [*_manifest()["migrations"], ("core", "9999_from_the_future")]
    with pytest.raises(backup.RestoreRefused, match="newer Keel"):
        restore.restore_check(_manifest(migrations=future))


@pytest.mark.django_db
def test_an_older_archive_is_accepted_and_lists_the_migrations_to_run() -> None:
    applied = _manifest()["migrations"]
    last = ("tasks", "0006_occurrence_due_date_in_series_zone")
    older = [m for m in applied if m != last]

    assert restore.migrations_check(_manifest(migrations=applied)) == []
    assert restore.migrations_check(_manifest(migrations=older)) == [last]


def test_files_are_found_through_the_storage_api_for_non_disk_storages() -> None:
    storage = InMemoryStorage()
    for name in ("a.txt", "wiki/x/数据.bin", "wiki/y.png"):
        storage.save(name, ContentFile(b"data"))

    assert sorted(backup.storage_files(storage)) == ["a.txt", "wiki/x/数据.bin", "wiki/y.png"]


def test_the_postgres_password_goes_in_the_environment_not_the_command_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake = SimpleNamespace(
        settings_dict={
            "NAME": "keel",
            "USER": "keel",
            "PASSWORD": "s3cret-pw",
            "HOST": "db.internal",
            "PORT": "5433",
            "OPTIONS": {"sslmode": "require"},
        }
    )
    monkeypatch.setattr(backup, "connection", fake)

    env, args = backup.pg_env_and_args()

    assert env["PGPASSWORD"] == "s3cret-pw" and env["PGSSLMODE"] == "require"
    assert "s3cret-pw" not in " ".join(args)
    assert args[:6] == ["--host", "db.internal", "--port", "5433", "--username", "keel"]


# --- PostgreSQL ----------------------------------------------------------------------------
def _pg_admin_url() -> str:
    url = os.environ.get("KEEL_TEST_DATABASE_URL", "") or PG_ADMIN_DEFAULT
    return urllib.parse.urlsplit(url)._replace(path="/postgres").geturl()


def _pg_reachable() -> bool:
    try:
        import psycopg

        with psycopg.connect(_pg_admin_url(), connect_timeout=3):
            return True
    except Exception:
        return False


@contextlib.contextmanager
def _pg_databases(*names: str) -> Iterator[list[str]]:
    import psycopg

    admin = _pg_admin_url()

    def drop() -> None:
        with psycopg.connect(admin, autocommit=True) as conn:
            for name in names:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    drop()
    with psycopg.connect(admin, autocommit=True) as conn:
        for name in names:
            conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield [urllib.parse.urlsplit(admin)._replace(path=f"/{n}").geturl() for n in names]
    finally:
        drop()


@PRODUCTION
@pytest.mark.skipif(not _pg_reachable(), reason="PostgreSQL is not reachable")
def test_postgres_round_trip_restores_every_row_and_every_file(tmp_path: Path) -> None:
    if shutil.which("pg_dump") is None and not Path("/usr/bin/pg_dump").exists():
        pytest.skip("pg_dump is not installed")
    with _pg_databases("keel_backup_src", "keel_backup_dst") as (src_url, dst_url):
        source = _env(tmp_path / "source", src_url)
        _seed(source)
        archive = tmp_path / "pg.tar.gz"
        _keel(source, "backup", "--output", str(archive))
        # The target has been migrated (tables, no rows): restore makes room for the dump.
        target = _env(tmp_path / "target", dst_url)
        _keel(target, "migrate", "--noinput")

        result = _keel(target, "restore", str(archive), "--yes")

        assert "Restored" in result.stdout
        source_tables = _tables(source, tmp_path)
        assert _rows(source_tables, "tasks_task") > 0
        assert _tables(target, tmp_path) == source_tables
        assert _files(tmp_path / "target") == _files(tmp_path / "source")
        assert _keel(target, "migrate", "--check", check=False).returncode == 0
        # Sequences came along: a new row does not collide with a restored one.
        _keel(
            target,
            "shell",
            "-c",
            "from keel.core.tests.factories import WorkspaceFactory;WorkspaceFactory()",
        )

        again = _keel(target, "restore", str(archive), "--yes", check=False)
        assert again.returncode == 2 and "not empty" in again.stderr
        on_sqlite = _keel(_env(tmp_path / "sqlite"), "restore", str(archive), "--yes", check=False)
        assert on_sqlite.returncode == 2 and "holds a postgresql database" in on_sqlite.stderr
