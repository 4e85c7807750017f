"""Production settings pass Django's deployment checks and refuse to start without secrets."""

from __future__ import annotations

import os
import secrets
import string
import subprocess
import sys
from pathlib import Path

import pytest


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("KEEL_", "DJANGO_", "PYTEST_"))
        and k not in {"DATABASE_URL", "REDIS_URL", "EMAIL_URL"}
    }
    env.update(KEEL_ENV="production", KEEL_DATA_DIR=str(tmp_path), **extra)
    return env


def _keel(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "keel.manage", *args],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def _secret_key() -> str:
    alphabet = string.ascii_letters + string.digits + "!@#%^&*(-_=+)"
    return "".join(secrets.choice(alphabet) for _ in range(60))


@pytest.mark.parametrize("database", ["sqlite", "postgres"])
def test_check_deploy_passes_clean(tmp_path, database):
    extra = {
        "KEEL_SECRET_KEY": _secret_key(),
        "KEEL_ALLOWED_HOSTS": "keel.example.com",
        "KEEL_BASE_URL": "https://keel.example.com",
    }
    if database == "postgres":
        # `check --deploy` does not connect; the URL only has to select the backend.
        extra["DATABASE_URL"] = "postgres://keel:keel@127.0.0.1:5432/keel"
    result = _keel(_env(tmp_path, **extra), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_warns_without_keel_base_url(tmp_path):
    env = _env(tmp_path, KEEL_SECRET_KEY=_secret_key(), KEEL_ALLOWED_HOSTS="keel.example.com")
    result = _keel(env, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode != 0
    assert "keel.W001" in result.stdout + result.stderr
    assert "KEEL_BASE_URL" in result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = _keel(_env(tmp_path, KEEL_ALLOWED_HOSTS="keel.example.com"), "check")
    assert result.returncode != 0
    assert "KEEL_SECRET_KEY" in result.stderr


def test_production_refuses_a_short_secret_key(tmp_path):
    env = _env(tmp_path, KEEL_SECRET_KEY="short", KEEL_ALLOWED_HOSTS="keel.example.com")
    result = _keel(env, "check")
    assert result.returncode != 0
    assert "KEEL_SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts(tmp_path):
    result = _keel(_env(tmp_path, KEEL_SECRET_KEY=_secret_key()), "check")
    assert result.returncode != 0
    assert "KEEL_ALLOWED_HOSTS" in result.stderr


def test_production_settings_are_strict(tmp_path):
    env = _env(tmp_path, KEEL_SECRET_KEY=_secret_key(), KEEL_ALLOWED_HOSTS="keel.example.com")
    code = (
        "from django.conf import settings as s; "
        "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, "
        "s.SECURE_HSTS_SECONDS >= 31536000, s.ACCOUNT_EMAIL_VERIFICATION)"
    )
    result = _keel(env, "shell", "-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-6:] == ["False", "True", "True", "True", "True", "mandatory"]
