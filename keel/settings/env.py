"""Reads Keel's configuration from environment variables (and a local `.env`).

Every name is documented in docs/configuration.md; keep the two in step.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path
from typing import Any

import environ

BASE_DIR = Path(__file__).resolve().parent.parent
REPO_DIR = BASE_DIR.parent

env = environ.Env()
_dotenv = REPO_DIR / ".env"
if _dotenv.exists():
    environ.Env.read_env(str(_dotenv))

KEEL_ENV: str = env.str("KEEL_ENV", default="development")
DATA_DIR = Path(env.str("KEEL_DATA_DIR", default=str(REPO_DIR / "var"))).resolve()


def _owner_only(path: Path, mode: int) -> None:
    """Take group and other permissions away; a directory or file someone else owns (a
    read-only mount, a shared parent) is left as it is."""
    with contextlib.suppress(OSError):
        if path.stat().st_mode & 0o077:
            path.chmod(mode)


def data_dir() -> Path:
    """The data directory, owner-only (0700): it holds the database, uploads, mail written to
    files and key files, none of which another account on the machine may read."""
    DATA_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
    _owner_only(DATA_DIR, 0o700)
    return DATA_DIR


def private_file(path: Path | str) -> Path:
    """Create `path` empty with mode 0600 unless it exists (then take away group and other
    permissions), so a secret is never readable by others, even for a moment."""
    path = Path(path)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    _owner_only(path, 0o600)
    return path


def sqlite_owner_only(sender: Any, connection: Any, **kwargs: Any) -> None:
    """connection_created receiver: the SQLite file (new ones are created with the umask's
    mode, usually world-readable) and its -wal/-shm files become 0600, once per process.
    While the file is new it is still empty; SQLite gives -wal/-shm files created later the
    database's mode."""
    if connection.vendor != "sqlite":
        return
    name = str(connection.settings_dict.get("NAME") or "")
    if name in _tightened or name in ("", ":memory:") or name.startswith("file:"):
        return
    for suffix in ("", "-wal", "-shm", "-journal"):
        _owner_only(Path(name + suffix), 0o600)
    _tightened.add(name)


_tightened: set[str] = set()


def secret_from_file(name: str) -> str:
    """A random secret kept in the data directory (mode 0600), made on first use.

    Used only in development so that sessions survive restarts without any set-up;
    production must set the variable explicitly.
    """
    if KEEL_ENV == "production":
        return ""  # production settings then refuse to start with a clear message
    path = data_dir() / name
    if not path.exists() or not path.read_text().strip():
        private_file(path)  # 0600 before the secret is written into it
        path.write_text(secrets.token_urlsafe(50))
    return path.read_text().strip()
