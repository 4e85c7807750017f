"""Reads Keel's configuration from environment variables (and a local `.env`).

Every name is documented in docs/configuration.md; keep the two in step.
"""

from __future__ import annotations

import secrets
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent
REPO_DIR = BASE_DIR.parent

env = environ.Env()
_dotenv = REPO_DIR / ".env"
if _dotenv.exists():
    environ.Env.read_env(str(_dotenv))

KEEL_ENV: str = env.str("KEEL_ENV", default="development")
DATA_DIR = Path(env.str("KEEL_DATA_DIR", default=str(REPO_DIR / "var"))).resolve()


def data_dir() -> Path:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    return DATA_DIR


def secret_from_file(name: str) -> str:
    """A random secret kept in the data directory (mode 0600), made on first use.

    Used only in development so that sessions survive restarts without any set-up;
    production must set the variable explicitly.
    """
    if KEEL_ENV == "production":
        return ""  # production settings then refuse to start with a clear message
    path = data_dir() / name
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()
