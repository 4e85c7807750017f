"""Test settings: SQLite by default, PostgreSQL with KEEL_TEST_DATABASE_URL."""

from __future__ import annotations

import os

import environ

from keel.settings.base import *  # noqa: F403
from keel.settings.base import _sqlite_options

DEBUG = False
SECRET_KEY = "test-secret-key-not-for-production"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
ALLOWED_HOSTS = ["*"]

_test_db = os.environ.get("KEEL_TEST_DATABASE_URL", "")
if _test_db:
    DATABASES = {"default": environ.Env.db_url_config(_test_db)}
    DATABASES["default"]["TEST"] = {"NAME": DATABASES["default"]["NAME"]}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": ":memory:",
            "OPTIONS": dict(_sqlite_options),
            "TEST": {"NAME": ""},
        }
    }

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Jobs run inline in tests, except in the worker tests which start a real worker process.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
KEEL_DELIVERY_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
EMAIL_BACKEND = "keel.core.mail.QueuedEmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
LOGGING = {"version": 1, "disable_existing_loggers": False}

# WhiteNoise warns when STATIC_ROOT is missing; tests serve static files through the finders.
STATIC_ROOT = None  # type: ignore[assignment]
# A fixed master key, so tests never create or read the developer's $KEEL_DATA_DIR/master.key
# (keel.core.crypto).
# Tests (and the API fuzzer, which connects chats with made-up addresses) post only to fake
# chats on this machine: nothing leaves it, not even a DNS query.
KEEL_CHAT_LOOPBACK_ONLY = True
KEEL_MASTER_KEY = "a2VlbC10ZXN0LW1hc3Rlci1rZXktbm90LXNlY3JldCE="
