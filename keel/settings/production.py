"""Production: everything from the environment, strict security headers, no defaults for secrets."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

from keel.settings.base import *  # noqa: F403
from keel.settings.env import env

DEBUG = False
SECRET_KEY = env.str("KEEL_SECRET_KEY", default="")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("KEEL_SECRET_KEY must be set to at least 50 random characters.")
ALLOWED_HOSTS = env.list("KEEL_ALLOWED_HOSTS")
# No development default: `keel check --deploy` warns while it is unset (keel.core.checks).
KEEL_BASE_URL = env.str("KEEL_BASE_URL", default="").rstrip("/")

SECURE_SSL_REDIRECT = env.bool("KEEL_SSL_REDIRECT", default=True)
# Load balancers probe the server directly over HTTP: the health URLs answer without a redirect.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("KEEL_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
ACCOUNT_EMAIL_VERIFICATION = env.str("KEEL_EMAIL_VERIFICATION", default="mandatory")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = False

# --- auth hardening (issue 12) ---
# No admin in production unless asked for, whatever KEEL_DEBUG says (see base.py).
KEEL_ADMIN = env.bool("KEEL_ADMIN", default=False)
# --- end auth hardening ---

# --- S3-compatible storage (issue 12) ---
# STORAGES is redefined above: switch uploads to the bucket again when KEEL_S3_BUCKET is set.
from keel.settings.storage import with_s3_storage  # noqa: E402 (kept in this block)

STORAGES = with_s3_storage(STORAGES)
# --- end S3-compatible storage ---
